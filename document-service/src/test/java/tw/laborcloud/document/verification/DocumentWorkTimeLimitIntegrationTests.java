package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tw.laborcloud.document.EventProbe;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.upload.ContentTypes;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.document.DocumentsVerified.Verdict;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * A document whose check takes far longer than the limit per document (a check that sleeps
 * for ten minutes on the files the test names, as a PDF built to be slow would): the
 * document gets CHECK_TIMED_OUT, the other documents are checked as usual, DocumentsVerified
 * is published, and the next application on the topic is verified too.
 */
@SpringBootTest(properties = "laborcloud.documents.work-timeout=PT2S")
@AutoConfigureMockMvc
@Import({ EventProbe.Config.class, DocumentWorkTimeLimitIntegrationTests.SlowCheck.class })
@DirtiesContext
class DocumentWorkTimeLimitIntegrationTests {

    private static final int PARTITION = 0;

    /** SHA-256 of the files the slow check lingers over. */
    static final Set<String> SLOW_FILES = ConcurrentHashMap.newKeySet();

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowCheck {
        @Bean
        ContentCheck slowCheck() {
            return new ContentCheck() {
                @Override
                public boolean appliesTo(String contentType) {
                    return ContentTypes.isPdf(contentType);
                }

                @Override
                public CheckResult check(Path file, String contentType) {
                    try {
                        if (SLOW_FILES.contains(TestFiles.sha256(Files.readAllBytes(file)))) {
                            Thread.sleep(Duration.ofMinutes(10));
                        }
                    } catch (IOException | InterruptedException stopped) {
                        // interrupted at the limit: the result no longer matters
                    }
                    return CheckResult.passed(null);
                }
            };
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventProbe events;

    @Test
    void aDocumentOverTheTimeLimitIsReportedAndTheVerificationGoesOn() throws Exception {
        byte[] slow = TestFiles.pdf(2, "a charter that takes forever to check");
        SLOW_FILES.add(TestFiles.sha256(slow));
        // the intake's checks run over the limit too: the upload is accepted, the verification reports it
        String slowCharter = Multipart.uploadId(mvc, "CHARTER", "章程.pdf", slow);
        String certificate = Multipart.uploadId(mvc, "CERTIFICATE_SCAN", "立案證書.pdf", TestFiles.pdf(1, "cert"));
        String applicationId = "A-" + UUID.randomUUID();
        Instant submitted = Instant.now();

        events.submit(PARTITION, applicationId, new SubmittedDocument("CHARTER", slowCharter),
                new SubmittedDocument("CERTIFICATE_SCAN", certificate));

        DocumentsVerified result = events.awaitVerified(applicationId);
        assertThat(Duration.between(submitted, Instant.now())).isLessThan(Duration.ofSeconds(45));
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        assertThat(EventProbe.findingsByKind(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CHARTER", List.of("CHECK_TIMED_OUT"),
                "CERTIFICATE_SCAN", List.of()));
        assertThat(result.documents()).filteredOn(d -> "CERTIFICATE_SCAN".equals(d.kind())).singleElement()
                .satisfies(d -> assertThat(d.pages()).isOne());

        // the partition moved on: the next application on it is verified as usual
        String next = "A-" + UUID.randomUUID();
        events.submit(PARTITION, next, new SubmittedDocument("CHARTER",
                Multipart.uploadId(mvc, "CHARTER", "charter.pdf", TestFiles.pdf(1, "next charter"))));
        assertThat(events.awaitVerified(next).verdict()).isEqualTo(Verdict.PASSED);
    }
}
