package tw.laborcloud.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, for audit trails and access logs: the person's browser, not the
 * gateway. The gateway writes {@code X-Forwarded-For} from its connection (a browser's own header is
 * never passed on); the service believes that header only when the request comes from one of our
 * own proxies ({@code server.tomcat.remoteip.internal-proxies}, the gateways' addresses: loopback
 * locally, the gateway pods' range in production). Tomcat's remote-IP valve applies that rule and
 * puts the result in the request's remote address; a request that reaches the service some other
 * way is named by its connection.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
