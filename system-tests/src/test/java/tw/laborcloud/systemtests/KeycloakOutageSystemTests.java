package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.Test;

import tw.laborcloud.infra.MailMessage;

/**
 * The real Keycloak is stopped while officers approve two applications: the approvals are
 * taken (the officers' tokens are JWTs the services check against keys they already hold),
 * no account can be opened and no activation mail goes out; the registration service's
 * circuit breaker stops calling Keycloak. When Keycloak is back, both accounts are opened
 * and each union gets its activation mail exactly once, and both can log in.
 */
class KeycloakOutageSystemTests extends StackTests {

    @AfterEach
    void keycloakRunsAgain() {
        // whatever happened above, the other test classes of this JVM share the stack
        if (!stack.faults().isKeycloakRunning()) {
            stack.faults().startKeycloak();
        }
    }

    @Test
    void approvalsDuringAKeycloakOutageOpenEachAccountOnceWhenItIsBack() {
        Union first = Union.random("新北市停機測試一產業工會");
        Union second = Union.random("新北市停機測試二產業工會");
        first.applicationId = client.registerUnion(first.certificateNo, first.password, first.email, first.name);
        second.applicationId = client.registerUnion(second.certificateNo, second.password, second.email, second.name);

        // the officer logs in before the outage; reading the cases makes the review service fetch Keycloak's keys
        String approver = client.token("approver1", "Approver1-pass!");
        String reviewer = client.token("reviewer1", "Reviewer1-pass!");
        client.confirmContactEmail(stack, first.email);
        client.confirmContactEmail(stack, second.email);
        await("both cases ready for review").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> client.caseReady(first.applicationId, approver)
                        && client.caseReady(second.applicationId, approver));

        stack.faults().stopKeycloak();
        assertThat(stack.faults().isKeycloakRunning()).isFalse();
        Instant outageFrom = Instant.now();

        for (Union union : List.of(first, second)) {
            HttpResponse<String> approved = client.approve(union.applicationId, reviewer, approver);
            assertThat(approved.statusCode()).as("approval while Keycloak is down: " + approved.body()).isEqualTo(200);
        }
        Instant signedOff = Instant.now();
        await("approvals reached the registration service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "APPROVED".equals(client.applicationStatus(first.applicationId, first.certificateNo))
                        && "APPROVED".equals(client.applicationStatus(second.applicationId, second.certificateNo)));
        await("the registration service stops calling Keycloak").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> log("registration-service")
                        .contains("Keycloak circuit open"));
        await("no account and no activation mail while Keycloak is down").during(Duration.ofSeconds(10))
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> activationMails(first).isEmpty() && activationMails(second).isEmpty()
                        && "APPROVED".equals(client.applicationStatus(first.applicationId, first.certificateNo)));

        stack.faults().startKeycloak();
        Instant keycloakBack = Instant.now();

        await("both activation mails").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> activationMails(first).size() == 1 && activationMails(second).size() == 1);
        Instant lastMail = List.of(activationMails(first).getFirst(), activationMails(second).getFirst()).stream()
                .map(MailMessage::receivedAt).max(Instant::compareTo).orElseThrow();
        System.out.printf("Keycloak outage: down %d s; sign-off to last activation mail %d ms; Keycloak back to last mail %d ms%n",
                Duration.between(outageFrom, keycloakBack).toSeconds(), Duration.between(signedOff, lastMail).toMillis(),
                Duration.between(keycloakBack, lastMail).toMillis());
        await("still one mail each").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> activationMails(first).size() == 1 && activationMails(second).size() == 1);

        for (Union union : List.of(first, second)) {
            assertThat(client.applicationStatus(union.applicationId, union.certificateNo)).isEqualTo("ACCOUNT_ACTIVATED");
            assertThat(activationMails(union).getFirst().text()).contains(union.certificateNo).doesNotContain(union.password);
            assertThat(client.token(union.certificateNo, union.password)).as("the union logs in").isNotBlank();
        }
    }

    static List<MailMessage> activationMails(Union union) {
        return stack.mailMessages().stream().filter(m -> m.to().contains(union.email)
                && RegistrationToActivationSystemTests.isActivation(m)).toList();
    }

    static String log(String service) {
        try {
            return Files.readString(stack.logFile(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Union {
        final String certificateNo;
        final String name;
        final String email;
        final String password = "Union-Pass-2026";
        String applicationId;

        private Union(String certificateNo, String name) {
            this.certificateNo = certificateNo;
            this.name = name;
            this.email = "clerk-" + certificateNo + "@union.example";
        }

        static Union random(String name) {
            return new Union(String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999)), name);
        }
    }
}
