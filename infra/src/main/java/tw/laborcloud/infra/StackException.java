package tw.laborcloud.infra;

/** A part of the local stack could not be started, or was not healthy in time. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Another launcher holds {@code <dataDir>/run.lock}. */
    public static final class AlreadyRunning extends StackException {
        private final String pid;

        public AlreadyRunning(String pid) {
            super("another ./run is already running (pid " + pid + ")");
            this.pid = pid;
        }

        public String pid() {
            return pid;
        }
    }

    /** A port that a part needs is taken by some other process. */
    public static final class PortInUse extends StackException {
        private final int port;
        private final String part;

        public PortInUse(int port, String part) {
            super("port " + port + " is already in use; " + part + " needs it");
            this.port = port;
            this.part = part;
        }

        public int port() {
            return port;
        }

        public String part() {
            return part;
        }
    }
}
