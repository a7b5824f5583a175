package io.exchangepulse.identity;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** How long browser sessions live, and the secret that protects them (src/docs/security.md, "Sessions"). */
@ConfigMapping(prefix = "exchangepulse.identity")
public interface IdentityConfig {

    /** The longest a person's session lives after they authenticated at the provider, however busy. */
    Duration sessionMaxAge();

    /** The same for an administrator: shorter, since an administrator's session sees the audit trail. */
    Duration adminSessionMaxAge();

    /** Encrypts the tokens kept server-side and the sign-in's state cookie; the same on every replica. */
    Optional<String> sessionSecret();

    /** Where browsers reach the provider, if not where the service does. */
    Optional<String> publicProviderUrl();
}
