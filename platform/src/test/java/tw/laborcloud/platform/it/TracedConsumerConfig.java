package tw.laborcloud.platform.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.platform.inbound.Inbound;

/** A consumer that remembers the trace id in its logging context per event, and fails on a "poison" decider. */
@TestConfiguration
class TracedConsumerConfig {

    static final Map<String, String> traceIdByEvent = new ConcurrentHashMap<>();

    @Bean
    Consumer<ApplicationApproved> approvals() {
        return Inbound.handler(e -> {
            traceIdByEvent.put(e.eventId(), String.valueOf(MDC.get("traceId")));
            if ("poison".equals(e.decidedBy())) {
                throw new IllegalStateException("cannot handle " + e.eventId());
            }
        });
    }
}
