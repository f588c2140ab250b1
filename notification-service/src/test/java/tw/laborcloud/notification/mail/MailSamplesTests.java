package tw.laborcloud.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Writes a sample of every e-mail the service sends, as HTML and as plain text, to
 * {@code target/mail-samples/} (kept by CI as a test artifact), so that wording and layout can
 * be read without running the stack. The data are made up; the addresses are the local stack's.
 */
class MailSamplesTests {

    static final Path SAMPLES = Path.of("target", "mail-samples");

    private final MailTemplates templates = new MailTemplates("http://localhost:8080");

    @Test
    void everyMailIsRenderedAsHtmlAndPlainTextSample() throws IOException {
        Map<String, MailContent> samples = new LinkedHashMap<>();
        samples.put("1-registration-received", templates.registrationReceived("R20261127-7K3Q", "新北市範例產業工會",
                "12345678", "q9Vx2mT8fK1bR4sLw0ZcYg"));
        samples.put("2-supplement-requested", templates.supplementRequested("R20261127-7K3Q", "新北市範例產業工會",
                "12345678", List.of(
                        new MailTemplates.RequestedDocument("UNION_SEAL", "上傳之圖記影像模糊，無法與主管機關核發之圖記比對"),
                        new MailTemplates.RequestedDocument("CERTIFICATE_SCAN", "立案證書掃描檔缺少第 2 頁")),
                "請於收到本通知後 14 日內補正，逾期將依規定辦理。"));
        samples.put("3-application-rejected", templates.applicationRejected("R20261127-7K3Q", "新北市範例產業工會",
                "12345678", "立案證書字號與主管機關登記資料不符"));
        samples.put("4-account-activated", templates.accountActivated("新北市範例產業工會", "12345678"));
        samples.put("5-filing-accepted", templates.filingDecided("新北市範例產業工會", "12345678", "F20270105-Q2M8",
                "會址變更", true, null));
        samples.put("6-filing-returned", templates.filingDecided("新北市範例產業工會", "12345678", "F20270105-Q2M8",
                "理監事名冊備查", false, "名冊所列理事人數與選舉會議紀錄不符，請修正後再送"));

        Files.createDirectories(SAMPLES);
        for (Map.Entry<String, MailContent> sample : samples.entrySet()) {
            MailContent mail = sample.getValue();
            Path html = SAMPLES.resolve(sample.getKey() + ".html");
            Path text = SAMPLES.resolve(sample.getKey() + ".txt");
            Files.writeString(html, mail.html(), StandardCharsets.UTF_8);
            Files.writeString(text, "主旨：" + mail.subject() + "\n\n" + mail.text(), StandardCharsets.UTF_8);

            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains(mail.subject())
                    .contains("新北市政府勞工局");
            assertThat(Files.readString(text)).contains("主旨：【新北勞動雲】").contains("新北市範例產業工會 您好");
        }
        assertThat(Files.list(SAMPLES).filter(p -> p.toString().endsWith(".html")).count()).isGreaterThanOrEqualTo(6);
    }
}
