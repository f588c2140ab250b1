package tw.laborcloud.registration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every registration and supplement scenario stands on: the whole service (its store and broker are
 * set by the concrete classes), Keycloak's recording stand-in, every captcha answered by TEST, and the
 * applicant's steps of {@link Applicants} in short.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@Import(RegistrationScenarioSupport.Accounts.class)
@ActiveProfiles("captcha-fixed")
abstract class RegistrationScenarioSupport {

    @TestConfiguration
    static class Accounts {
        @Bean
        @Primary
        RecordingUnionAccounts recordingUnionAccounts() {
            return new RecordingUnionAccounts();
        }
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    static String newCertificateNo() {
        return Applicants.newCertificateNo();
    }

    String captchaId() throws Exception {
        return Applicants.captchaId(mvc);
    }

    String body(String account, String email) throws Exception {
        return Applicants.form(mvc, account, email);
    }

    String submit(String certificateNo) throws Exception {
        return Applicants.register(mvc, certificateNo);
    }
}
