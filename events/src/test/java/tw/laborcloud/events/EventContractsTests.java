package tw.laborcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationApproved;

/** Contracts change additively: what a version-1 producer wrote still reads, and every event round-trips. */
class EventContractsTests {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aVersionOneRegistrationSubmittedStillReads() {
        String v1 = """
                {"eventId":"e1","occurredAt":"2026-11-27T08:00:00Z","applicationId":"R1","correlationId":"c1",
                 "schemaVersion":1,"certificateNo":"12345678","unionName":"工會","contactEmail":"a@b.tw",
                 "documents":[{"kind":"CHARTER","uploadId":"u1"}]}
                """;
        RegistrationSubmitted event = json.readValue(v1, RegistrationSubmitted.class);
        assertThat(event.documents()).containsExactly(new RegistrationSubmitted.SubmittedDocument("CHARTER", "u1"));
        assertThat(event.details()).isNull();
        assertThat(event.schemaVersion()).isEqualTo(1);
    }

    @Test
    void aVersionOneDocumentsVerifiedIsTheFirstRound() {
        String v1 = """
                {"eventId":"e2","occurredAt":"2026-11-27T08:00:00Z","applicationId":"R1","correlationId":"c1",
                 "schemaVersion":1,"verdict":"PASSED","documents":[]}
                """;
        assertThat(json.readValue(v1, DocumentsVerified.class).round()).isNull();
        assertThat(DocumentsVerified.of("R1", "c1", List.of()).round()).isEqualTo(1);
    }

    @Test
    void aCertificateReadingRoundTripsAndAVersionThreeDocumentHasNone() {
        CertificateReading reading = new CertificateReading(CertificateReading.Outcome.READ, null,
                new CertificateReading.ReadText("84358795", 91, new CertificateReading.Box(0.59, 0.28, 0.15, 0.02)),
                null, null, null, null, CertificateReading.Match.DIFFERENT, CertificateReading.Match.SIMILAR,
                List.of("誠→試"), CertificateReading.Match.EQUAL, 90, 1200);
        DocumentsVerified verified = DocumentsVerified.of("A-1", "c-1", List.of(
                new DocumentsVerified.VerifiedDocument("CERTIFICATE_SCAN", "u-1", "image/jpeg", 10, null, "ab",
                        List.of("CERTIFICATE_NUMBER_DIFFERS")).withCertificateReading(reading)));
        DocumentsVerified back = json.readValue(json.writeValueAsString(verified), DocumentsVerified.class);
        assertThat(back.documents().getFirst().certificateReading()).isEqualTo(reading);
        assertThat(back.schemaVersion()).isEqualTo(4);

        DocumentsVerified older = json.readValue("""
                {"eventId":"e-3","occurredAt":"2026-01-01T00:00:00Z","applicationId":"A-3","correlationId":"c",
                 "schemaVersion":3,"verdict":"PASSED","round":1,"documents":[{"kind":"CERTIFICATE_SCAN","uploadId":"u",
                 "contentType":"application/pdf","size":1,"pages":1,"sha256":"x","findings":[],"sealImprint":null}]}
                """, DocumentsVerified.class);
        assertThat(older.documents().getFirst().certificateReading()).isNull();
    }

    @Test
    void everyTopicHasItsOwnRecordAndEveryRecordItsTopic() {
        assertThat(Topics.ALL).extracting(Topics.EventTopic::name).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("union."));
        assertThat(Topics.ALL).extracting(Topics.EventTopic::type).doesNotHaveDuplicates();
        assertThat(Topics.topicOf(ApplicationApproved.class)).isEqualTo("union.application.approved");
    }

    @Test
    void anEventRoundTripsAndNeverPrintsTheConfirmationToken() {
        byte[] pdf = "%PDF-1.7 送件副本\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EmailConfirmationRequested event = EmailConfirmationRequested.of("R1", "c1", "12345678", "工會", "a@b.tw",
                "secret-token", pdf);
        String written = json.writeValueAsString(event);
        EmailConfirmationRequested back = json.readValue(written, EmailConfirmationRequested.class);
        assertThat(back).isEqualTo(event).hasSameHashCodeAs(event);
        assertThat(back.submissionCopy()).isEqualTo(pdf);
        assertThat(back.schemaVersion()).isEqualTo(2);
        // the bytes travel as base64 in the JSON
        assertThat(written).contains(java.util.Base64.getEncoder().encodeToString(pdf));
        assertThat(event.toString()).doesNotContain("secret-token").doesNotContain("PDF");
    }

    @Test
    void aVersionOneEmailConfirmationRequestedStillReadsWithoutACopy() {
        String v1 = """
                {"eventId":"e4","occurredAt":"2026-11-27T08:00:00Z","applicationId":"R1","correlationId":"c1",
                 "schemaVersion":1,"certificateNo":"12345678","unionName":"工會","contactEmail":"a@b.tw",
                 "emailConfirmationToken":"old-token"}
                """;
        EmailConfirmationRequested event = json.readValue(v1, EmailConfirmationRequested.class);
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.emailConfirmationToken()).isEqualTo("old-token");
        assertThat(event.submissionCopy()).isNull();
    }

    @Test
    void aRegistrationSubmittedFromVersionThreeOnNeverCarriesTheToken() {
        RegistrationSubmitted event = RegistrationSubmitted.of("R1", "c1", "12345678", "工會", "a@b.tw", List.of(), null);
        assertThat(event.schemaVersion()).isEqualTo(3);
        assertThat(event.emailConfirmationToken()).isNull();
        assertThat(json.readValue(json.writeValueAsString(event), RegistrationSubmitted.class)).isEqualTo(event);
    }

    @Test
    void aVersionTwoRegistrationSubmittedStillReadsWithItsToken() {
        String v2 = """
                {"eventId":"e1","occurredAt":"2026-11-27T08:00:00Z","applicationId":"R1","correlationId":"c1",
                 "schemaVersion":2,"certificateNo":"12345678","unionName":"工會","contactEmail":"a@b.tw",
                 "documents":[],"emailConfirmationToken":"old-token"}
                """;
        RegistrationSubmitted event = json.readValue(v2, RegistrationSubmitted.class);
        assertThat(event.schemaVersion()).isLessThan(RegistrationSubmitted.TOKEN_MOVED_OUT_IN_VERSION);
        assertThat(event.emailConfirmationToken()).isEqualTo("old-token");
        assertThat(event.toString()).doesNotContain("old-token");
    }
}
