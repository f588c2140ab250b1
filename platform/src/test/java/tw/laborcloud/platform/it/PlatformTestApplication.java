package tw.laborcloud.platform.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses the platform, for the platform's own integration tests. */
@SpringBootApplication
public class PlatformTestApplication {
}
