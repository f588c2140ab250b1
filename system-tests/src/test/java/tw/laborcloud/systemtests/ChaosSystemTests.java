package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.MailMessage;
import tw.laborcloud.infra.StackConfig;

/**
 * Nothing lost, nothing twice, with two instances of every service while processes die.
 * <p>
 * Drives {@code chaos.applications} applications (default 200) through the gateways: about 70 %
 * approved, 15 % rejected, 15 % through one supplement round first; the approved unions log in.
 * Meanwhile, at random moments: every service instance is killed with SIGKILL once and started
 * again, the Kafka broker is stopped and started, Keycloak and SMTP are each away for 30 s
 * ({@code chaos.short=true}, the version in {@code ./mvnw verify}: one instance of each service
 * killed, one broker restart). Then it checks from outside only (the gateways, Keycloak's admin
 * API, the mail inbox, the ops console's API, the services' metrics): every application in its
 * end state, one Keycloak user per approved union and none for the others, one receipt mail per
 * application and one activation mail per approved union, every outbox empty, every dead letter
 * accounted for; and prints one line with the figures.
 * <p>
 * Runs in a JVM of its own (its own surefire execution; {@code -Pchaos} for the long run), on
 * a stack of its own started with {@code replicas(2)}.
 */
class ChaosSystemTests {

    private static final Pattern BACKLOG = Pattern.compile("(?m)^laborcloud_outbox_backlog\\{[^}]*} ([0-9.E+-]+)$");

    static LocalStack stack;
    static ChaosGateways gateways;
    static ChaosOfficers officers;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void startStackWithTwoOfEverything() {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = repoRoot.resolve("system-tests/target/chaos-data");
        SharedStack.deleteRecursively(dataDir);
        stack = LocalStack.start(StackConfig.builder().repoRoot(repoRoot).dataDir(dataDir).replicas(2)
                .serviceStartTimeout(Duration.ofSeconds(240))
                .extraServiceArgs("registration-service", List.of("--spring.profiles.active=captcha-fixed"))
                // hundreds of applications from one address: the load generator is exempt from the rate limits
                .extraServiceArgs("gateway", List.of("--laborcloud.rate-limits.exempt-addresses[0]=127.0.0.1",
                            "--laborcloud.rate-limits.exempt-addresses[1]=::1"))
                .build());
        System.out.println(stack.describe());
        List<StackClient> clients = stack.config().instances("gateway").stream()
                .map(g -> new StackClient("http://localhost:" + stack.config().instancePort(g), stack.keycloakUrl()))
                .toList();
        gateways = new ChaosGateways(clients);
        officers = new ChaosOfficers(clients.get(0));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void everyApplicationReachesItsEndStateOnceWhileProcessesDie() throws Exception {
        int count = Integer.getInteger("chaos.applications", 200);
        boolean shortRun = Boolean.getBoolean("chaos.short");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        ChaosFaults faults = new ChaosFaults(stack, new Random());
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofMinutes(15)).plusSeconds(count * 3L);

        List<ChaosApplication> applications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = i % 20;
            ChaosApplication.Plan plan = slot < 14 ? ChaosApplication.Plan.APPROVE
                    : slot < 17 ? ChaosApplication.Plan.REJECT : ChaosApplication.Plan.SUPPLEMENT;
            applications.add(new ChaosApplication(i, plan, run, gateways, stack, officers, deadline));
        }

        AtomicLong highestLag = new AtomicLong();
        AtomicLong highestMemory = new AtomicLong(stack.memoryMegabytes());
        ExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ((java.util.concurrent.ScheduledExecutorService) sampler).scheduleWithFixedDelay(() -> {
            long lag = totalLag();
            if (lag != Long.MAX_VALUE) { // the console itself may be down (killed): no reading, not infinite lag
                highestLag.accumulateAndGet(lag, Math::max);
            }
            highestMemory.accumulateAndGet(stack.memoryMegabytes(), Math::max);
        }, 2, 5, TimeUnit.SECONDS);

