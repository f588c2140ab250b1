package tw.laborcloud.unionaffairs.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.events.registration.UnionDetails.Counts;

/**
 * A union as this service knows it, keyed by the union id its login token carries (its
 * certificate number). Created by AccountActivated with the registration form's data
 * ({@code details}; absent from version-1 events, then those fields stay null); changed
 * afterwards only by accepted filings, each change listed in {@code changes}.
 */
@Document(UnionProfile.COLLECTION)
public record UnionProfile(
        @Id String unionId,
        String certificateNo,
        String unionName,
        String contactEmail,
        Instant activatedAt,
        String applicationId,
        Status status,
        String unionType,
        String representative,
        Address address,
        Address mailingAddress,
        LocalDate foundedOn,
        Counts members,
        Counts memberRepresentatives,
        Counts directors,
        Counts supervisors,
        Integer memberUnions,
        String contactName,
        String contactPhone,
        String fax,
        String backupEmail,
        LocalDate dissolvedOn,
        List<ProfileChange> changes) {

    public static final String COLLECTION = "unions";

    public UnionProfile {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public boolean isActive() {
        return status != Status.DISSOLVED;
    }

    public enum Status {
        ACTIVE("運作中"),
        DISSOLVED("已解散");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What an accepted filing changed, e.g. "會址變更為 220 新北市板橋區…". */
    public record ProfileChange(Instant at, String filingId, String filingType, String description) {
    }
}
