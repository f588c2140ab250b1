package tw.laborcloud.document.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static tw.laborcloud.document.Tokens.officer;
import static tw.laborcloud.document.Tokens.union;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tw.laborcloud.document.EventProbe;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.upload.EarlierUploads;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * Reading documents: officers read all, a union its own after activation, nobody else;
 * the headers that keep an upload from being rendered in our origin; previews made once;
 * and the access log, for allowed and refused reads alike.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EventProbe.Config.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentAccessIntegrationTests {

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
    @Autowired
    Uploads uploads;

    private final byte[] charterPdf = TestFiles.pdf(3, "charter of union one");
    private final byte[] sealJpg = TestFiles.jpeg(3000, 2000, Color.RED);
    private String charter;
    private String seal;
    private String locked;
    private String otherUnionsCharter;
    private String notYetActivated;

    /** Union one (application A, activated), union two (application B, activated), application C (not yet). */
    @BeforeAll
    void applications() throws Exception {
        charter = upload("CHARTER", "章程.pdf", charterPdf);
        seal = upload("UNION_SEAL", "圖記.jpg", sealJpg);
        // locked: refused at intake now; uploads accepted before that rule are still read and previewed
        locked = EarlierUploads.stage(uploads, "CERTIFICATE_SCAN", "立案證書.pdf", TestFiles.encryptedPdf("secret"));
        otherUnionsCharter = upload("CHARTER", "charter.pdf", TestFiles.pdf(1, "union two"));
        notYetActivated = upload("CHARTER", "charter.pdf", TestFiles.pdf(1, "application three"));
        String a = "A-" + UUID.randomUUID();
        String b = "B-" + UUID.randomUUID();
        String c = "C-" + UUID.randomUUID();
        events.submit(a, new SubmittedDocument("CHARTER", charter), new SubmittedDocument("UNION_SEAL", seal),
                new SubmittedDocument("CERTIFICATE_SCAN", locked));
        events.submit(b, new SubmittedDocument("CHARTER", otherUnionsCharter));
        events.submit(c, new SubmittedDocument("CHARTER", notYetActivated));
        events.activate(a, "U-1");
        events.activate(b, "U-2");
        events.activate(a, "U-1"); // redelivered
        events.awaitVerified(a);
        events.awaitVerified(c);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(a, Document.class, Owners.COLLECTION) != null
                && mongo.findById(b, Document.class, Owners.COLLECTION) != null);
    }

    @Test
    void officersReadEveryDocumentAsAnAttachmentThatIsNeverSniffed() throws Exception {
        for (String role : List.of("reviewer", "approver")) {
            mvc.perform(get("/api/documents/" + charter + "/content").with(officer(role)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition",
                            "attachment; filename*=UTF-8''%E7%AB%A0%E7%A8%8B.pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(content().bytes(charterPdf));
        }
        mvc.perform(get("/api/documents/" + otherUnionsCharter + "/content").with(officer("reviewer")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents/" + UUID.randomUUID() + "/content").with(officer("reviewer")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("DOCUMENT_NOT_FOUND"));
    }

    @Test
    void metadataCarriesTheVerifiedFindings() throws Exception {
        mvc.perform(get("/api/documents/" + charter).with(officer("reviewer")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(jsonPath("$.kind").value("CHARTER"))
                .andExpect(jsonPath("$.kindLabel").value("章程"))
                .andExpect(jsonPath("$.detectedType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(charterPdf.length))
                .andExpect(jsonPath("$.pages").value(3))
                .andExpect(jsonPath("$.sha256").value(TestFiles.sha256(charterPdf)))
                .andExpect(jsonPath("$.status").value("CLAIMED"))
                .andExpect(jsonPath("$.verifiedRound").value(1))
                .andExpect(jsonPath("$.verdict").value("NEEDS_ATTENTION"))
                .andExpect(jsonPath("$.findings").isEmpty());
        mvc.perform(get("/api/documents/" + locked).with(officer("approver")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0]").value("PDF_ENCRYPTED"));
    }

    @Test
    void aUnionReadsItsOwnDocumentsOnlyAndOnlyAfterActivation() throws Exception {
        for (String path : List.of("", "/content", "/preview")) {
            mvc.perform(get("/api/documents/" + charter + path).with(union("U-1"))).andExpect(status().isOk());
            mvc.perform(get("/api/documents/" + charter + path).with(union("U-2")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("NOT_YOUR_DOCUMENT"));
        }
        mvc.perform(get("/api/documents/" + otherUnionsCharter).with(union("U-2"))).andExpect(status().isOk());
        mvc.perform(get("/api/documents/" + otherUnionsCharter).with(union("U-1"))).andExpect(status().isForbidden());
        // claimed by an application whose account is not activated: nobody's yet
        mvc.perform(get("/api/documents/" + notYetActivated).with(union("U-1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_DOCUMENT"));
        // an unknown id looks the same as another union's document
        mvc.perform(get("/api/documents/" + UUID.randomUUID()).with(union("U-1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_DOCUMENT"));
    }

    @Test
    void everyoneElseIsRefused() throws Exception {
        mvc.perform(get("/api/documents/" + charter + "/content")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/documents/" + charter + "/preview").with(officer("ops")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("DOCUMENT_ACCESS_DENIED"));
        // the union role without the claim that says which union
        mvc.perform(get("/api/documents/" + charter).with(jwt().authorities(new SimpleGrantedAuthority("ROLE_union"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFirstPageOfAPdfIsPreviewedOnceAndThenServedFromTheCache() throws Exception {
        byte[] first = mvc.perform(get("/api/documents/" + charter + "/preview").with(officer("reviewer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", "max-age=86400, private"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Page-Count", "3"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
        assertThat(image.getHeight()).isBetween(1199, 1200);
        Document recorded = mongo.findById(charter, Document.class, Uploads.COLLECTION).get("preview", Document.class);
        assertThat(recorded.getInteger("pages")).isEqualTo(3);

        byte[] second = mvc.perform(get("/api/documents/" + charter + "/preview").with(officer("approver")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Page-Count", "3"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(second).isEqualTo(first);
        assertThat(mongo.count(Query.query(Criteria.where("metadata.uploadId").is(charter)), "previews.files"))
                .isOne();
        assertThat(mongo.findById(charter, Document.class, Uploads.COLLECTION).get("preview", Document.class))
                .isEqualTo(recorded);
    }

    @Test
    void anImageIsPreviewedDownscaled() throws Exception {
        byte[] png = mvc.perform(get("/api/documents/" + seal + "/preview").with(officer("reviewer")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("X-Page-Count"))
                .andReturn().getResponse().getContentAsByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
    }

    @Test
    void anEncryptedPdfHasNoPreviewButItsFinding() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/documents/" + locked + "/preview").with(officer("reviewer")))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("PDF_ENCRYPTED"));
        }
        assertThat(mongo.findById(locked, Document.class, Uploads.COLLECTION).get("preview", Document.class)
                .getString("failure")).isEqualTo("PDF_ENCRYPTED");
    }

    @Test
    void everyAccessAllowedOrNotIsLoggedWithWhoAndFromWhere() throws Exception {
        String marker = "203.0.113." + (int) (Math.random() * 200);
        mvc.perform(get("/api/documents/" + seal + "/content").with(union("U-1")).with(from(marker))
                // the header as it came: kept beside the address, which the remote-IP valve decided
                .header("X-Forwarded-For", "198.51.100.66, " + marker)).andExpect(status().isOk());
        mvc.perform(get("/api/documents/" + seal).with(union("U-2")).with(from(marker))
                .header("X-Forwarded-For", marker)).andExpect(status().isForbidden());
        mvc.perform(get("/api/documents/" + locked + "/preview").with(officer("reviewer")).with(from(marker))
                .header("X-Forwarded-For", marker)).andExpect(status().isUnprocessableContent());

        List<Document> entries = mongo.find(Query.query(Criteria.where("remoteAddress").is(marker)), Document.class,
                AccessLog.COLLECTION);
        assertThat(entries).extracting(e -> e.getString("who"), e -> e.getString("unionId"),
                e -> e.getString("action"), e -> e.getString("outcome"), e -> e.getString("code"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("union-U-1", "U-1", "DOWNLOAD", "ALLOWED", null),
                        org.assertj.core.groups.Tuple.tuple("union-U-2", "U-2", "METADATA", "DENIED",
                                "NOT_YOUR_DOCUMENT"),
                        org.assertj.core.groups.Tuple.tuple("officer-reviewer", null, "PREVIEW", "FAILED",
                                "PDF_ENCRYPTED"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getDate("at")).isNotNull();
            assertThat(e.getList("roles", String.class)).isNotEmpty();
        });
        assertThat(entries).filteredOn(e -> "DOWNLOAD".equals(e.getString("action"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.getString("uploadId")).isEqualTo(seal);
                    assertThat(e.getString("applicationId")).startsWith("A-");
                    assertThat(e.getString("forwardedFor")).isEqualTo("198.51.100.66, " + marker);
                    assertThat(e.getList("roles", String.class)).containsExactly("union");
                });
    }

    /**
     * The address the service sees a request come from: what Tomcat's remote-IP valve makes of the
     * gateway's X-Forwarded-For (MockMvc has no valve).
     */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String upload(String kind, String name, byte[] content) throws Exception {
        return Multipart.uploadId(mvc, kind, name, content);
    }
}
