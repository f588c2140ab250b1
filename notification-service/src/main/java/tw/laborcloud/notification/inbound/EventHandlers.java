package tw.laborcloud.notification.inbound;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.platform.inbound.Inbound;

/** The Spring Cloud Stream bindings (see spring.cloud.function.definition in application.yml). */
@Configuration(proxyBeanMethods = false)
class EventHandlers {

    @Bean
    Consumer<RegistrationSubmitted> registrationSubmitted(Notices notices) {
        return Inbound.handler(notices::registrationSubmitted);
    }

    @Bean
    Consumer<EmailConfirmationRequested> emailConfirmationRequested(Notices notices) {
        return Inbound.handler(notices::emailConfirmationRequested);
    }

    @Bean
    Consumer<ApplicationRejected> applicationRejected(Notices notices) {
        return Inbound.handler(notices::applicationRejected);
    }

    @Bean
    Consumer<SupplementRequested> supplementRequested(Notices notices) {
        return Inbound.handler(notices::supplementRequested);
    }

    @Bean
    Consumer<FilingDecided> filingDecided(Notices notices) {
        return Inbound.handler(notices::filingDecided);
    }

    @Bean
    Consumer<AccountActivated> accountActivated(Notices notices) {
        return Inbound.handler(notices::accountActivated);
    }
}
