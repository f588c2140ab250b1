package tw.laborcloud.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;

class ReadRetryGatewayFilterFactoryTests {

    final ReadRetryGatewayFilterFactory factory = new ReadRetryGatewayFilterFactory();

    @Test
    void retriesReadsOnly() {
        assertThat(factory.apply(new RetryConfig().setMethods(HttpMethod.GET, HttpMethod.HEAD))).isNotNull();
        for (HttpMethod write : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            assertThatThrownBy(() -> factory.apply(new RetryConfig().setMethods(HttpMethod.GET, write)))
                    .as(write.name()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET and HEAD only");
        }
    }
}
