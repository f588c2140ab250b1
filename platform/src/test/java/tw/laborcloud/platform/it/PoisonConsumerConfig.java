package tw.laborcloud.platform.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.platform.inbound.Inbound;

/** A consumer that fails on a "poison" reason, to watch the platform's retry and dead-letter path. */
@TestConfiguration
class PoisonConsumerConfig {

    static final List<String> attempts = new CopyOnWriteArrayList<>();
    static final List<String> handled = new CopyOnWriteArrayList<>();

    @Bean
    Consumer<ApplicationRejected> rejections() {
        return Inbound.handler(e -> {
            attempts.add(e.eventId());
            if ("poison".equals(e.reason())) {
                throw new IllegalStateException("cannot handle " + e.eventId());
            }
            handled.add(e.eventId());
        });
    }
}
