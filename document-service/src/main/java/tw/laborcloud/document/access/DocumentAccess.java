package tw.laborcloud.document.access;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tw.laborcloud.document.access.AccessLog.Outcome;
import tw.laborcloud.document.upload.DocumentNotFound;
import tw.laborcloud.document.upload.Upload;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.platform.web.ApiException;

/**
 * Who may read a document, and the record of every attempt. Bureau officers (reviewer,
 * approver) read every document; a union reads the documents of the application that
 * became that union, once its account is activated; nobody else reads any. A union gets
 * the same refusal for a document that does not exist as for one of another union, so the
 * answer tells nothing about other applicants.
 */
@Component
class DocumentAccess {

    static final String NOT_YOUR_DOCUMENT = "NOT_YOUR_DOCUMENT";
    static final String ACCESS_DENIED = "DOCUMENT_ACCESS_DENIED";

    private static final Logger log = LoggerFactory.getLogger(DocumentAccess.class);

    private final Uploads uploads;
    private final Owners owners;
    private final AccessLog accessLog;

    DocumentAccess(Uploads uploads, Owners owners, AccessLog accessLog) {
        this.uploads = uploads;
        this.owners = owners;
        this.accessLog = accessLog;
    }

    /** What is done with the upload once access is granted; may refuse further with an ApiException. */
    @FunctionalInterface
    interface Work<T> {
        T on(Upload upload) throws IOException;
    }

    /**
     * Decides, does the work if allowed, and logs the outcome either way, before anything
     * is sent: an access that cannot be logged does not happen.
     */
    <T> T serve(String uploadId, AccessAction action, Authentication authentication, HttpServletRequest request,
            Work<T> work) throws IOException {
        Requester requester = Requester.of(authentication, request);
        Optional<Upload> upload = uploads.find(uploadId);
        String applicationId = upload.map(Upload::applicationId).orElse(null);
        ApiException refusal = refusal(requester, upload);
        if (refusal != null) {
            logRefusal(requester, uploadId, applicationId, action, refusal);
            throw refusal;
        }
        T result;
        try {
            result = work.on(upload.get());
        } catch (ApiException e) {
            logRefusal(requester, uploadId, applicationId, action, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            accessLog.record(requester, uploadId, applicationId, action, Outcome.FAILED, null);
            throw e;
        }
        accessLog.record(requester, uploadId, applicationId, action, Outcome.ALLOWED, null);
        log.info("{} of document {} ({}, application {}) by {}", action, uploadId, upload.get().kind(),
                applicationId, requester.who());
        return result;
    }

    private ApiException refusal(Requester requester, Optional<Upload> upload) {
        if (requester.isOfficer()) {
            return upload.isPresent() ? null : DocumentNotFound.problem();
        }
        if (requester.isUnion()) {
            boolean own = upload.flatMap(u -> owners.unionOf(u.applicationId()))
                    .filter(owner -> Objects.equals(owner, requester.unionId())).isPresent();
            return own ? null : ApiException.forbidden(NOT_YOUR_DOCUMENT, "這份文件不屬於貴會，無法查看。");
        }
        return ApiException.forbidden(ACCESS_DENIED, "您的帳號沒有查看申請文件的權限。");
    }

    private void logRefusal(Requester requester, String uploadId, String applicationId, AccessAction action,
            ApiException refusal) {
        Outcome outcome = refusal.status() == HttpStatus.FORBIDDEN ? Outcome.DENIED
                : refusal.status() == HttpStatus.NOT_FOUND ? Outcome.NOT_FOUND : Outcome.FAILED;
        accessLog.record(requester, uploadId, applicationId, action, outcome, refusal.code());
        log.info("{} of document {} by {} refused: {}", action, uploadId, requester.who(), refusal.code());
    }
}
