package tw.laborcloud.notification.mail;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.EmailConfirmationRequested;

/**
 * The wording of every notice (zh-TW). Links point at the public gateway address. No
 * notice ever carries a password: the union logs in with the one it chose itself.
 */
@Component
public class MailTemplates {

    private static final String BRAND = "【新北勞動雲】";

    private final String portalUrl;

    public MailTemplates(@Value("${laborcloud.gateway.url:http://localhost:8080}") String gatewayUrl) {
        this.portalUrl = gatewayUrl.replaceAll("/+$", "") + "/";
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String portalUrl() {
        return portalUrl;
    }

    public MailContent registrationReceived(String applicationId, String unionName, String certificateNo) {
        return registrationReceived(applicationId, unionName, certificateNo, null);
    }

    public MailContent registrationReceived(String applicationId, String unionName, String certificateNo,
            String confirmationToken) {
        return registrationReceived(applicationId, unionName, certificateNo, confirmationToken, null);
    }

    /**
     * The receipt, and the seed's 認證信: with a confirmation token, a link that confirms
     * the contact address (the bureau sees whether it was confirmed); with the submission copy
     * (送件副本, a PDF registration-service made at submission), the copy attached.
     */
    public MailContent registrationReceived(String applicationId, String unionName, String certificateNo,
            String confirmationToken, byte[] submissionCopy) {
        boolean copyAttached = submissionCopy != null && submissionCopy.length > 0;
        Letter letter = new Letter()
                .paragraph(greeting(unionName))
                .paragraph("本系統已收到貴會的工會帳號註冊申請，請保留申請編號以便查詢。")
                .fact("申請編號", applicationId)
                .fact("工會名稱", unionName)
                .fact("立案證書編號", certificateNo);
        if (copyAttached) {
            letter = letter.paragraph("隨信附上貴會申請資料的送件副本（" + EmailConfirmationRequested.submissionCopyFileName(applicationId)
                    + "），列有送出的各欄資料及附件的檔名、大小與 SHA-256 雜湊值，請妥善保存；亦可於申請進度查詢頁面下載。");
        }
        if (confirmationToken != null && !confirmationToken.isBlank()) {
            letter = letter.paragraph("請點選以下連結，確認這是貴會聯絡人的電子郵件信箱（認證信）：")
                    .link("確認電子郵件", portalUrl + "register/confirm.html?applicationId="
                            + encode(applicationId) + "&token=" + encode(confirmationToken));
        }
        return letter
                .link("查詢申請進度", statusUrl(applicationId, certificateNo))
                .paragraph("接下來的流程：")
                .steps("新北市政府勞工局將審查貴會上傳的章程及附件，核對資料是否相符、圖記是否與主管機關核發者相符，以及立案證書編號是否正確。",
                        "審查通過並完成內部陳核後，系統將開通帳號，並自動寄發「帳號啟用通知」至本電子郵件信箱。",
                        "若申請未獲通過，我們會以電子郵件告知原因。")
                .link("新北勞動雲網址", portalUrl)
                .render(BRAND + "已收到工會帳號註冊申請（申請編號 " + applicationId + "）", copyAttached
                        ? List.of(new MailContent.Attachment(EmailConfirmationRequested.submissionCopyFileName(applicationId), "application/pdf",
                                submissionCopy))
                        : List.of());
    }

    public MailContent applicationRejected(String applicationId, String unionName, String certificateNo,
            String reason) {
        return new Letter()
                .paragraph(greeting(unionName))
                .paragraph("貴會的工會帳號註冊申請經新北市政府勞工局審查，很抱歉未獲通過，原因如下：")
                .fact("申請編號", applicationId)
                .fact("立案證書編號", certificateNo)
                .fact("未通過原因", reason)
                .paragraph("請依上述原因修正資料後，再至新北勞動雲重新提出帳號註冊申請。")
                .link("新北勞動雲網址", portalUrl)
                .render(BRAND + "工會帳號註冊申請審查結果通知（申請編號 " + applicationId + "）");
    }

    /** A document to replace: its kind (code) and the officer's reason. */
    public record RequestedDocument(String kind, String reason) {
    }

    /**
     * The bureau returned the application for supplements: which documents, why, and where the
     * applicant sees it and replaces them (the status page; the event carries no confirmation token).
     */
    public MailContent supplementRequested(String applicationId, String unionName, String certificateNo,
            List<RequestedDocument> documents, String note) {
        Letter letter = new Letter()
                .paragraph(greeting(unionName))
                .paragraph("貴會的工會帳號註冊申請經新北市政府勞工局審查，需請貴會補正下列文件後，才能繼續審查：")
                .fact("申請編號", applicationId)
                .fact("立案證書編號", certificateNo);
        for (RequestedDocument document : documents) {
            letter = letter.fact("需補正：" + documentLabel(document.kind()), document.reason());
        }
        if (note != null && !note.isBlank()) {
            letter = letter.paragraph("承辦人說明：" + note);
        }
        return letter
                .paragraph("請至申請進度查詢頁面查看補正說明，並依說明重新上傳上述文件；補正完成後，勞工局將繼續審查。")
                .link("查詢申請進度及補正文件", statusUrl(applicationId, certificateNo))
                .render(BRAND + "工會帳號註冊申請補件通知（申請編號 " + applicationId + "）");
    }

    /**
     * The bureau's decision on a union-affairs filing: accepted for the record, or returned
     * with the officer's reason; the link leads (through the login) to the union's filings.
     */
    public MailContent filingDecided(String unionName, String certificateNo, String filingId, String filingType,
            boolean accepted, String reason) {
        Letter letter = new Letter()
                .paragraph(greeting(unionName))
                .paragraph(accepted ? "貴會所提「" + filingType + "」，經新北市政府勞工局審查，准予備查。"
                        : "貴會所提「" + filingType + "」，經新北市政府勞工局審查，需請貴會補正後再送：")
                .fact("案件編號", filingId)
                .fact("立案證書編號", certificateNo)
                .fact("審查結果", accepted ? "准予備查" : "退回補正");
        if (!accepted && reason != null && !reason.isBlank()) {
            letter = letter.fact("退回理由", reason);
        }
        return letter
                .paragraph(accepted ? "如申請事項涉及工會基本資料（如會址、負責人），系統已同步更新。"
                        : "請登入後至「工會會務申請或備查」開啟本案，依退回理由修正後重新送出。")
                .link("工會會務申請或備查", affairsUrl())
                .render(BRAND + "工會會務" + (accepted ? "備查" : "退回補正") + "通知（案件編號 " + filingId + "）");
    }

    public String affairsUrl() {
        return portalUrl + "portal/affairs";
    }

    /** The login address is the union portal: it leads to the login page and back. */
    public MailContent accountActivated(String unionName, String username) {
        return new Letter()
                .paragraph(greeting(unionName))
                .paragraph("貴會的工會帳號註冊申請已經新北市政府勞工局審查通過，帳號已啟用。")
                .fact("帳號（工會立案證書編號）", username)
                .link("登入網址", loginUrl())
                .paragraph("請於新北勞動雲選擇「登入」→「以工會身分登入」，以工會立案證書編號為帳號，並使用貴會於帳號註冊時自行設定的密碼登入。")
                .paragraph("登入後即可使用「工會專屬服務」－「工會會務申請或備查」。")
                .paragraph("忘記密碼時，請於登入頁點選「忘記密碼？」並輸入帳號，系統會寄送重設密碼的連結至本電子郵件信箱。")
                .paragraph("為保護帳號安全，勞工局不會以電子郵件寄送或詢問您的密碼。")
                .render(BRAND + "帳號啟用通知");
    }

    public String loginUrl() {
        return portalUrl + "portal";
    }

    static String documentLabel(String kind) {
        return DocumentKinds.label(kind);
    }

    private String statusUrl(String applicationId, String certificateNo) {
        return portalUrl + "register/status.html?applicationId=" + encode(applicationId) + "&certificateNo="
                + encode(certificateNo);
    }

    private static String greeting(String unionName) {
        return (unionName == null || unionName.isBlank() ? "申請人" : unionName) + " 您好：";
    }
}
