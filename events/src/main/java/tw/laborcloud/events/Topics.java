package tw.laborcloud.events;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.ContactEmailConfirmed;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;

/**
 * One topic per business event, named for the event, keyed by application id; with the one service that
 * writes each topic and the consumer groups that read it. This table is the single source of the Kafka
 * principals and ACLs (the local stack grants exactly what it says; each service's tests check that its
 * bindings and the events it creates match it; docs/architecture.md "Kafka principals and ACLs" shows it).
 *
 * <p>A service is one Kafka principal (a SCRAM user named like the service) and, where it consumes, one
 * consumer group of the same name: its {@code spring.application.name}.
 */
public final class Topics {

    public static final String REGISTRATION_SERVICE = "registration-service";
    public static final String DOCUMENT_SERVICE = "document-service";
    public static final String REVIEW_SERVICE = "review-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String UNION_AFFAIRS_SERVICE = "union-affairs-service";
    /**
     * Reads every topic and every dead-letter topic (timeline, lag, dead letters) with its own group, and
     * replays a dead letter by writing it back to its original topic: it may write every business topic.
     */
    public static final String OPS_CONSOLE = "ops-console";

    /** Dead-letter topics are {@code error.<topic>.<group>}; the consuming service writes them. */
    public static final String DEAD_LETTER_PREFIX = "error.";

    public static final String REGISTRATION_SUBMITTED = "union.registration.submitted";
    public static final String DOCUMENTS_VERIFIED = "union.documents.verified";
    public static final String APPLICATION_APPROVED = "union.application.approved";
    public static final String APPLICATION_REJECTED = "union.application.rejected";
    public static final String ACCOUNT_ACTIVATED = "union.account.activated";
    public static final String CONTACT_EMAIL_CONFIRMED = "union.registration.email-confirmed";
    /** Carries the secret of the confirmation link: the notification service is its only business reader. */
    public static final String EMAIL_CONFIRMATION_REQUESTED = "union.registration.email-confirmation-requested";
    public static final String DOCUMENTS_REPLACED = "union.registration.documents-replaced";
    public static final String SUPPLEMENT_REQUESTED = "union.application.supplement-requested";
    public static final String FILING_SUBMITTED = "union.affairs.filing-submitted";
    public static final String FILING_DECIDED = "union.affairs.filing-decided";

    /** Every topic with the record it carries, the service that writes it and the groups that read it. */
    public static final List<EventTopic<?>> ALL = List.of(
            new EventTopic<>(REGISTRATION_SUBMITTED, "註冊申請送出", RegistrationSubmitted.class, REGISTRATION_SERVICE,
                    Set.of(DOCUMENT_SERVICE, REVIEW_SERVICE, NOTIFICATION_SERVICE)),
            new EventTopic<>(DOCUMENTS_VERIFIED, "文件檢核完成", DocumentsVerified.class, DOCUMENT_SERVICE,
                    Set.of(REGISTRATION_SERVICE, REVIEW_SERVICE)),
            new EventTopic<>(APPLICATION_APPROVED, "申請核准", ApplicationApproved.class, REVIEW_SERVICE,
                    Set.of(REGISTRATION_SERVICE)),
            new EventTopic<>(APPLICATION_REJECTED, "申請駁回", ApplicationRejected.class, REVIEW_SERVICE,
                    Set.of(REGISTRATION_SERVICE, NOTIFICATION_SERVICE)),
            new EventTopic<>(ACCOUNT_ACTIVATED, "帳號開通", AccountActivated.class, REGISTRATION_SERVICE,
                    Set.of(DOCUMENT_SERVICE, NOTIFICATION_SERVICE, UNION_AFFAIRS_SERVICE)),
            new EventTopic<>(CONTACT_EMAIL_CONFIRMED, "聯絡信箱確認", ContactEmailConfirmed.class, REGISTRATION_SERVICE,
                    Set.of(REVIEW_SERVICE)),
            new EventTopic<>(EMAIL_CONFIRMATION_REQUESTED, "寄送信箱認證信", EmailConfirmationRequested.class, REGISTRATION_SERVICE,
                    Set.of(NOTIFICATION_SERVICE)),
            new EventTopic<>(DOCUMENTS_REPLACED, "補正文件送出", DocumentsReplaced.class, REGISTRATION_SERVICE,
                    Set.of(DOCUMENT_SERVICE, REVIEW_SERVICE)),
            new EventTopic<>(SUPPLEMENT_REQUESTED, "通知補件", SupplementRequested.class, REVIEW_SERVICE,
                    Set.of(REGISTRATION_SERVICE, NOTIFICATION_SERVICE)),
            new EventTopic<>(FILING_SUBMITTED, "會務申請或備查送出", FilingSubmitted.class, UNION_AFFAIRS_SERVICE,
                    Set.of(DOCUMENT_SERVICE, REVIEW_SERVICE)),
            new EventTopic<>(FILING_DECIDED, "會務申請或備查核定", FilingDecided.class, REVIEW_SERVICE,
                    Set.of(REGISTRATION_SERVICE, NOTIFICATION_SERVICE, UNION_AFFAIRS_SERVICE)));

