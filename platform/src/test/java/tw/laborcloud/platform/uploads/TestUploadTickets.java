package tw.laborcloud.platform.uploads;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Tickets as document-service issues them, signed with the secret the service under test
 * reads from its own application.yml, for tests that send references to uploads without
 * uploading anything.
 */
public final class TestUploadTickets {

    private static final UploadTickets TICKETS = fromApplicationYml();

    private TestUploadTickets() {
    }

    /** The ticket of an upload made without a union's token, valid for a year. */
    public static String ticket(String uploadId, String kind) {
        return ticket(uploadId, kind, null);
    }

    /** The ticket of an upload made by {@code owner} (a union id; null for none), valid for a year. */
    public static String ticket(String uploadId, String kind, String owner) {
        return TICKETS.issue(uploadId, kind, Instant.now().plus(Duration.ofDays(365)), owner);
    }

    public static String ticket(String uploadId, String kind, String owner, Instant expiresAt) {
        return TICKETS.issue(uploadId, kind, expiresAt, owner);
    }

    private static UploadTickets fromApplicationYml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String secret = yaml.getObject().getProperty(UploadTickets.SECRET_PROPERTY);
        if (secret == null) {
            throw new IllegalStateException("no " + UploadTickets.SECRET_PROPERTY + " in application.yml");
        }
        // ${ENVIRONMENT_VARIABLE:default} resolved as the service resolves it
        return new UploadTickets(new StandardEnvironment().resolveRequiredPlaceholders(secret));
    }
}
