package tw.laborcloud.ops;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.platform.inbound.Inbound;

/**
 * Two stand-in services in the test context, consuming like the real ones (Spring Cloud Stream,
 * platform defaults: three attempts, then the dead-letter topic): one fails on the applications
 * listed in {@link #poisoned} until they are removed ("the cause is fixed"), the other is
 * stopped and started to build up lag.
 */
@TestConfiguration
class ProbeConsumers {

    static final String REGISTRATIONS_GROUP = "probe-registrations";
    static final String VERIFICATIONS_GROUP = "probe-verifications";
    static final String VERIFICATIONS_BINDING = "verifications-in-0";
    /** Bound (so its dead-letter topic exists) but never started: a service that is down from the start. */
    static final String APPROVALS_GROUP = "probe-approvals";

    static final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    static final List<String> registrationsHandled = new CopyOnWriteArrayList<>();
    static final List<String> verificationsHandled = new CopyOnWriteArrayList<>();

    static final String[] PROPERTIES = {
            "spring.cloud.function.definition=registrations;verifications;approvals",
            "spring.cloud.stream.bindings.registrations-in-0.destination=union.registration.submitted",
            "spring.cloud.stream.bindings.registrations-in-0.group=" + REGISTRATIONS_GROUP,
            "spring.cloud.stream.bindings.verifications-in-0.destination=union.documents.verified",
            "spring.cloud.stream.bindings.verifications-in-0.group=" + VERIFICATIONS_GROUP,
            "spring.cloud.stream.bindings.approvals-in-0.destination=union.application.approved",
            "spring.cloud.stream.bindings.approvals-in-0.group=" + APPROVALS_GROUP,
            "spring.cloud.stream.bindings.approvals-in-0.consumer.auto-startup=false" };

    @Bean
    Consumer<RegistrationSubmitted> registrations() {
        return Inbound.handler(e -> {
            if (poisoned.contains(e.applicationId())) {
                // the message carries personal data, as real ones do: the console must mask it
                throw new IllegalStateException("cannot handle " + e.eventId() + " for " + e.contactEmail());
            }
            registrationsHandled.add(e.eventId());
        });
    }

    @Bean
    Consumer<ApplicationApproved> approvals() {
        return Inbound.handler(e -> {
            throw new IllegalStateException("never started, never called");
        });
    }

    @Bean
    Consumer<DocumentsVerified> verifications() {
        return Inbound.handler(e -> verificationsHandled.add(e.eventId()));
    }
}
