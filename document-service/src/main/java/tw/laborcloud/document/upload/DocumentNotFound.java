package tw.laborcloud.document.upload;

import tw.laborcloud.platform.web.ApiException;

/** The one answer for an upload id without a record or without content. */
public final class DocumentNotFound {

    public static final String CODE = "DOCUMENT_NOT_FOUND";

    private DocumentNotFound() {
    }

    public static ApiException problem() {
        return ApiException.notFound(CODE, "找不到這份文件，可能已逾期刪除或編號有誤。");
    }
}
