package tw.laborcloud.document.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tw.laborcloud.document.EventProbe;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.test.ApiSpecifications;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * Files an attacker or a broken scanner would send, every one made here by the test.
 * Each is refused at intake with its code, a message beside the file field, and leaves
 * nothing in the store, or is accepted and flagged with its finding when its application is
 * verified, or (the path in the name) accepted under a safe name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EventProbe.Config.class)
@DirtiesContext
class BadFileCorpusIntegrationTests {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventProbe events;

    // refused at intake: can never be right

    @Test
    void anExeRenamedPdf() throws Exception {
        refused("CHARTER", "charter.pdf", "application/pdf", TestFiles.windowsExecutable(), 400,
                "FILE_TYPE_NOT_ALLOWED", "application/x-");
    }

    @Test
    void htmlRenamedJpg() throws Exception {
        refused("UNION_SEAL", "seal.jpg", "image/jpeg", TestFiles.html(), 400, "FILE_TYPE_NOT_ALLOWED", "text/html");
    }

    @Test
    void aBmpClaiming100000By100000Pixels() throws Exception {
        byte[] bomb = TestFiles.bmpHeaderClaiming(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);

        refused("UNION_SEAL", "seal.bmp", "image/bmp", bomb, 400, "IMAGE_TOO_LARGE", "100000 × 100000");
    }

    @Test
    void aJpegClaiming60000By50000Pixels() throws Exception {
        refused("CERTIFICATE_SCAN", "certificate.jpg", "image/jpeg", TestFiles.jpegHeaderClaiming(60_000, 50_000),
                400, "IMAGE_TOO_LARGE", "60000 × 50000");
    }

    @Test
    void anElevenMegabyteFile() throws Exception {
        refused("HARASSMENT_EVIDENCE", "evidence.pdf", "application/pdf", TestFiles.pdfPaddedTo(11 * 1024 * 1024), 413,
                "FILE_TOO_LARGE", "10 MB");
    }

    @Test
    void anEmptyFile() throws Exception {
        refused("CERTIFICATE_SCAN", "certificate.pdf", "application/pdf", new byte[0], 400, "FILE_EMPTY", "空");
    }

    @Test
    void aPdfZipPolyglot() throws Exception {
        refused("CHARTER", "charter.pdf", "application/pdf", TestFiles.pdfZipPolyglot(), 400, "POLYGLOT", "ZIP");
    }

    @Test
    void aJpegZipPolyglot() throws Exception {
        refused("UNION_SEAL", "seal.jpg", "image/jpeg", TestFiles.jpegZipPolyglot(), 400, "POLYGLOT", "ZIP");
    }

    @Test
    void aJpegWithAWebPageInItsHead() throws Exception {
        refused("REPRESENTATIVE_SEAL", "seal.jpg", "image/jpeg", TestFiles.jpegWithHtmlComment(), 400, "POLYGLOT",
                "HTML");
    }

    // refused at intake: a well-formed file of an allowed type that nobody could use (the verification's own checks)

    @Test
    void aTruncatedPdf() throws Exception {
        refused("CHARTER", "charter.pdf", "application/pdf", TestFiles.truncatedPdf(), 422, "PDF_TRUNCATED",
                "PDF 檔案不完整");
    }

    @Test
    void aPasswordProtectedPdf() throws Exception {
        refused("CHARTER", "charter.pdf", "application/pdf", TestFiles.encryptedPdf("user-secret"), 422,
                "PDF_ENCRYPTED", "設有密碼或使用限制");
    }

    @Test
    void aPdfThatOpensWithoutPasswordButForbidsPrinting() throws Exception {
        refused("CERTIFICATE_SCAN", "certificate.pdf", "application/pdf", TestFiles.encryptedPdf(""), 422,
                "PDF_ENCRYPTED", "無法開啟或列印");
    }

    @Test
    void aPdfWithoutPages() throws Exception {
        refused("CHARTER", "charter.pdf", "application/pdf", TestFiles.pdfWithoutPages(), 422, "PDF_NO_PAGES",
                "沒有任何頁面");
    }

    @Test
    void aJpegWhoseDataStopsHalfWay() throws Exception {
        refused("UNION_SEAL", "seal.jpg", "image/jpeg", TestFiles.truncatedJpeg(), 422, "IMAGE_TRUNCATED",
                "圖片資料不完整");
    }

    @Test
    void aBmpWhoseDataStopsHalfWay() throws Exception {
        refused("REPRESENTATIVE_SEAL", "seal.bmp", "image/bmp", TestFiles.truncatedBmp(), 422, "IMAGE_TRUNCATED",
                "圖片資料不完整");
    }

    // accepted, and flagged for the officer by the verification

    @Test
    void aPdfWithJavaScript() throws Exception {
        VerifiedDocument result = flagged("CHARTER", TestFiles.pdfWithJavaScript());

        assertThat(result.findings()).containsExactly("PDF_JAVASCRIPT");
        assertThat(result.pages()).isOne();
    }

    @Test
    void aPdfWithAnEmbeddedFile() throws Exception {
        assertThat(flagged("HARASSMENT_EVIDENCE", TestFiles.pdfWithEmbeddedFile()).findings())
                .containsExactly("PDF_EMBEDDED_FILES");
    }

