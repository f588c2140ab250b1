package tw.laborcloud.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code lb://<service>} routes: Spring Cloud LoadBalancer (round robin) over each service's
 * health-checked instances, see {@link HealthCheckedInstances}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceAddresses.class)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class LoadBalancingConfig {
}
