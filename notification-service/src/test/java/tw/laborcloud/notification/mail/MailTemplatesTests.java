package tw.laborcloud.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MailTemplatesTests {

    /** A password would appear as "password" or as a value after 密碼： — neither may occur. */
    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)password|密碼\\s*[:：]");

    private final MailTemplates templates = new MailTemplates("https://labor.example.gov.tw/");

    @Test
    void activationNoticeNamesTheCertificateNumberAsUserNameLinksTheLoginAndCarriesNoPassword() {
        MailContent mail = templates.accountActivated("新北市測試產業工會", "12345678");

        assertThat(mail.subject()).isEqualTo("【新北勞動雲】帳號啟用通知");
        assertThat(mail.text())
                .contains("帳號（工會立案證書編號）：12345678")
                .contains("登入網址：https://labor.example.gov.tw/portal\n")
                .contains("工會立案證書編號為帳號", "註冊時自行設定的密碼", "工會專屬服務", "工會會務申請或備查")
                .contains("忘記密碼？");
        assertThat(mail.html())
                .contains("<a href=\"https://labor.example.gov.tw/portal\"")
                .contains("12345678")
                .contains("charset=\"UTF-8\"");
        assertThat(PASSWORD_VALUE.matcher(mail.text()).find()).isFalse();
        assertThat(PASSWORD_VALUE.matcher(mail.html()).find()).isFalse();
    }

    @Test
    void registrationReceiptGivesTheApplicationNumberAndWhatHappensNext() {
        MailContent mail = templates.registrationReceived("R20260001", "新北市測試產業工會", "12345678");

        assertThat(mail.subject()).contains("已收到工會帳號註冊申請").contains("R20260001");
        assertThat(mail.text()).contains("申請編號：R20260001", "帳號啟用通知", "1. ", "2. ");
        assertThat(mail.html()).contains("<ol").contains("R20260001");
        assertThat(PASSWORD_VALUE.matcher(mail.text()).find()).isFalse();
    }

    @Test
    void theReceiptCarriesTheAddressConfirmationLink() {
        MailContent mail = templates.registrationReceived("R20260001-ABC", "新北市測試產業工會", "12345678", "tok_en-1");

        assertThat(mail.text())
                .contains("https://labor.example.gov.tw/register/confirm.html?applicationId=R20260001-ABC&token=tok_en-1")
                .contains("https://labor.example.gov.tw/register/status.html?applicationId=R20260001-ABC&certificateNo=12345678");
        assertThat(mail.html()).contains("register/confirm.html?applicationId=R20260001-ABC&amp;token=tok_en-1");
    }

    @Test
    void theReceiptAttachesTheSubmissionCopyAndSaysSoOnlyWhenItHasOne() {
        byte[] pdf = "%PDF-1.7 copy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MailContent mail = templates.registrationReceived("R20260001-ABC", "新北市測試產業工會", "12345678", "tok", pdf);

        assertThat(mail.attachments()).containsExactly(
                new MailContent.Attachment("送件副本-R20260001-ABC.pdf", "application/pdf", pdf));
        assertThat(mail.text()).contains("隨信附上貴會申請資料的送件副本（送件副本-R20260001-ABC.pdf）");
        assertThat(mail.html()).contains("送件副本-R20260001-ABC.pdf");

        MailContent without = templates.registrationReceived("R20260001-ABC", "新北市測試產業工會", "12345678", "tok");
        assertThat(without.attachments()).isEmpty();
        assertThat(without.text()).doesNotContain("送件副本");
    }

    @Test
    void rejectionCarriesTheReason() {
        MailContent mail = templates.applicationRejected("R20260002", "新北市測試職業工會", "87654321",
                "圖記與主管機關核發者不符");

        assertThat(mail.subject()).contains("審查結果通知").contains("R20260002");
        assertThat(mail.text()).contains("未通過原因：圖記與主管機關核發者不符").contains("87654321");
        assertThat(mail.html()).contains("圖記與主管機關核發者不符");
    }

    @Test
    void supplementRequestNamesEachDocumentByItsFormLabelWithTheReasonTheNoteAndTheStatusLink() {
        MailContent mail = templates.supplementRequested("R20260003", "新北市測試產業工會", "12345678", List.of(
                new MailTemplates.RequestedDocument("UNION_SEAL", "圖記影像模糊，無法辨識"),
                new MailTemplates.RequestedDocument("CHARTER", "缺少第 12 條至第 15 條")), "請於 14 日內補正。");

        assertThat(mail.subject()).isEqualTo("【新北勞動雲】工會帳號註冊申請補件通知（申請編號 R20260003）");
        assertThat(mail.text())
                .contains("需補正：附件二 圖記：圖記影像模糊，無法辨識")
                .contains("需補正：章程：缺少第 12 條至第 15 條")
                .contains("承辦人說明：請於 14 日內補正。")
                .contains("https://labor.example.gov.tw/register/status.html?applicationId=R20260003&certificateNo=12345678")
                .doesNotContain("UNION_SEAL");
        assertThat(mail.html()).contains("附件二 圖記").contains("status.html?applicationId=R20260003&amp;certificateNo=12345678");
        assertThat(PASSWORD_VALUE.matcher(mail.text()).find()).isFalse();
    }

    @Test
    void aSupplementRequestWithoutANoteHasNoEmptyNoteLine() {
        MailContent mail = templates.supplementRequested("R1", "工會", "12345678",
                List.of(new MailTemplates.RequestedDocument("SOMETHING_NEW", "原因")), " ");

        assertThat(mail.text()).doesNotContain("承辦人說明").contains("需補正：SOMETHING_NEW：原因");
    }

    @Test
    void valuesTypedByPeopleAreEscapedInHtml() {
        MailContent mail = templates.applicationRejected("R1", "<b>工會</b>", "1", "<script>alert(1)</script>");

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;")
                .doesNotContain("<b>工會</b>");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void linksEndInExactlyOneSlashWhateverTheConfiguredAddress() {
        assertThat(new MailTemplates("http://localhost:8080").portalUrl()).isEqualTo("http://localhost:8080/");
        assertThat(new MailTemplates("http://localhost:8080//").portalUrl()).isEqualTo("http://localhost:8080/");
    }
}
