package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What {@code ./run --replicas N} starts, and where. */
class StackConfigTests {

    @Test
    void oneReplicaIsEachServiceOnItsOwnPort() {
        StackConfig config = StackConfig.builder().build();
        assertThat(config.instances("document-service")).containsExactly("document-service");
        assertThat(config.allInstances()).containsExactlyElementsOf(LocalStack.SERVICES);
        assertThat(config.instancePort("document-service")).isEqualTo(8082);
    }

    @Test
    void twoReplicasAreTwoInstancesOfEveryServiceTheSecondTenPortsUp() {
        StackConfig config = StackConfig.builder().replicas(2).build();
        assertThat(config.instances("union-affairs-service"))
                .containsExactly("union-affairs-service", "union-affairs-service-2");
        assertThat(config.instancePort("union-affairs-service-2")).isEqualTo(8095);
        assertThat(config.instancePort("gateway-2")).isEqualTo(8090);
        assertThat(config.allInstances()).hasSize(2 * LocalStack.SERVICES.size())
                .endsWith("gateway", "gateway-2");
        assertThat(StackConfig.serviceOf("ops-console-2")).isEqualTo("ops-console");
        assertThat(StackConfig.serviceOf("ops-console")).isEqualTo("ops-console");
    }

    @Test
    void moreInstancesThanTopicPartitionsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> StackConfig.builder().replicas(4).build())
                .hasMessageContaining("3 partitions");
        assertThatThrownBy(() -> StackConfig.serviceOf("mail-service-2")).hasMessageContaining("unknown service");
    }
}
