package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.document.TestFiles;
import tw.laborcloud.platform.test.LocalTestInfra;

/** On a real Tomcat (random port) as well as through MockMvc, so the container's own multipart limit is covered. */
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
    @LocalServerPort
    int port;

    @Test
    void aPdfCharterIsAcceptedAndStagedForADay() throws Exception {
        byte[] pdf = TestFiles.pdf(2, "charter of the union");

        String body = upload("CHARTER", "C:\\Users\\clerk\\章程 2025.pdf", "application/octet-stream", pdf)
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
        assertThat(mongo.findById(uploadId, Document.class, "fs.files").getLong("length")).isEqualTo(pdf.length);
    }

    @Test
    void jpgAndBmpSealsAreAcceptedByTheirContent() throws Exception {
        byte[] jpg = TestFiles.jpeg(300, 300, Color.RED);
        byte[] bmp = TestFiles.bmp(120, 80, Color.BLUE);

        upload("UNION_SEAL", "seal.jpg", "image/jpeg", jpg)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.detectedType").value("image/jpeg"))
                .andExpect(jsonPath("$.sha256").value(TestFiles.sha256(jpg)));
        // the declared type and the name say PDF; the bytes say BMP
        upload("REPRESENTATIVE_SEAL", "seal.pdf", "application/pdf", bmp)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.detectedType").value("image/bmp"))
                .andExpect(jsonPath("$.size").value(bmp.length));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an executable named charter.pdf", "CHARTER", "charter.pdf", "application/pdf",
                        TestFiles.windowsExecutable(), 400, "FILE_TYPE_NOT_ALLOWED", "file", "PDF（application/pdf）"),
                Arguments.of("HTML named seal.jpg", "UNION_SEAL", "seal.jpg", "image/jpeg", TestFiles.html(), 400,
                        "FILE_TYPE_NOT_ALLOWED", "file", "text/html"),
                Arguments.of("a JPG as the charter", "CHARTER", "charter.jpg", "image/jpeg",
                        TestFiles.jpeg(50, 50, Color.BLACK), 400, "FILE_TYPE_NOT_ALLOWED", "file", "image/jpeg"),
                Arguments.of("an empty file", "CERTIFICATE_SCAN", "certificate.pdf", "application/pdf", new byte[0],
                        400, "FILE_EMPTY", "file", "空"),
                Arguments.of("11 MB", "HARASSMENT_EVIDENCE", "evidence.pdf", "application/pdf", elevenMegabytePdf(),
                        413, "FILE_TOO_LARGE", "file", "10 MB"),
                Arguments.of("an unknown kind", "PHOTO", "photo.jpg", "image/jpeg", TestFiles.jpeg(10, 10, Color.RED),
                        400, "KIND_UNKNOWN", "kind", "章程"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedUploadsLeaveNothingBehind(String description, String kind, String name, String declaredType,
            byte[] content, int status, String code, String field, String messagePart) throws Exception {
        long uploads = mongo.count(new Query(), Uploads.COLLECTION);
        long files = mongo.count(new Query(), "fs.files");
        long chunks = mongo.count(new Query(), "fs.chunks");

        upload(kind, name, declaredType, content)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString(messagePart)));

        assertThat(mongo.count(new Query(), Uploads.COLLECTION)).isEqualTo(uploads);
        assertThat(mongo.count(new Query(), "fs.files")).isEqualTo(files);
        assertThat(mongo.count(new Query(), "fs.chunks")).isEqualTo(chunks);
    }

    @Test
    void theRefusalOfAnExecutableNamesWhatTheContentIs() throws Exception {
        String detail = JsonPath.read(upload("CHARTER", "charter.pdf", "application/pdf", TestFiles.windowsExecutable())
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(), "$.detail");

        assertThat(detail).contains("「章程」僅接受 PDF（application/pdf）").containsPattern("格式為 application/x-[a-z-]+");
    }

    @Test
    void onlyOfficersMayDownloadAndGetTheOriginalAsAnAttachment() throws Exception {
        byte[] jpg = TestFiles.jpeg(200, 100, Color.GREEN);
        String uploadId = uploadId(upload("UNION_SEAL", "工會圖記\u202E.jpg", "image/png", jpg));
        String path = "/api/documents/" + uploadId + "/content";

        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(get(path).with(role("union"))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(role("ops"))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(role("reviewer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename*=UTF-8''%E5%B7%A5%E6%9C%83%E5%9C%96%E8%A8%98.jpg"))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(jpg));
        mvc.perform(get(path).with(role("approver"))).andExpect(status().isOk()).andExpect(content().bytes(jpg));
    }

    @Test
    void anUnknownDocumentIsNotFound() throws Exception {
        mvc.perform(get("/api/documents/00000000-0000-0000-0000-000000000000/content").with(role("reviewer")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("DOCUMENT_NOT_FOUND"));
    }

    @Test
    void theSweeperDeletesExpiredStagedUploadsOnly() throws Exception {
        String expired = uploadId(upload("UNION_SEAL", "old.jpg", "image/jpeg", TestFiles.jpeg(20, 20, Color.RED)));
        String claimed = uploadId(upload("UNION_SEAL", "kept.jpg", "image/jpeg", TestFiles.jpeg(20, 20, Color.BLUE)));
        String fresh = uploadId(upload("CHARTER", "new.pdf", "application/pdf", TestFiles.pdf(1, "fresh")));
        Date past = Date.from(Instant.now().minus(Duration.ofHours(2)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(expired)), new Update().set("expiresAt", past),
                Uploads.COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed)), new Update().set("expiresAt", past)
                .set("status", "CLAIMED").set("applicationId", "A-1"), Uploads.COLLECTION);

        assertThat(sweeper.sweep()).isEqualTo(1);

        assertThat(mongo.findById(expired, Document.class, Uploads.COLLECTION)).isNull();
        assertThat(mongo.findById(expired, Document.class, "fs.files")).isNull();
        assertThat(mongo.count(Query.query(Criteria.where("files_id").is(expired)), "fs.chunks")).isZero();
        for (String kept : new String[] { claimed, fresh }) {
            assertThat(mongo.findById(kept, Document.class, Uploads.COLLECTION)).isNotNull();
            assertThat(mongo.findById(kept, Document.class, "fs.files")).isNotNull();
            assertThat(mongo.count(Query.query(Criteria.where("files_id").is(kept)), "fs.chunks")).isPositive();
        }
    }

    @Test
    void anUploadAboveTheContainersLimitGetsTheSameAnswer() throws Exception {
        long files = mongo.count(new Query(), "fs.files");
        String boundary = "----boundary" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCHARTER\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        // above max-file-size (11 MB), below max-request-size (12 MB): Tomcat cuts it off itself
        byte[] file = new byte[11 * 1024 * 1024 + 512 * 1024];
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("FILE_TOO_LARGE");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
        assertThat(mongo.count(new Query(), "fs.files")).isEqualTo(files);
    }

    private ResultActions upload(String kind, String name, String declaredType, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/documents")
                .file(new MockMultipartFile("file", name, declaredType, content))
                .param("kind", kind));
    }

    private static String uploadId(ResultActions result) throws Exception {
        return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.uploadId");
    }

    private static RequestPostProcessor role(String role) {
        return jwt().jwt(j -> j.subject(role + "1"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** A real PDF start, padded past the limit: refused for its size before anything looks at the content. */
    private static byte[] elevenMegabytePdf() {
        byte[] pdf = TestFiles.pdf(1, "large");
        byte[] large = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        return large;
    }
}
