package tw.laborcloud.gateway.routing;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances LoadBalancer picks from, in the child context it keeps per service: the fixed list
 * of {@code laborcloud.services.<service>}, narrowed to the instances whose
 * {@code /actuator/health/readiness} answered 200 at the last check
 * ({@code spring.cloud.loadbalancer.health-check.*}: every 5 s; an instance that is not ready or
 * that does not answer gets no traffic until it is ready again).
 * <p>
 * A supplier per service rather than the simple discovery client: the launcher names the
 * instances in one property per service, and the discovery client would need them again as
 * {@code spring.cloud.discovery.client.simple.instances.<service>[n].uri}; its ready-made
 * {@code health-check} configuration also needs a {@code WebClient.Builder} bean that Boot 4 only
 * has with its separate WebClient module. No discovery server: nothing to start first.
 * <p>
 * Not a {@code @Configuration}: component scanning must not put it into the main context.
 */
class HealthCheckedInstances {

    private static final Log log = LogFactory.getLog(HealthCheckedInstances.class);

    @Bean
    ServiceInstanceListSupplier serviceInstances(ConfigurableApplicationContext context,
            ServiceAddresses addresses) {
        String service = context.getEnvironment().getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        List<ServiceInstance> instances = addresses.instancesOf(service);
        if (instances.isEmpty()) {
            log.warn("lb://" + service + " has no laborcloud.services." + service + ": its requests get 503");
        }
        return ServiceInstanceListSupplier.builder()
                .withBase(ServiceInstanceListSuppliers.from(service, instances.toArray(ServiceInstance[]::new)))
                .withHealthChecks(WebClient.create())
                .build(context);
    }
}
