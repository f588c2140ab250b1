package tw.laborcloud.unionaffairs.profile;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.platform.inbound.AppliedEvents;
import tw.laborcloud.platform.inbound.Inbound.MalformedEventException;

/** The {@code unions} collection. */
@Component
public class UnionProfiles {

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    public UnionProfiles(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    /**
     * Creates (or completes) the profile of an activated union, once per event id.
     * {@code activatedAt} only ever moves to an earlier time, so a republished activation
     * (new event id) does not change when the union was activated.
     */
    public boolean activate(AccountActivated event) {
        if (event.unionId() == null || event.unionId().isBlank()) {
            throw new MalformedEventException("AccountActivated without unionId: " + event.eventId());
        }
        Instant activatedAt = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        Update update = new Update()
                .set("certificateNo", event.certificateNo())
                .set("unionName", event.unionName())
                .set("contactEmail", event.contactEmail())
                .set("applicationId", event.applicationId())
                .set("status", UnionProfile.Status.ACTIVE)
                .min("activatedAt", activatedAt);
        return appliedEvents.applyOnce(UnionProfile.COLLECTION, event.unionId(), event.eventId(), update);
    }

    public Optional<UnionProfile> find(String unionId) {
        return Optional.ofNullable(mongo.findById(unionId, UnionProfile.class));
    }
}