        // the union clerks and the officers: many applications at once, bounded
        Semaphore inFlight = new Semaphore(Math.min(24, count));
        ExecutorService people = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<?>> drives = new ArrayList<>();
        for (ChaosApplication application : applications) {
            inFlight.acquire();
            drives.add(people.submit(() -> {
                try {
                    application.run();
                } finally {
                    inFlight.release();
                }
            }));
            if (drives.size() == 1) {
                faults.start(shortRun, count);
            }
        }
        for (Future<?> drive : drives) {
            drive.get();
        }
        people.shutdown();
        Instant lastFaultOver = faults.awaitOver();

        // drained: every expected mail delivered, no consumer lag, every outbox empty
        boolean drained = awaitQuiet(applications, Duration.ofMinutes(6));
        Instant quietAt = Instant.now();
        sampler.shutdownNow();

        String keycloakAdmin = keycloakAdminToken();
        Instant adminTokenAt = Instant.now();
        List<String> lost = new ArrayList<>();
        List<String> duplicateAccounts = new ArrayList<>();
        List<String> duplicateMails = new ArrayList<>();
        int inEndState = 0;
        int copies = 0;
        for (ChaosApplication a : applications) {
            String status = a.applicationId == null ? null : a.applicantStatus();
            boolean endState = a.stuckAt == null && a.expectedStatus().equals(status) && (!a.approved() || a.loggedIn);
            if (endState) {
                inEndState++;
            } else {
                lost.add("#" + a.index + " " + a.plan + " " + a.applicationId + ": status " + status
                        + (a.stuckAt == null ? "" : ", stuck at " + a.stuckAt));
            }
            if (adminTokenAt.plusSeconds(30).isBefore(Instant.now())) {
                keycloakAdmin = keycloakAdminToken(); // the master realm's tokens live 60 s
                adminTokenAt = Instant.now();
            }
            int users = keycloakUsers(keycloakAdmin, a.certificateNo);
            if (users != (a.approved() ? 1 : 0)) {
                (users > 1 ? duplicateAccounts : lost).add("#" + a.index + " " + a.plan + ": " + users
                        + " Keycloak users named " + a.certificateNo);
            }
            List<MailMessage> receiptMails = a.mails("已收到");
            List<MailMessage> activationMails = a.mails("").stream()
                    .filter(RegistrationToActivationSystemTests::isActivation).toList();
            // a copy of one message (same Message-ID: its sender died after the relay took it) is one mail
            // in the union's mailbox; a second message is a duplicate
            int receipts = distinctMessages(receiptMails);
            int activations = distinctMessages(activationMails);
            copies += receiptMails.size() - receipts + activationMails.size() - activations;
            if (receipts > 1 || activations > 1) {
                duplicateMails.add("#" + a.index + ": " + receipts + " receipt and " + activations + " activation mails");
            } else if (receipts == 0 || activations != (a.approved() ? 1 : 0)) {
                lost.add("#" + a.index + " " + a.plan + ": " + receipts + " receipt and " + activations
                        + " activation mails");
            }
        }
        List<String> deadLetters = deadLetters();
        long drainSeconds = Math.max(0, Duration.between(lastFaultOver, quietAt).toSeconds());
        String line = "chaos: %d applications, %d in their end state, %d lost, %d duplicate accounts, %d duplicate mails, %d dead letters, drained in %d s"
                .formatted(count, inEndState, lost.size(), duplicateAccounts.size(), duplicateMails.size(),
                        deadLetters.size(), drainSeconds);
        String report = line + System.lineSeparator()
                + "  run %s: %d s in all, faults: %s%n".formatted(run, Duration.between(start, quietAt).toSeconds(),
                        String.join(", ", faults.log()))
                + "  highest consumer lag %d, highest memory of the stack %d MB (VmRSS, %d service instances)%n"
                        .formatted(highestLag.get(), highestMemory.get(), stack.serviceInstances().size())
                + "  outboxes and lag drained: %s; copies of a mail delivered again (same Message-ID): %d%n"
                        .formatted(drained, copies)
                + detail("lost", lost) + detail("duplicate accounts", duplicateAccounts)
                + detail("duplicate mails", duplicateMails) + detail("dead letters", deadLetters);
        System.out.println(report);
        Files.writeString(Path.of("target", "chaos-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(lost).as("applications not in their end state").isEmpty();
        assertThat(duplicateAccounts).isEmpty();
        assertThat(duplicateMails).isEmpty();
        assertThat(drained).as("outboxes empty and no consumer lag after the faults").isTrue();
        // every dead letter accounted for: the event it holds did not cost its application its end state
        for (String letter : deadLetters) {
            assertThat(lost).as("an application with a dead letter: " + letter)
                    .noneMatch(l -> applications.stream().anyMatch(a -> a.applicationId != null
                            && letter.contains(a.applicationId) && l.contains(a.applicationId)));
        }
    }

    // ---- looking from outside -----------------------------------------------------------------------------------

    /** Every expected mail delivered, no consumer lag and every outbox empty, seen twice 3 s apart. */
    private static boolean awaitQuiet(List<ChaosApplication> applications, Duration atMost) {
        AtomicInteger quietLooks = new AtomicInteger();
        try {
            await("every mail delivered, no consumer lag, every outbox empty").atMost(atMost)
                    .pollInterval(Duration.ofSeconds(3)).until(() -> {
                        boolean mails = applications.stream().allMatch(a -> a.mails("已收到").size() >= 1
                                && (!a.approved() || a.mails("").stream().anyMatch(RegistrationToActivationSystemTests::isActivation)));
                        if (!(mails && totalLag() == 0 && outboxBacklog() == 0)) {
                            quietLooks.set(0);
                            return false;
                        }
                        return quietLooks.incrementAndGet() >= 2;
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** The consumer lag of every group, as the ops console shows it; MAX_VALUE when it cannot be read. */
    private static long totalLag() {
        try {
            HttpResponse<String> groups = gateways.call(c -> c.get("/api/ops/consumer-groups", officers.ops()));
            if (groups.statusCode() != 200) {
                return Long.MAX_VALUE;
            }
            List<Number> lags = JsonPath.read(groups.body(), "$[*].totalLag");
            return lags.stream().mapToLong(Number::longValue).sum();
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The sum of every service instance's outbox backlog gauge (its Prometheus endpoint). */
    private static long outboxBacklog() {
        long sum = 0;
        for (String instance : stack.serviceInstances()) {
            if (StackConfig.serviceOf(instance).equals("gateway")) {
                continue;
            }
            try {
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                                URI.create(stack.serviceUrl(instance) + "/actuator/prometheus")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher backlog = BACKLOG.matcher(metrics.body());
                while (backlog.find()) {
                    sum += (long) Double.parseDouble(backlog.group(1));
                }
            } catch (IOException | RuntimeException e) {
                return Long.MAX_VALUE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Long.MAX_VALUE;
            }
        }
        return sum;
    }

    private static List<String> deadLetters() {
        HttpResponse<String> response = gateways.call(c -> c.get("/api/ops/dead-letters", officers.ops()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> letters = JsonPath.read(response.body(), "$[*]");
        return letters.stream().map(d -> d.get("originalTopic") + " " + d.get("eventType") + " of "
                + d.get("applicationId") + " (" + d.get("group") + "): " + d.get("error")).toList();
    }

    private static String keycloakAdminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    private static int keycloakUsers(String adminToken, String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/admin/realms/laborcloud/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Object> users = JsonPath.read(response.body(), "$[*]");
        return users.size();
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    private static int distinctMessages(List<MailMessage> mails) {
        return (int) mails.stream().map(m -> {
            Matcher id = MESSAGE_ID.matcher(m.raw() == null ? "" : m.raw());
            return id.find() ? id.group(1) : "mail-" + m.id();
        }).distinct().count();
    }

    private static String detail(String what, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("  ").append(what).append(":").append(System.lineSeparator());
        items.stream().limit(50).forEach(i -> sb.append("    ").append(i).append(System.lineSeparator()));
        return sb.toString();
    }
}
