package tw.laborcloud.infra;

import java.time.Duration;

/**
 * A part of the stack that runs as a child process of its own (Kafka, Keycloak): how it starts (without waiting),
 * how the launcher knows it is up, how long that may take, and how it stops. The launcher starts, waits for and
 * restarts every such part with one routine.
 */
interface ChildPart {

    /** Its name in the log and in the start times, e.g. {@code kafka}. */
    String name();

    ChildProcess process();

    /** Starts the process; does not wait for it. */
    void start();

    /** True once it answers as its users need it to; {@code readiness} has the launcher's HTTP probe. */
    boolean healthy(Readiness readiness);

    /** What {@link #healthy(Readiness)} asks, for the message of a part that does not come up. */
    String probe();

    /** How long it may take to become healthy. */
    Duration startTimeout();

    /** SIGTERM, then SIGKILL after {@code grace}. */
    void stop(Duration grace);
}
