package tw.laborcloud.notification.recipient;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where to write about an application: learnt from RegistrationSubmitted, keyed by application id. */
@Document(Recipient.COLLECTION)
public record Recipient(@Id String applicationId, String contactEmail, String unionName, String certificateNo) {

    public static final String COLLECTION = "recipients";
}
