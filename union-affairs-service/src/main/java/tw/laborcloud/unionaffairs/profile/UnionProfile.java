package tw.laborcloud.unionaffairs.profile;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A union as this service knows it, keyed by the union id its login token carries.
 * Created by AccountActivated; later filings (change of address, of representative)
 * will update it.
 */
@Document(UnionProfile.COLLECTION)
public record UnionProfile(
        @Id String unionId,
        String certificateNo,
        String unionName,
        String contactEmail,
        Instant activatedAt,
        String applicationId,
        Status status) {

    public static final String COLLECTION = "unions";

    public enum Status {
        ACTIVE
    }
}
