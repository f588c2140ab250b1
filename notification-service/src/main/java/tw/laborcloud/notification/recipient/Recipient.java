package tw.laborcloud.notification.recipient;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where to write about an application: learnt from RegistrationSubmitted, keyed by application id. */
@Document(Recipient.COLLECTION)
public record Recipient(@Id String applicationId, String contactEmail, String unionName, String certificateNo) {

    public static final String COLLECTION = "recipients";

    /** The key under which a union's address is kept for notices about the union (its filings), not an application. */
    public static String unionKey(String unionId) {
        return "union:" + unionId;
    }
}
