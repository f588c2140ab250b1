package tw.laborcloud.document.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static tw.laborcloud.document.Tokens.officer;
import static tw.laborcloud.document.Tokens.union;

import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tw.laborcloud.document.EventProbe;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.access.Owners;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * The attachments of union-affairs filings: uploaded as the filing's kinds, claimed by the
 * filing when it is submitted (so they no longer expire), readable by the union that filed
 * it and by officers, by nobody else; never verified like a registration's documents.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EventProbe.Config.class)
@DirtiesContext
class FilingAttachmentsIntegrationTests {

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

    @Test
    void aSubmittedFilingKeepsItsAttachmentsForItsUnion() throws Exception {
        byte[] minutesPdf = TestFiles.pdf(2, "board resolution");
        String minutes = Multipart.uploadId(mvc, "BOARD_RESOLUTION", "理事會紀錄.pdf", minutesPdf);
        String proof = Multipart.uploadId(mvc, "ADDRESS_PROOF", "租約.jpg", TestFiles.jpeg(800, 600, Color.BLUE));
        String filingId = "F-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        String unionId = "U-" + UUID.randomUUID().toString().substring(0, 8);
        FilingSubmitted first = submitted(filingId, unionId, 1, new SubmittedDocument("BOARD_RESOLUTION", minutes),
                new SubmittedDocument("ADDRESS_PROOF", proof));

        events.send(Topics.FILING_SUBMITTED, filingId, first);
        events.send(Topics.FILING_SUBMITTED, filingId, first); // redelivered
        awaitClaimed(minutes, filingId);
        awaitClaimed(proof, filingId);

        mvc.perform(get("/api/documents/" + minutes + "/content").with(union(unionId)))
                .andExpect(status().isOk()).andExpect(content().bytes(minutesPdf));
        mvc.perform(get("/api/documents/" + proof).with(union(unionId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ADDRESS_PROOF"))
                .andExpect(jsonPath("$.kindLabel").value("會址證明文件"))
                .andExpect(jsonPath("$.status").value("CLAIMED"));
        mvc.perform(get("/api/documents/" + minutes).with(union("U-other"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_DOCUMENT"));
        for (String role : List.of("reviewer", "approver")) {
            mvc.perform(get("/api/documents/" + proof + "/content").with(officer(role))).andExpect(status().isOk());
        }

        // resubmitted after a return: the new upload joins, the kept ones stay the filing's
        String corrected = Multipart.uploadId(mvc, "BOARD_RESOLUTION", "理事會紀錄-更正.pdf", TestFiles.pdf(1, "fixed"));
        events.send(Topics.FILING_SUBMITTED, filingId, submitted(filingId, unionId, 2,
                new SubmittedDocument("BOARD_RESOLUTION", corrected), new SubmittedDocument("ADDRESS_PROOF", proof)));
        awaitClaimed(corrected, filingId);
        mvc.perform(get("/api/documents/" + corrected).with(union(unionId))).andExpect(status().isOk());
        Document owner = mongo.findById(filingId, Document.class, Owners.COLLECTION);
        assertThat(owner.getString("unionId")).isEqualTo(unionId);
        assertThat(owner.getList("appliedEvents", String.class)).hasSize(2);

        assertThat(events.allVerified(filingId, Duration.ofSeconds(3))).as("no DocumentsVerified for a filing")
                .isEmpty();
    }

    @Test
    void anUploadOfAnotherApplicationStaysWhereItIs() throws Exception {
        String charter = Multipart.uploadId(mvc, "CHARTER", "章程.pdf", TestFiles.pdf(1, "registration"));
        String registration = "R-" + UUID.randomUUID();
        events.submit(registration, new SubmittedDocument("CHARTER", charter));
        events.awaitVerified(registration);
        String filingId = "F-" + UUID.randomUUID().toString().substring(0, 12);
        String minutes = Multipart.uploadId(mvc, "MEETING_MINUTES", "紀錄.bmp", TestFiles.bmp(300, 200, Color.GRAY));

        events.send(Topics.FILING_SUBMITTED, filingId, submitted(filingId, "U-9", 1,
                new SubmittedDocument("MEETING_MINUTES", charter), new SubmittedDocument("MEETING_MINUTES", minutes),
                new SubmittedDocument("SIGN_IN_SHEET", UUID.randomUUID().toString())));
        awaitClaimed(minutes, filingId);

        assertThat(mongo.findById(charter, Document.class, Uploads.COLLECTION).getString("applicationId"))
                .isEqualTo(registration);
        mvc.perform(get("/api/documents/" + charter).with(union("U-9"))).andExpect(status().isForbidden());
    }

    @Test
    void theAmendedCharterIsUploadedAsPdfOnly() throws Exception {
        mvc.perform(Multipart.upload("AMENDED_CHARTER", "章程.jpg", "image/jpeg", TestFiles.jpeg(100, 100, Color.RED)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FILE_TYPE_NOT_ALLOWED"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("修正後章程")));
        mvc.perform(Multipart.upload("AMENDED_CHARTER", "章程.pdf", "application/pdf", TestFiles.pdf(1, "ok")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("AMENDED_CHARTER"));
    }

    private void awaitClaimed(String uploadId, String filingId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Document upload = mongo.findById(uploadId, Document.class, Uploads.COLLECTION);
            assertThat(upload.getString("status")).isEqualTo("CLAIMED");
            assertThat(upload.getString("applicationId")).isEqualTo(filingId);
        });
    }

    private static FilingSubmitted submitted(String filingId, String unionId, int round,
            SubmittedDocument... attachments) {
        return FilingSubmitted.of(filingId, "corr-" + filingId, unionId, unionId, "新北市測試工會", "ADDRESS_CHANGE",
                "會址變更", round, List.of(new FormField("meetingDate", "理事會決議日期", "2026-11-12")),
                List.of(attachments), (LocalDate) null, false);
    }
}
