package io.exchangepulse.platform;

import java.io.InputStream;

/**
 * The dashboard's pages (web/, packaged under META-INF/resources), for resources that serve one under an
 * address of its own: an address that is a page sends an anonymous browser to sign in, where a static file
 * would only answer 401.
 */
public final class StaticPages {

    private StaticPages() {
    }

    public static InputStream named(String file) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/" + file);
    }
}
