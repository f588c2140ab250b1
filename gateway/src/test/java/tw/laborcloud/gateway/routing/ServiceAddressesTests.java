package tw.laborcloud.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.client.ServiceInstance;

class ServiceAddressesTests {

    static ServiceAddresses bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("laborcloud", ServiceAddresses.class);
    }

    @Test
    void aServiceHasOneInstanceOrACommaSeparatedList() {
        ServiceAddresses addresses = bind(Map.of(
                "laborcloud.services.registration", "http://127.0.0.1:8081,http://127.0.0.1:8091",
                "laborcloud.services.union-affairs", "https://affairs.example"));

        assertThat(addresses.instancesOf("registration")).extracting(ServiceInstance::getUri)
                .extracting(Object::toString).containsExactly("http://127.0.0.1:8081", "http://127.0.0.1:8091");
        assertThat(addresses.instancesOf("registration")).extracting(ServiceInstance::getServiceId)
                .containsOnly("registration");
        assertThat(addresses.instancesOf("union-affairs")).singleElement()
                .satisfies(i -> assertThat(i.getUri().toString()).isEqualTo("https://affairs.example:443"));
        assertThat(addresses.instancesOf("review")).isEmpty();
    }

    @Test
    void anAddressThatIsNoBaseUrlStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("laborcloud.services.document", "http://127.0.0.1:8082/api")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("laborcloud.services.document");
        assertThatThrownBy(() -> bind(Map.of("laborcloud.services.document", "localhost:8082")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("not a base URL");
    }
}
