package tw.laborcloud.document.verification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The verification scenarios on this machine: an in-JVM Kafka broker and the MongoDB-wire server. */
@SpringBootTest
@DirtiesContext
class DocumentVerificationIntegrationTests extends DocumentVerificationScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
