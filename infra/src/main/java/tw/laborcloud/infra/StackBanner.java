package tw.laborcloud.infra;

import java.util.ArrayList;
import java.util.List;

import tw.laborcloud.infra.demo.DemoData;

/** What {@code ./run} prints when the stack is up: its addresses, accounts, demo data, start time and memory. */
final class StackBanner {

    private StackBanner() {
    }

    /** What ./run prints once {@code stack} is up. */
    static String describe(LocalStack stack) {
        StackConfig config = stack.config();
        StackSecrets secrets = stack.secrets();
        String gateway = stack.gatewayUrl();
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(nl).append("Labour cloud local stack is up");
        if (secrets != null) {
            sb.append(" (production-like: the prod profile, the production realm, generated secrets)");
        }
        if (config.replicas() > 1) {
            sb.append(String.format(" with %d instances of every service (the gateway balances between them;"
                    + " instance k on the service's port + 10 × (k − 1))", config.replicas()));
        }
        sb.append(nl).append(nl);
        if (config.startServices() && config.services().contains("gateway")) {
            sb.append(String.format("  %-22s %s%n", "Gateway (web UI)", gateway));
            sb.append(String.format("  %-22s %s   (unions: register, status, portal, 工會會務申請或備查)%n",
                    "Union pages", gateway + "/register/index.html"));
            sb.append(String.format("  %-22s %s   (roles reviewer / approver; staff login page)%n",
                    "Officers' workspace", gateway + "/review/"));
        }
        if (config.startServices() && config.services().contains("ops-console")) {
            sb.append(String.format("  %-22s %s   (role ops; %s directly with a bearer token)%n", "Ops console",
                    gateway + "/ops/", stack.serviceUrl("ops-console") + "/ops/"));
        }
        sb.append(String.format("  %-22s %s   admin console %s (%s)%n", "Keycloak", stack.keycloakUrl(),
                stack.keycloakAdminConsoleUrl(), secrets == null ? "admin / admin, dev only"
                        : "admin / " + StackSecrets.KEYCLOAK_ADMIN_PASSWORD + " of " + secrets.file()));
        sb.append(String.format("  %-22s %s   (SMTP %s:%d, IMAP %s:%d)%n", "Mail inbox", stack.inboxUrl(),
                stack.smtpHost(), stack.smtpPort(), stack.smtpHost(), stack.imapPort()));
        sb.append(String.format("  %-22s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        sb.append(String.format("  %-22s %s   (mongo-java-server + H2 file; stands in for MongoDB)%n",
                "MongoDB wire protocol", stack.mongoUri()));
        if (config.startServices() && config.services().contains("document-service")) {
            sb.append(String.format("  %-22s %s%n", "Certificate reading", TextRecognition.installed()
                    ? "Tesseract (chi_tra): uploaded registration certificates are read and compared with the form"
                    : "OFF: Tesseract with its Traditional Chinese model is not installed; case pages say 未判讀."
                            + " Install: apt-get install " + TextRecognition.PACKAGES));
        }
        if (config.startServices()) {
            sb.append(nl).append("  Service health:").append(nl);
            for (String name : config.allInstances()) {
                sb.append(String.format("    %-22s %s%n", name, stack.serviceHealthUrl(name)));
            }
        }
        if (secrets == null) {
            sb.append(nl).append("  Demo accounts (realm ").append(KeycloakServer.REALM).append(", local use only):")
                    .append(nl);
            for (DemoAccount a : DemoAccount.all()) {
                sb.append(String.format("    %-10s / %-16s %s%n", a.username(), a.password(),
                        String.join(", ", a.roles())));
            }
        } else {
            sb.append(nl).append("  No demo accounts: create officers (realm roles reviewer, approver, ops) in the")
                    .append(" admin console; the stack's secrets are in ").append(secrets.file()).append(nl);
        }
        DemoData.summary(config.dataDir()).ifPresent(demo -> {
            sb.append(nl).append(String.format("  Demo data (seeded %s; an empty data folder gets it, --no-demo skips"
                    + " it): %d unions in the register, applications %s%n", demo.seededAt().truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS), demo.registered(), demo.counts()));
            sb.append(String.format("  Demo unions (log in at %s with the certificate number and password):%n",
                    gateway + "/portal/"));
            for (DemoData.Account a : demo.accounts()) {
                sb.append(String.format("    %-10s / %-16s %s%n", a.certificateNo(), a.password(), a.unionName()));
            }
        });
        sb.append(nl).append(String.format("  Started in %s. Memory (VmRSS): %d MB total — ",
                Log.seconds(stack.startupTime()), stack.memoryMegabytes()));
        List<String> parts = new ArrayList<>();
        stack.memoryByPartMegabytes().forEach((part, mb) -> parts.add(part + " " + mb));
        sb.append(String.join(", ", parts)).append(nl);
        sb.append("  Data and logs: ").append(config.dataDir()).append(" (logs/<part>.log)").append(nl);
        return sb.toString();
    }
}