    @Test
    void theSameFileAsCertificateAndSeal() throws Exception {
        byte[] scan = TestFiles.jpeg(200, 200, Color.RED);
        String certificate = upload("CERTIFICATE_SCAN", "certificate.jpg", scan);
        String seal = upload("UNION_SEAL", "seal.jpg", scan);
        String charter = upload("CHARTER", "charter.pdf", TestFiles.pdf(1, "charter"));
        String applicationId = "A-" + UUID.randomUUID();

        events.submit(applicationId, new SubmittedDocument("CHARTER", charter),
                new SubmittedDocument("CERTIFICATE_SCAN", certificate), new SubmittedDocument("UNION_SEAL", seal));

        assertThat(EventProbe.findingsByKind(events.awaitVerified(applicationId))).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("CHARTER", List.of(), "CERTIFICATE_SCAN", List.of("DUPLICATE_FILE"),
                        "UNION_SEAL", List.of("DUPLICATE_FILE")));
    }

    // accepted under a safe name

    @Test
    void aPathTraversalFileName() throws Exception {
        String uploadId = upload("CHARTER", "../../../../etc/cron.d/\u202Eevil\u0007.pdf", TestFiles.pdf(1, "x"));
        String windows = upload("CHARTER", "..\\..\\Windows\\System32\\章程.pdf", TestFiles.pdf(1, "y"));

        assertThat(mongo.findById(uploadId, Document.class, "uploads").getString("originalName")).isEqualTo("evil.pdf");
        assertThat(mongo.findById(uploadId, Document.class, "fs.files").getString("filename")).isEqualTo("evil.pdf");
        assertThat(mongo.findById(windows, Document.class, "uploads").getString("originalName")).isEqualTo("章程.pdf");
        mvc.perform(get("/api/documents/" + uploadId + "/content")
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_reviewer"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename*=UTF-8''evil.pdf"));
    }

    @Test
    void aFileIsDownloadedUnderTheExtensionOfWhatItIs() throws Exception {
        String jpegCalledPdf = upload("UNION_SEAL", "seal.pdf", TestFiles.jpeg(80, 80, Color.RED));
        String bmpWithoutExtension = upload("REPRESENTATIVE_SEAL", "負責人章", TestFiles.bmp(40, 40, Color.BLUE));
        String pdfInCapitals = upload("CHARTER", "CHARTER.PDF", TestFiles.pdf(1, "capitals"));
        String versionedPdf = upload("CHARTER", "章程 v1.2", TestFiles.pdf(1, "version"));

        assertThat(downloadName(jpegCalledPdf)).isEqualTo("attachment; filename*=UTF-8''seal.jpg");
        assertThat(downloadName(bmpWithoutExtension))
                .isEqualTo("attachment; filename*=UTF-8''%E8%B2%A0%E8%B2%AC%E4%BA%BA%E7%AB%A0.bmp");
        assertThat(downloadName(pdfInCapitals)).isEqualTo("attachment; filename*=UTF-8''CHARTER.PDF");
        assertThat(downloadName(versionedPdf)).isEqualTo("attachment; filename*=UTF-8''%E7%AB%A0%E7%A8%8B%20v1.2.pdf");
        // what the applicant called it is kept for the record
        assertThat(mongo.findById(jpegCalledPdf, Document.class, "uploads").getString("originalName"))
                .isEqualTo("seal.pdf");
    }

    @Test
    void aFileNameWithANulByte() throws Exception {
        refused("CHARTER", "charter.pdf\u0000.exe", "application/pdf", TestFiles.pdf(1, "nul"), 400,
                "FILE_NAME_INVALID", "檔案名稱");
    }

    private void refused(String kind, String name, String declaredType, byte[] content, int status, String code,
            String messagePart) throws Exception {
        long uploads = mongo.count(new Query(), "uploads");
        long files = mongo.count(new Query(), "fs.files");
        long chunks = mongo.count(new Query(), "fs.chunks");

        mvc.perform(Multipart.upload(kind, name, declaredType, content))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString(messagePart)))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString(messagePart)));

        assertThat(mongo.count(new Query(), "uploads")).as("upload records").isEqualTo(uploads);
        assertThat(mongo.count(new Query(), "fs.files")).as("stored files").isEqualTo(files);
        assertThat(mongo.count(new Query(), "fs.chunks")).as("stored chunks").isEqualTo(chunks);
    }

    private String downloadName(String uploadId) throws Exception {
        return mvc.perform(get("/api/documents/" + uploadId + "/content")
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_reviewer"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader("Content-Disposition");
    }

    /** Uploads the file (it must be accepted), files it in an application, and returns its verified result. */
    private VerifiedDocument flagged(String kind, byte[] content) throws Exception {
        String uploadId = upload(kind, "document.pdf", content);
        String applicationId = "A-" + UUID.randomUUID();

        events.submit(applicationId, new SubmittedDocument(kind, uploadId));

        DocumentsVerified result = events.awaitVerified(applicationId);
        assertThat(result.verdict()).isEqualTo(DocumentsVerified.Verdict.NEEDS_ATTENTION);
        return result.documents().stream().filter(d -> uploadId.equals(d.uploadId())).findFirst().orElseThrow();
    }

    private String upload(String kind, String name, byte[] content) throws Exception {
        return Multipart.uploadId(mvc, kind, name, content);
    }

    /** An integrator reads docs/api/document-service.json: it must be what this service answers at /v3/api-docs. */
    @Test
    void theApiDescriptionIsTheOnePublished() throws Exception {
        ApiSpecifications.assertPublished(mvc, "document-service");
    }
}
