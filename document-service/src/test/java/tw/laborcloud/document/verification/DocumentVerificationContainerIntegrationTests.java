package tw.laborcloud.document.verification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The same scenarios against real MongoDB 8 (replica set) and Apache Kafka images, where Docker runs. */
@SpringBootTest
@DirtiesContext
@Testcontainers(disabledWithoutDocker = true)
class DocumentVerificationContainerIntegrationTests extends DocumentVerificationScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
