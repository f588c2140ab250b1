package tw.laborcloud.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, for audit trails. Behind the gateway the services see the
 * gateway's address; the gateway appends the browser's address to X-Forwarded-For. Only that
 * last entry was written by our own proxy: earlier ones are whatever the client claimed.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}
