package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.document.GeneratedContent;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.Tokens;
import tw.laborcloud.platform.scheduling.SchedulingAutoConfiguration;
import tw.laborcloud.platform.uploads.UploadTickets;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * The intake's rules for well-formed and odd requests (the bad files themselves are in
 * BadFileCorpusIntegrationTests), through MockMvc and, where the container matters, on a
 * real Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@DirtiesContext
class DocumentIntakeIntegrationTests {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StagedUploadSweeper sweeper;
    @Autowired
    UploadTickets tickets;
    @LocalServerPort
    int port;

    @Test
    void aPdfCharterIsAcceptedAndStagedForADay() throws Exception {
        byte[] pdf = TestFiles.pdf(2, "charter of the union");

        String body = mvc.perform(Multipart.upload("CHARTER", "C:\\Users\\clerk\\章程 2025.pdf",
                        "application/octet-stream", pdf))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("CHARTER"))
                .andExpect(jsonPath("$.detectedType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(TestFiles.sha256(pdf)))
                .andReturn().getResponse().getContentAsString();
        String uploadId = JsonPath.read(body, "$.uploadId");

        Document stored = mongo.findById(uploadId, Document.class, Uploads.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("status")).isEqualTo("STAGED");
        assertThat(stored.getString("originalName")).isEqualTo("章程 2025.pdf");
        assertThat(stored.getString("contentType")).isEqualTo("application/pdf");
        assertThat(stored.getString("sha256")).isEqualTo(TestFiles.sha256(pdf));
        assertThat(stored.getString("gridFsId")).isEqualTo(uploadId);
        assertThat(stored.containsKey("applicationId")).isTrue();
        assertThat(stored.get("applicationId")).isNull();
        Instant created = stored.getDate("createdAt").toInstant();
        assertThat(Duration.between(created, stored.getDate("expiresAt").toInstant())).isEqualTo(Duration.ofHours(24));
        assertThat(Instant.parse(JsonPath.read(body, "$.expiresAt"))).isEqualTo(stored.getDate("expiresAt").toInstant());
        Document file = mongo.findById(uploadId, Document.class, "fs.files");
        assertThat(file.getLong("length")).isEqualTo(pdf.length);
        assertThat(file.getString("filename")).isEqualTo("章程 2025.pdf");
    }

    @Test
    void aFilingAttachmentWaitsThirtyDaysInTheUnionsDraft() throws Exception {
        String body = mvc.perform(Multipart.upload("BOARD_RESOLUTION", "理事會決議.pdf", "application/pdf",
                        TestFiles.pdf(1, "board resolution")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Document stored = mongo.findById(JsonPath.read(body, "$.uploadId"), Document.class, Uploads.COLLECTION);
        assertThat(Duration.between(stored.getDate("createdAt").toInstant(), stored.getDate("expiresAt").toInstant()))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aFilingAttachmentWithoutAUnionsLoginIsRefusedAndNothingIsKept() throws Exception {
        long before = mongo.getCollection(Uploads.COLLECTION).countDocuments();
        mvc.perform(Multipart.anonymousUpload("BOARD_RESOLUTION", "理事會決議.pdf", "application/pdf",
                        TestFiles.pdf(1, "board resolution")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNION_LOGIN_REQUIRED"))
                .andExpect(jsonPath("$.errors[0].message").value("「理事會決議紀錄」是會務申請的附件，請先以工會帳號登入後再上傳。"));
        assertThat(mongo.getCollection(Uploads.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void jpgAndBmpSealsAreAcceptedByTheirContent() throws Exception {
        byte[] jpg = TestFiles.jpeg(300, 300, Color.RED);
        byte[] bmp = TestFiles.bmp(120, 80, Color.BLUE);

        mvc.perform(Multipart.upload("UNION_SEAL", "seal.jpg", "image/jpeg", jpg))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.detectedType").value("image/jpeg"))
                .andExpect(jsonPath("$.sha256").value(TestFiles.sha256(jpg)));
        // the declared type and the name say PDF; the bytes say BMP
        mvc.perform(Multipart.upload("REPRESENTATIVE_SEAL", "seal.pdf", "application/pdf", bmp))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.detectedType").value("image/bmp"))
                .andExpect(jsonPath("$.size").value(bmp.length));
    }

    @Test
    void exactlyTenMegabytesIsAccepted() throws Exception {
        mvc.perform(Multipart.upload("HARASSMENT_EVIDENCE", "evidence.pdf", "application/pdf",
                        TestFiles.pdfPaddedTo((int) DocumentKind.MAX_BYTES)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.size").value(DocumentKind.MAX_BYTES));
    }

    @Test
    void theReceiptCarriesATicketForTheUploadItsKindAndItsExpiry() throws Exception {
        String body = mvc.perform(Multipart.upload("CHARTER", "charter.pdf", "application/pdf",
                        TestFiles.pdf(1, "ticketed charter")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String uploadId = JsonPath.read(body, "$.uploadId");
        String ticket = JsonPath.read(body, "$.ticket");
        Instant expiresAt = Instant.parse(JsonPath.read(body, "$.expiresAt"));
        Instant now = Instant.now();

        // what registration-service, with the same secret, makes of it
        assertThat(tickets.verify(ticket, uploadId, "CHARTER", null, now)).isEqualTo(UploadTickets.Outcome.VALID);
        assertThat(tickets.verify(ticket, uploadId, "UNION_SEAL", null, now))
                .isEqualTo(UploadTickets.Outcome.WRONG_KIND);
        assertThat(tickets.verify(ticket, uploadId, "CHARTER", null, expiresAt))
                .isEqualTo(UploadTickets.Outcome.EXPIRED);
        assertThat(tickets.verify(ticket, "0f8fad5b-d9cb-469f-a165-70867728950e", "CHARTER", null, now))
                .isEqualTo(UploadTickets.Outcome.FORGED);
    }

    @Test
    void theTicketVouchesForTheStoredFilesSizeHashAndSanitisedName() throws Exception {
        byte[] pdf = TestFiles.pdf(1, "named charter");
        String body = mvc.perform(Multipart.upload("CHARTER", "章程\u202e 最終.pdf", "application/pdf", pdf))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String ticket = JsonPath.read(body, "$.ticket");

        UploadTickets.UploadedFile file = tickets.facts(ticket).orElseThrow().file();
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(file.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(JsonPath.read(body, "$.sha256"));
        // as FileNames keeps it: no formatting characters (a right-to-left override)
        assertThat(file.name()).isEqualTo("章程 最終.pdf");
    }

    @Test
    void anUploadMadeWithAUnionsTokenHasATicketNamingTheUnion() throws Exception {
        String body = mvc.perform(Multipart.upload("MEETING_MINUTES", "會議紀錄.pdf", "application/pdf",
                        TestFiles.pdf(1, "minutes")).with(Tokens.union("U-7")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String uploadId = JsonPath.read(body, "$.uploadId");
        String ticket = JsonPath.read(body, "$.ticket");

        // what union-affairs-service checks when union U-7 files it, and when another union tries
        assertThat(tickets.verify(ticket, uploadId, "MEETING_MINUTES", "U-7", Instant.now()))
                .isEqualTo(UploadTickets.Outcome.VALID);
        assertThat(tickets.verify(ticket, uploadId, "MEETING_MINUTES", "U-8", Instant.now()))
                .isEqualTo(UploadTickets.Outcome.OTHER_OWNER);
    }

    @Test
    void theKindMayComeAfterTheFileOrInTheQuery() throws Exception {
        byte[] pdf = TestFiles.pdf(1, "order");
        byte[] fileFirst = TestFiles.concat(Multipart.fileHead("c.pdf", "application/pdf"), pdf, Multipart.crlf(),
                Multipart.field("kind", "CHARTER"), Multipart.end());

        mvc.perform(post("/api/documents").contentType(Multipart.contentType()).content(fileFirst))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("CHARTER"));
        mvc.perform(post("/api/documents?kind=UNION_SEAL").contentType(Multipart.contentType())
                        .content(Multipart.body(null, "seal.pdf", "application/pdf", pdf)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("UNION_SEAL"));
    }

    @Test
    void oddRequestsAreRefusedWithTheirOwnCode() throws Exception {
        long uploads = mongo.count(new Query(), Uploads.COLLECTION);
        byte[] pdf = TestFiles.pdf(1, "odd");

        refused(Multipart.upload("PHOTO", "photo.pdf", "application/pdf", pdf), 400, "KIND_UNKNOWN", "kind");
        refused(Multipart.upload(null, "photo.pdf", "application/pdf", pdf), 400, "KIND_UNKNOWN", "kind");
        refused(Multipart.upload("CHARTER", null, null, null), 400, "FILE_EMPTY", "file");
        refused(Multipart.upload("CHARTER", "charter.jpg", "image/jpeg", TestFiles.jpeg(50, 50, Color.BLACK)), 400,
                "FILE_TYPE_NOT_ALLOWED", "file");
        byte[] twoFiles = TestFiles.concat(Multipart.field("kind", "CHARTER"),
                Multipart.fileHead("a.pdf", "application/pdf"), pdf, Multipart.crlf(),
                Multipart.fileHead("b.pdf", "application/pdf"), pdf, Multipart.crlf(), Multipart.end());
        refused(post("/api/documents").contentType(Multipart.contentType()).content(twoFiles), 400,
                "UPLOAD_MALFORMED", "file");
        byte[] manyFields = TestFiles.concat(Multipart.field("a", "1"), Multipart.field("b", "2"),
                Multipart.field("c", "3"), Multipart.field("d", "4"), Multipart.field("e", "5"),
                Multipart.field("f", "6"), Multipart.field("g", "7"), Multipart.field("h", "8"),
                Multipart.field("kind", "CHARTER"), Multipart.fileHead("a.pdf", "application/pdf"), pdf,
                Multipart.crlf(), Multipart.end());
        refused(post("/api/documents").contentType(Multipart.contentType()).content(manyFields), 400,
                "UPLOAD_MALFORMED", "file");
        byte[] noClosingBoundary = TestFiles.concat(Multipart.field("kind", "CHARTER"),
                Multipart.fileHead("a.pdf", "application/pdf"), pdf);
        refused(post("/api/documents").contentType(Multipart.contentType()).content(noClosingBoundary), 400,
                "UPLOAD_MALFORMED", "file");

        assertThat(mongo.count(new Query(), Uploads.COLLECTION)).isEqualTo(uploads);
    }

    @Test
    void theSweeperDeletesExpiredStagedUploadsOnly() throws Exception {
        String expired = uploadId("UNION_SEAL", "old.jpg", TestFiles.jpeg(20, 20, Color.RED));
        // an officer looked at it: its preview goes with it
        mvc.perform(get("/api/documents/" + expired + "/preview")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_reviewer")))).andExpect(status().isOk());
        assertThat(mongo.count(Query.query(Criteria.where("metadata.uploadId").is(expired)), "previews.files")).isOne();
        String claimed = uploadId("UNION_SEAL", "kept.jpg", TestFiles.jpeg(20, 20, Color.BLUE));
        String fresh = uploadId("CHARTER", "new.pdf", TestFiles.pdf(1, "fresh"));
        Date past = Date.from(Instant.now().minus(Duration.ofHours(2)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(expired)), new Update().set("expiresAt", past),
                Uploads.COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed)), new Update().set("expiresAt", past)
                .set("status", "CLAIMED").set("applicationId", "A-1"), Uploads.COLLECTION);

        assertThat(sweeper.sweep()).isEqualTo(1);

        assertThat(mongo.findById(expired, Document.class, Uploads.COLLECTION)).isNull();
        assertThat(mongo.findById(expired, Document.class, "fs.files")).isNull();
        assertThat(mongo.count(Query.query(Criteria.where("files_id").is(expired)), "fs.chunks")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("metadata.uploadId").is(expired)), "previews.files")).isZero();
        assertThat(mongo.count(new Query(), "previews.chunks")).isZero();
        for (String kept : new String[] { claimed, fresh }) {
            assertThat(mongo.findById(kept, Document.class, Uploads.COLLECTION)).isNotNull();
            assertThat(mongo.findById(kept, Document.class, "fs.files")).isNotNull();
            assertThat(mongo.count(Query.query(Criteria.where("files_id").is(kept)), "fs.chunks")).isPositive();
        }
    }

    @Test
    void thePeriodicSweepHoldsItsLockForTheWholeIntervalSoOtherInstancesSkipIt() {
        sweeper.sweepPeriodically();

        Document lock = mongo.getCollection(SchedulingAutoConfiguration.LOCKS_COLLECTION)
                .find(new Document("_id", "document.staged-upload-sweep")).first();
        assertThat(lock).isNotNull();
        Instant ran = lock.getDate("lockedAt").toInstant();
        assertThat(lock.getDate("lockUntil").toInstant()).as("laborcloud.documents.sweep-interval of application.yml")
                .isAfter(Instant.now())
                .isBetween(ran.plus(Duration.ofMinutes(5)).minusSeconds(5), ran.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aFileOverTheLimitIsCutOffWhileStreamingOnARealServer() throws Exception {
        long files = mongo.count(new Query(), "fs.files");
        GeneratedContent file = new GeneratedContent(TestFiles.pdf(1, "big"), 11 * 1024 * 1024 + 512 * 1024);
        HttpRequest request = Multipart.streaming(URI.create("http://127.0.0.1:" + port + "/api/documents"), "CHARTER",
                "big.pdf", file);

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("FILE_TOO_LARGE");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
        assertThat(mongo.count(new Query(), "fs.files")).isEqualTo(files);
    }

    private void refused(org.springframework.test.web.servlet.RequestBuilder request, int status, String code,
            String field) throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    private String uploadId(String kind, String name, byte[] content) throws Exception {
        return Multipart.uploadId(mvc, kind, name, content);
    }
}
