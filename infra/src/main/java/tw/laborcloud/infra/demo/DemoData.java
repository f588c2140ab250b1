package tw.laborcloud.infra.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.registration.NewTaipeiDistricts;
import tw.laborcloud.infra.DemoAccount;
import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.Log;
import tw.laborcloud.infra.MailMessage;
import tw.laborcloud.infra.demo.DemoClient.MultipartBody;

/**
 * Demo data for {@code ./run} on an empty data folder: the city's union register (thirty unions with their seals)
 * and applications in every state a case can be in, so that each officer page, the union portal and the ops
 * console show something from the first minute.
 *
 * <p>Everything goes through the same public APIs and events as real use: the register is imported by a supervisor
 * as a CSV with seal images; each applicant uploads four documents, answers the captcha and sends the form from an
 * address of its own, opens the confirmation link of its receipt mail; officers propose and sign off; activated
 * unions log in with their certificate number and file. The one shortcut is the captcha: the registration service
 * runs under the {@code captcha-fixed} profile while seeding ({@link #SEEDING_ARGS}) and is restarted without it
 * before anyone else can reach the stack.
 */
public final class DemoData {

    /** The registration service's arguments while seeding: the captcha's answer is TEST. */
    public static final Map<String, List<String>> SEEDING_ARGS = Map.of("registration-service",
            List.of("--spring.profiles.active=captcha-fixed"));

    /** The password of every demo union's account (the form's rules: 8 or more, letters and digits). */
    static final String PASSWORD = "Demo-Union-2026";

    private static final String SUMMARY_FILE = "demo.json";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern CONFIRMATION_LINK = Pattern
            .compile("register/confirm\\.html\\?applicationId=([^&\\s]+)&token=([A-Za-z0-9_-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where each demo application is to end. */
    enum Target {
        /** Sent; the applicant has not yet opened the confirmation link of the receipt mail. */
        UNCONFIRMED,
        /** Address confirmed, documents checked: waiting in the reviewers' queue. */
        READY,
        /** A reviewer proposed approval; waiting for the supervisor. */
        PROPOSED_APPROVAL,
        /** A reviewer proposed rejection; waiting for the supervisor. */
        PROPOSED_REJECTION,
        /** The supervisor sent the proposal back to the reviewer with a comment. */
        SENT_BACK,
        /** Returned to the union for replacement documents. */
        SUPPLEMENT_REQUESTED,
        REJECTED,
        /** Approved in two steps; the union's account is active and it has filed. */
        ACTIVATED
    }

    /** One demo applicant: which union, where it is to end, and whose seal it uploads. */
    record Applicant(DemoUnions.Union union, Target target, DemoUnions.Union sealOf) {
    }

    /** An activated demo union, for the banner. */
    public record Account(String certificateNo, String password, String unionName) {
    }

    /**
     * What the seeding made, kept in {@code <data>/demo.json} for later starts' banners: the register's size, the
     * applications' certificate numbers by the state they were left in, the activated unions' accounts.
     */
    public record Summary(int registered, Map<String, List<String>> applications, List<Account> accounts,
            Instant seededAt) {

        /** How many applications were left in each state, e.g. {READY=3, ACTIVATED=3, ...}. */
        public Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            applications.forEach((state, numbers) -> counts.put(state, numbers.size()));
            return counts;
        }
    }

    private final LocalStack stack;
    private final DemoClient officerClient;
    private final List<DemoUnions.Union> register = DemoUnions.register();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
    private String reviewer;
    private String approver;

    private DemoData(LocalStack stack) {
        this.stack = stack;
        this.officerClient = new DemoClient(stack.gatewayUrl(), stack.keycloakUrl(), loopback(1, 1));
    }

    /** True for a data folder nothing was ever stored in (no database of the MongoDB-wire store yet). */
    public static boolean wanted(Path dataDir) {
        return !Files.exists(dataDir.resolve(SUMMARY_FILE)) && !Files.exists(dataDir.resolve("mongo"));
    }

