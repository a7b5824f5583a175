package io.exchangepulse.identity;

import java.net.URI;

/** Whether a browser's {@code Origin} is the service's own: the host the browser asked for. */
public final class Origins {

    private Origins() {
    }

    public static boolean sameOrigin(String origin, String host) {
        try {
            URI page = URI.create(origin);
            return host != null && page.getRawAuthority() != null && page.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