    private Topics() {
    }

    public static String topicOf(Class<? extends DomainEvent> type) {
        return ALL.stream()
                .filter(t -> t.type().equals(type))
                .map(EventTopic::name)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + type.getName()));
    }

    /**
     * The zh-TW name of an event type ({@code RegistrationSubmitted}: 註冊申請送出), as the pages show it; the
     * type itself for one the table does not carry.
     */
    public static String labelOf(String eventType) {
        return ALL.stream().filter(t -> t.type().getSimpleName().equals(eventType)).map(EventTopic::label)
                .findFirst().orElse(eventType);
    }

    /** {@code error.<topic>.<group>}: where the group's binding parks a record it failed to handle. */
    public static String deadLetterTopic(String topic, String group) {
        return DEAD_LETTER_PREFIX + topic + "." + group;
    }

    /** The business topics this service writes (publishes its events to). */
    public static SortedSet<String> writtenBy(String service) {
        return sorted(ALL.stream().filter(t -> t.owner().equals(service)).map(EventTopic::name));
    }

    /** The business topics this consumer group reads. */
    public static SortedSet<String> readBy(String group) {
        return sorted(ALL.stream().filter(t -> t.consumers().contains(group)).map(EventTopic::name));
    }

    /** The dead-letter topics of this group (one per topic it reads); the group's service writes them. */
    public static SortedSet<String> deadLetterTopicsOf(String group) {
        return sorted(readBy(group).stream().map(topic -> deadLetterTopic(topic, group)));
    }

    /** Every dead-letter topic the table implies. */
    public static SortedSet<String> deadLetterTopics() {
        return sorted(ALL.stream().flatMap(EventTopic::deadLetterTopics));
    }

    /** Every business topic. */
    public static SortedSet<String> names() {
        return sorted(ALL.stream().map(EventTopic::name));
    }

    /** Every service that writes or reads a topic (the Kafka principals besides the operators' console). */
    public static SortedSet<String> services() {
        return sorted(ALL.stream().flatMap(t -> Stream.concat(Stream.of(t.owner()), t.consumers().stream())));
    }

    private static SortedSet<String> sorted(Stream<String> names) {
        return Collections.unmodifiableSortedSet(names.collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * @param label     what the event is called in the operators' and officers' pages (zh-TW)
     * @param owner     the one service that writes the topic (its outbox relay); ops-console also writes it, but
     *                  only to replay a dead letter
     * @param consumers the consumer groups (= services) that read it
     */
    public record EventTopic<T>(String name, String label, Class<T> type, String owner, Set<String> consumers) {

        public EventTopic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(owner, "owner");
            consumers = Collections.unmodifiableSortedSet(new TreeSet<>(consumers));
        }

        /** {@code error.<topic>.<group>} for each consumer group. */
        public Stream<String> deadLetterTopics() {
            return consumers.stream().map(group -> deadLetterTopic(name, group));
        }
    }
}
