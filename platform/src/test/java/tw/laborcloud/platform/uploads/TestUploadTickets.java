package tw.laborcloud.platform.uploads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

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
        return ticket(uploadId, kind, (String) null);
    }

    /** The ticket of an upload made by {@code owner} (a union id; null for none), valid for a year. */
    public static String ticket(String uploadId, String kind, String owner) {
        return ticket(uploadId, kind, owner, Instant.now().plus(Duration.ofDays(365)));
    }

    public static String ticket(String uploadId, String kind, String owner, Instant expiresAt) {
        return TICKETS.issue(uploadId, kind, expiresAt, owner, file(uploadId + ".pdf"));
    }

    /** The ticket of an upload made without a union's token, valid for a year, describing {@code file}. */
    public static String ticket(String uploadId, String kind, UploadTickets.UploadedFile file) {
        return TICKETS.issue(uploadId, kind, Instant.now().plus(Duration.ofDays(365)), null, file);
    }

    /** A ticket of version 1 (no file facts), as document-service issued before version 2, valid for a year. */
    public static String ticketOfVersion1(String uploadId, String kind) {
        return TICKETS.sign(UploadTickets.VERSION_1, uploadId, kind,
                Long.toString(Instant.now().plus(Duration.ofDays(365)).toEpochMilli()), "");
    }

    /** A file of 1,234 bytes named {@code name}, whose SHA-256 is that of the name (any 64 hex digits do). */
    public static UploadTickets.UploadedFile file(String name) {
        try {
            return new UploadTickets.UploadedFile(1234, HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8))), name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
