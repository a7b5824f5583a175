package io.exchangepulse.identity;

import io.exchangepulse.platform.StartupFailure;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The packaged service does not start without its two secrets, each its own: the browser sign-in's client
 * secret (shared with the provider) and the session secret (which seals the sessions and the sign-in's
 * state). One line names the variable to set; dev mode and the tests bring throwaway ones.
 */
@ApplicationScoped
public class IdentitySecrets {

    static final int MIN_LENGTH = 32;

    @ConfigProperty(name = "quarkus.oidc.web.credentials.secret")
    Optional<String> clientSecret;

    @Inject
    IdentityConfig identity;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        problem().ifPresent(StartupFailure::exit);
    }

    Optional<String> problem() {
        Optional<String> sessionSecret = identity.sessionSecret();
        if (clientSecret.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.of("EXCHANGEPULSE_OIDC_CLIENT_SECRET is not set: set it to the secret of the client "
                    + "EXCHANGEPULSE_OIDC_CLIENT_ID at the identity provider.");
        }
        if (sessionSecret.filter(s -> s.length() >= MIN_LENGTH).isEmpty()) {
            return Optional.of("EXCHANGEPULSE_SESSION_SECRET is " + (sessionSecret.isEmpty() ? "not set" : "shorter than "
                    + MIN_LENGTH + " characters") + ": set it to at least " + MIN_LENGTH + " random characters, the same on "
                    + "every replica (it seals the browser sessions).");
        }
        if (sessionSecret.equals(clientSecret)) {
            return Optional.of("EXCHANGEPULSE_SESSION_SECRET is the client secret: give the sessions a secret of their own.");
        }
        return Optional.empty();
    }
}
