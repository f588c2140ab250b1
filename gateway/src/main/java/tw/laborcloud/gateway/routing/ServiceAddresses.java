package tw.laborcloud.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Where each service's instances listen: {@code laborcloud.services.<service>} holds one base URL
 * or a comma-separated list of them (e.g. {@code http://127.0.0.1:8081,http://127.0.0.1:8091}).
 * The service's name is the host of its route's {@code lb://} URI. Checked at startup, so that a
 * mistyped address stops the gateway instead of turning into 503 answers later.
 */
@ConfigurationProperties("laborcloud")
record ServiceAddresses(Map<String, List<URI>> services) {

    ServiceAddresses {
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach((service, urls) -> {
            if (urls == null || urls.isEmpty()) {
                throw new IllegalArgumentException("laborcloud.services." + service + " names no instance");
            }
            for (URI url : urls) {
                boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
                boolean bare = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/");
                if (!http || url.getHost() == null || !bare || url.getRawQuery() != null) {
                    throw new IllegalArgumentException("laborcloud.services." + service + ": '" + url
                            + "' is not a base URL such as http://127.0.0.1:8081 (http or https, host, port, no path)");
                }
            }
        });
    }

    /** The service's instances, in the order given; none for a service that is not configured. */
    List<ServiceInstance> instancesOf(String service) {
        return services.getOrDefault(service, List.of()).stream().map(url -> instance(service, url)).toList();
    }

    private static ServiceInstance instance(String service, URI url) {
        boolean secure = "https".equals(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(service + "@" + url.getHost() + ":" + port, service, url.getHost(), port,
                secure);
    }
}
