package tw.laborcloud.unionaffairs.inbound;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.unionaffairs.filing.FilingDecisions;
import tw.laborcloud.unionaffairs.profile.UnionProfiles;

/** The Spring Cloud Stream bindings (see spring.cloud.function.definition in application.yml). */
@Configuration(proxyBeanMethods = false)
class EventHandlers {

    @Bean
    Consumer<AccountActivated> accountActivated(UnionProfiles profiles) {
        return Inbound.handler(profiles::activate);
    }

    @Bean
    Consumer<FilingDecided> filingDecided(FilingDecisions decisions) {
        return Inbound.handler(decisions::apply);
    }
}