    /** Seeds the running stack (development realm, registration service under {@link #SEEDING_ARGS}). */
    public static Summary seed(LocalStack stack, Path dataDir) {
        Instant t0 = Instant.now();
        Summary summary = new DemoData(stack).run();
        try {
            Files.writeString(dataDir.resolve(SUMMARY_FILE), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.info("demo data: %d unions in the register, %d applications, %d active accounts in %d s",
                summary.registered(), summary.counts().values().stream().mapToInt(Integer::intValue).sum(),
                summary.accounts().size(), Duration.between(t0, Instant.now()).toSeconds());
        return summary;
    }

    /** The seeding's summary of this data folder, if it was seeded. */
    public static Optional<Summary> summary(Path dataDir) {
        Path file = dataDir.resolve(SUMMARY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file), Summary.class));
        } catch (IOException | RuntimeException e) {
            Log.info("demo data: cannot read %s (%s)", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Who applies and where each application is left: the union's place in the register, the state, and (when it is
     * not the union's own) the place of the union whose seal it uploads. "-" is a union the register does not have.
     */
    private static final String PLAN = """
            0  ACTIVATED
            8  ACTIVATED
            17 ACTIVATED
            1  PROPOSED_APPROVAL
            9  PROPOSED_REJECTION
            18 SENT_BACK
            2  SUPPLEMENT_REQUESTED
            19 REJECTED
            3  READY
            10 READY 28
            27 READY
            20 UNCONFIRMED
            -  UNCONFIRMED
            """;

    /** The applicants of {@link #PLAN}: each state of the process at least once. */
    static List<Applicant> applicantsFor(List<DemoUnions.Union> register) {
        DemoUnions.Union notRegistered = new DemoUnions.Union("10999901", "新北市外送服務業職業工會", "OCCUPATIONAL",
                null, 97);
        List<Applicant> applicants = new ArrayList<>();
        for (String line : PLAN.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            DemoUnions.Union union = cells[0].equals("-") ? notRegistered : register.get(Integer.parseInt(cells[0]));
            DemoUnions.Union sealOf = cells.length > 2 ? register.get(Integer.parseInt(cells[2])) : union;
            applicants.add(new Applicant(union, Target.valueOf(cells[1]), sealOf));
        }
        return List.copyOf(applicants);
    }

    private Summary run() {
        approver = officerClient.token(DemoAccount.withRole("approver").username(), DemoAccount.withRole("approver").password());
        reviewer = officerClient.token(DemoAccount.withRole("reviewer").username(), DemoAccount.withRole("reviewer").password());
        importRegister();

        List<Applicant> applicants = applicantsFor(register);
        Map<Applicant, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < applicants.size(); i++) {
            Applicant a = applicants.get(i);
            ids.put(a, register(a, officerClient.from(loopback(1, 10 + i))));
        }
        Log.info("demo data: %d applications sent", ids.size());
        ids.forEach((a, id) -> {
            if (a.target() != Target.UNCONFIRMED) {
                confirmAddress(a, id);
            }
        });
        ids.forEach((a, id) -> awaitCase(id, a.target() != Target.UNCONFIRMED));
        ids.forEach(this::decide);

        List<Account> accounts = new ArrayList<>();
        int filer = 0;
        for (Map.Entry<Applicant, String> e : ids.entrySet()) {
            if (e.getKey().target() == Target.ACTIVATED) {
                DemoUnions.Union u = e.getKey().union();
                awaitUntil("account of " + u.certificateNo() + " activated", () -> "ACCOUNT_ACTIVATED".equals(
                        officerClient.get("/api/registrations/" + e.getValue() + "?certificateNo=" + u.certificateNo(),
                                null).path("status").asString()));
                new DemoFilings(officerClient, reviewer, approver, today).file(u, filer++);
                accounts.add(new Account(u.certificateNo(), PASSWORD, u.name()));
            }
        }
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        applicants.forEach(a -> byTarget.computeIfAbsent(a.target().name(), t -> new ArrayList<>())
                .add(a.union().certificateNo()));
        return new Summary(register.size(), byTarget, accounts, Instant.now());
    }

    private void importRegister() {
        MultipartBody body = new MultipartBody().file("csv", "登記簿.csv", "text/csv",
                DemoUnions.csv(register).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (DemoUnions.Union u : register) {
            body.file("seals", u.sealFile(), "image/png", DemoDocuments.registeredSeal(u));
        }
        officerClient.multipart("/api/review/register/import", body, approver, 200);
        Log.info("demo data: the union register imported (%d unions with their seals)", register.size());
    }

    /** The applicant's part, as the registration form does it: four uploads, then the form; the application id. */
    private String register(Applicant a, DemoClient applicant) {
        DemoUnions.Union u = a.union();
        List<JsonNode> documents = List.of(
                upload(applicant, null, "CHARTER", "章程.pdf", "application/pdf", DemoDocuments.pdf(List.of(
                        "Charter of union " + u.certificateNo(), "Adopted by the founding general meeting.",
                        "Article 1: name and seat. Article 2: purpose. Article 3: members."))),
                upload(applicant, null, "CERTIFICATE_SCAN", "立案證書.pdf", "application/pdf", DemoDocuments.pdf(
                        List.of("Registration certificate", "No. " + u.certificateNo(), "Issued by New Taipei City"))),
                upload(applicant, null, "UNION_SEAL", "圖記.jpg", "image/jpeg", DemoDocuments.scannedSeal(a.sealOf())),
                upload(applicant, null, "REPRESENTATIVE_SEAL", "負責人章.jpg", "image/jpeg",
                        DemoDocuments.representativeSeal(representative(u), u.sealVariant() + 1)));
        String captchaId = applicant.get("/api/registrations/captcha", null).path("captchaId").asString();
        NewTaipeiDistricts.District district = NewTaipeiDistricts.ALL.get(
                Math.floorMod(u.certificateNo().hashCode(), NewTaipeiDistricts.ALL.size()));
        int members = 40 + Math.floorMod(u.certificateNo().hashCode(), 400);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("account", u.certificateNo());
        form.put("password", PASSWORD);
        form.put("passwordConfirm", PASSWORD);
        form.put("unionName", u.name());
        form.put("unionType", u.type());
        form.put("unionTaxId", "");
        form.put("representative", representative(u));
        form.put("industry", industry(u));
        form.put("address", Map.of("district", district.name(), "street", "民生路" + (members % 9 + 1) + "段"
                + (members % 180 + 2) + "號"));
        form.put("mailingAddress", null);
        form.put("foundedOn", u.issuedOn() == null ? "2024-06-01" : u.issuedOn().minusMonths(2).toString());
        form.put("members", Map.of("male", members / 2 + 7, "female", members / 2));
        form.put("memberRepresentatives", null);
        form.put("directors", Map.of("male", 9, "female", 6));
        form.put("supervisors", Map.of("male", 3, "female", 2));
        form.put("memberUnions", "FEDERATION".equals(u.type()) ? 12 : null);
        form.put("contactName", "林書記");
        form.put("contactPhone", "02-2960-" + (3000 + members));
        form.put("fax", "");
        form.put("contactEmail", email(u));
        form.put("contactEmailConfirm", email(u));
        form.put("backupEmail", "");
        // "yes" would call for a fifth upload, the evidence (HARASSMENT_EVIDENCE)
        form.put("harassmentPreventionDone", false);
        form.put("genderOneThirdRule", true);
        form.put("joinedHigherUnion", false);
        form.put("documents", documents.stream().map(DemoData::reference).toList());
        form.put("captchaId", captchaId);
        form.put("captchaAnswer", "TEST");
        return applicant.post("/api/registrations", form, null, 201).path("applicationId").asString();
    }

    /** The applicant opens the confirmation link of its receipt mail, as it arrived in the inbox. */
    private void confirmAddress(Applicant a, String applicationId) {
        String email = email(a.union());
        String text = awaitValue("receipt mail to " + email, () -> stack.mailMessages().stream()
                .filter(m -> m.to().contains(email) && m.subject().contains("已收到")).map(MailMessage::text)
                .findFirst());
        Matcher link = CONFIRMATION_LINK.matcher(text);
        if (!link.find() || !link.group(1).equals(applicationId)) {
            throw new DemoClient.DemoException("no confirmation link for " + applicationId + " in: " + text, null);
        }
        officerClient.post("/api/registrations/" + applicationId + "/email-confirmation",
                Map.of("token", link.group(2)), null, 200);
    }

    /** Waits on the queue (a look at a case itself would be audited: the seeding looks only at the queue). */
    private void awaitCase(String applicationId, boolean confirmed) {
        awaitUntil("case " + applicationId + " ready for review", () -> {
            JsonNode line = officerClient.get("/api/review/cases?q=" + applicationId, reviewer).path("items").path(0);
            return "READY_FOR_REVIEW".equals(line.path("status").asString())
                    && (!confirmed || line.path("contactEmailConfirmed").asBoolean(false));
        });
    }

    private void decide(Applicant a, String applicationId) {
        String path = "/api/review/cases/" + applicationId;
        switch (a.target()) {
            case UNCONFIRMED, READY -> {
            }
            case PROPOSED_APPROVAL -> propose(path, Map.of("outcome", "APPROVE", "note", "資料齊備，圖記相符，擬准予核發帳號。"));
            case PROPOSED_REJECTION -> propose(path, Map.of("outcome", "REJECT",
                    "reason", "申請之工會名稱與立案證書所載不符，且經通知後未說明。"));
            case SENT_BACK -> {
                long revision = propose(path, Map.of("outcome", "APPROVE"));
                officerClient.post(path + "/send-back", Map.of("comment", "請先核對會員人數與章程所載是否一致，再行擬辦。",
                        "revision", revision), approver, 200);
            }
            case SUPPLEMENT_REQUESTED -> signOff(path, propose(path, Map.of("outcome", "SUPPLEMENT", "documents",
                    List.of(Map.of("kind", "CHARTER", "reason", "章程未附成立大會通過日期，請補正後重新上傳。")))));
            case REJECTED -> signOff(path, propose(path, Map.of("outcome", "REJECT",
                    "reason", "立案證書已經註銷，不符申請資格。")));
            case ACTIVATED -> signOff(path, propose(path, Map.of("outcome", "APPROVE")));
        }
    }

    private long propose(String casePath, Map<String, Object> proposal) {
        return officerClient.post(casePath + "/proposal", proposal, reviewer, 200).path("revision").asLong();
    }

    private void signOff(String casePath, long revision) {
        officerClient.post(casePath + "/sign-off", Map.of("comment", "如擬", "revision", revision), approver, 200);
    }

    static JsonNode upload(DemoClient client, String token, String kind, String fileName, String type,
            byte[] content) {
        return client.multipart("/api/documents", new MultipartBody().field("kind", kind)
                .file("file", fileName, type, content), token, 201);
    }

    static Map<String, String> reference(JsonNode upload) {
        return Map.of("kind", upload.path("kind").asString(), "uploadId", upload.path("uploadId").asString(),
                "ticket", upload.path("ticket").asString());
    }

    private static String email(DemoUnions.Union u) {
        return "union-" + u.certificateNo() + "@demo.example";
    }

    private static String representative(DemoUnions.Union u) {
        String[] family = {"王", "李", "張", "劉", "陳", "楊", "黃", "吳", "林", "周"};
        String[] given = {"志明", "淑芬", "建宏", "美玲", "俊傑", "雅婷", "文雄", "麗華", "家豪", "秀英"};
        int n = Math.floorMod(u.certificateNo().hashCode(), 100);
        return family[n % 10] + given[n / 10];
    }

    private static String industry(DemoUnions.Union u) {
        String[] industries = {"C", "Q", "H", "P", "I", "J", "F", "S"};
        return industries[Math.floorMod(u.certificateNo().hashCode(), industries.length)];
    }

    /** 127.0.x.y: every address of 127.0.0.0/8 is this machine's loopback on Linux. */
    static InetAddress loopback(int x, int y) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) x, (byte) y});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitUntil(String what, BooleanSupplier condition) {
        awaitValue(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static <T> T awaitValue(String what, java.util.function.Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Optional<T> value;
            try {
                value = probe.get();
            } catch (DemoClient.DemoException notYet) {
                // e.g. 404 while the event that makes the case is on its way
                value = Optional.empty();
            }
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoClient.DemoException("demo data: gave up waiting for " + what + " after "
                        + PATIENCE.toSeconds() + " s", null);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoClient.DemoException("interrupted while waiting for " + what, e);
            }
        }
    }
}
