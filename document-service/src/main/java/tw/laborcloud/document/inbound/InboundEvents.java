package tw.laborcloud.document.inbound;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tw.laborcloud.document.access.Owners;
import tw.laborcloud.document.filing.FilingAttachments;
import tw.laborcloud.document.verification.RegistrationVerification;
import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.platform.inbound.Inbound;

/** The events this service reacts to (bindings in application.yml). */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    @Bean
    Consumer<RegistrationSubmitted> registrationSubmitted(RegistrationVerification verification) {
        return Inbound.handler(verification::verify);
    }

    @Bean
    Consumer<DocumentsReplaced> documentsReplaced(RegistrationVerification verification) {
        return Inbound.handler(verification::verify);
    }

    @Bean
    Consumer<AccountActivated> accountActivated(Owners owners) {
        return Inbound.handler(owners::activated);
    }

    @Bean
    Consumer<FilingSubmitted> filingSubmitted(FilingAttachments attachments) {
        return Inbound.handler(attachments::keep);
    }
}
