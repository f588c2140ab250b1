package tw.laborcloud.platform.uploads;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link UploadTickets} for the services that issue or check upload tickets, i.e. those that
 * set {@value UploadTickets#SECRET_PROPERTY} (document-service, registration-service,
 * union-affairs-service); the others have no use for the secret and get no bean.
 */
@AutoConfiguration
@ConditionalOnProperty(UploadTickets.SECRET_PROPERTY)
public class UploadTicketsAutoConfiguration {

    @Bean
    UploadTickets uploadTickets(@Value("${" + UploadTickets.SECRET_PROPERTY + "}") String secret) {
        return new UploadTickets(secret);
    }
}
