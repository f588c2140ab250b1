package tw.laborcloud.events;

import java.util.List;

import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.ContactEmailConfirmed;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;

/** One topic per business event, named for the event, keyed by application id. */
public final class Topics {

    public static final String REGISTRATION_SUBMITTED = "union.registration.submitted";
    public static final String DOCUMENTS_VERIFIED = "union.documents.verified";
    public static final String APPLICATION_APPROVED = "union.application.approved";
    public static final String APPLICATION_REJECTED = "union.application.rejected";
    public static final String ACCOUNT_ACTIVATED = "union.account.activated";
    public static final String CONTACT_EMAIL_CONFIRMED = "union.registration.email-confirmed";
    public static final String DOCUMENTS_REPLACED = "union.registration.documents-replaced";
    public static final String SUPPLEMENT_REQUESTED = "union.application.supplement-requested";
    public static final String FILING_SUBMITTED = "union.affairs.filing-submitted";
    public static final String FILING_DECIDED = "union.affairs.filing-decided";

    /** Every topic with the record it carries. */
    public static final List<EventTopic<?>> ALL = List.of(
            new EventTopic<>(REGISTRATION_SUBMITTED, RegistrationSubmitted.class),
            new EventTopic<>(DOCUMENTS_VERIFIED, DocumentsVerified.class),
            new EventTopic<>(APPLICATION_APPROVED, ApplicationApproved.class),
            new EventTopic<>(APPLICATION_REJECTED, ApplicationRejected.class),
            new EventTopic<>(ACCOUNT_ACTIVATED, AccountActivated.class),
            new EventTopic<>(CONTACT_EMAIL_CONFIRMED, ContactEmailConfirmed.class),
            new EventTopic<>(DOCUMENTS_REPLACED, DocumentsReplaced.class),
            new EventTopic<>(SUPPLEMENT_REQUESTED, SupplementRequested.class),
            new EventTopic<>(FILING_SUBMITTED, FilingSubmitted.class),
            new EventTopic<>(FILING_DECIDED, FilingDecided.class));

    private Topics() {
    }

    public static String topicOf(Class<? extends DomainEvent> type) {
        return ALL.stream()
                .filter(t -> t.type().equals(type))
                .map(EventTopic::name)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + type.getName()));
    }

    public record EventTopic<T>(String name, Class<T> type) {
    }
}
