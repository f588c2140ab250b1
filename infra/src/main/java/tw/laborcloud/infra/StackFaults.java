package tw.laborcloud.infra;

/**
 * The faults a test injects into a running {@link LocalStack} ({@link LocalStack#faults()}): a
 * service instance stopped, killed or started again; Keycloak, the Kafka broker or SMTP away and
 * back. Each start waits until the part is healthy again, with the routine the stack starts with.
 */
public final class StackFaults {
    private final LocalStack stack;
    private final ServiceInstances services;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final MailServer mail;

    StackFaults(LocalStack stack, ServiceInstances services, KafkaBroker kafka, KeycloakServer keycloak,
            MailServer mail) {
        this.stack = stack;
        this.services = services;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.mail = mail;
    }

    /**
     * Starts (or restarts) one service instance and waits until it is healthy.
     * {@code name} is a service (its first instance) or an instance such as {@code registration-service-2}.
     */
    public void startService(String name) {
        services.start(name);
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after {@link StackConfig#stopTimeout()}. */
    public void stopService(String name) {
        services.stop(name);
    }

    /** SIGKILL, no shutdown (a crash). */
    public void killService(String name) {
        services.kill(name);
    }

    public boolean isServiceRunning(String name) {
        return services.isRunning(name);
    }

    public void stopKeycloak() {
        stack.stopChild(keycloak);
    }

    /** Starts Keycloak again (same database) and waits until the realm answers. */
    public void startKeycloak() {
        stack.awaitChild(keycloak, stack.launchChild(keycloak));
    }

    public boolean isKeycloakRunning() {
        return keycloak.process().isAlive();
    }

    public void stopKafka() {
        stack.stopChild(kafka);
    }

    /** Starts the broker again (same log dirs) and waits until it answers. */
    public void startKafka() {
        stack.awaitChild(kafka, stack.launchChild(kafka));
    }

    public boolean isKafkaRunning() {
        return kafka.process().isAlive();
    }

    /** SMTP and IMAP go down (connections refused); the inbox page stays up and keeps the mails received so far. */
    public void stopMail() {
        mail.stopSmtp();
        Log.info("mail: SMTP/IMAP stopped");
    }

    public void startMail() {
        mail.startSmtp();
    }

    public boolean isMailRunning() {
        return mail.smtpRunning();
    }
}
