package tw.laborcloud.platform.config;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.platform.inbound.AppliedEvents;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.security.KeycloakRealmRoles;
import tw.laborcloud.platform.web.CorrelationIdFilter;
import tw.laborcloud.platform.web.ProblemDetailsAdvice;
import tw.laborcloud.platform.web.RequestLimits;

/** Wires the shared mechanics into every service that has platform on its classpath. */
@AutoConfiguration
@EnableScheduling
public class PlatformAutoConfiguration {

    @Bean
    Outbox outbox(JsonMapper json) {
        return new Outbox(json);
    }

    /**
     * The collections whose documents carry {@code pendingEvents} are listed in
     * {@code laborcloud.outbox.collections}. {@code laborcloud.outbox.relay-enabled=false}
     * stops all publishing (used to show that a crash between write and publish loses nothing).
     */
    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge bridge, MeterRegistry meters,
            @Value("${laborcloud.outbox.collections:}") List<String> collections,
            @Value("${laborcloud.outbox.relay-enabled:true}") boolean enabled,
            @Value("${laborcloud.outbox.sweep-interval:PT2S}") Duration sweepInterval) {
        return new OutboxRelay(mongo, bridge, collections, enabled, sweepInterval, meters);
    }

    @Bean
    AppliedEvents appliedEvents(MongoTemplate mongo) {
        return new AppliedEvents(mongo);
    }

    /** Event handlers count into this context's registry, tagged with the service (= its consumer group). */
    @Bean
    Inbound.Counters inboundCounters(MeterRegistry meters,
            @Value("${spring.application.name:unknown}") String service) {
        return Inbound.Counters.bind(meters, service);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the correlation id, before anything reads a body. */
    @Bean
    FilterRegistrationBean<RequestLimits> requestLimits(
            @Value("${laborcloud.limits.json-body:256KB}") org.springframework.util.unit.DataSize jsonLimit) {
        FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
                new RequestLimits(jsonLimit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }
}
