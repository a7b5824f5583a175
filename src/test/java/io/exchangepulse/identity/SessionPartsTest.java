package io.exchangepulse.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parts of sessions and sign-ins that hold a rule of their own. */
class SessionPartsTest {

    static final byte[] ROW = SessionRepository.hashOf("a-cookie-name");
    static final byte[] TOKENS = "{\"id\":\"x\",\"access\":\"y\",\"refresh\":\"z\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedTokensOpenOnlyForTheirRowUnderTheirSecretAndUnaltered() throws GeneralSecurityException {
        SessionCipher cipher = new SessionCipher("a-session-secret-of-at-least-32-characters");
        byte[] sealed = cipher.seal(TOKENS, ROW);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("refresh");
        assertThat(cipher.open(sealed, ROW)).isEqualTo(TOKENS);
        assertThat(cipher.seal(TOKENS, ROW)).as("a fresh nonce each time").isNotEqualTo(sealed);

        assertThatThrownBy(() -> cipher.open(sealed, SessionRepository.hashOf("another-cookie"))).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> new SessionCipher("another-secret-of-at-least-32-characters!").open(sealed, ROW))
                .isInstanceOf(GeneralSecurityException.class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(altered, ROW)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void theKioskIsForTheWallRoleAndNoOther() {
        assertThat(SessionLimits.onlyTheWall(identity("wall"))).isTrue();
        assertThat(SessionLimits.onlyTheWall(identity("wall", "admin"))).as("an administrator who is also a wall").isFalse();
        assertThat(SessionLimits.onlyTheWall(identity("analyst"))).isFalse();
        assertThat(SessionLimits.onlyTheWall(identity())).isFalse();
    }

    static SecurityIdentity identity(String... roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).addRoles(Set.of(roles)).build();
    }

    @Test
    void theKioskSendsOnOnlyToAPathOfThisService() {
        assertThat(KioskResource.isOwnPath("/playlist?slides=wall,DRUGS&dwell=30")).isTrue();
        assertThat(KioskResource.isOwnPath("/")).isTrue();
        for (String elsewhere : new String[] {null, "", "https://evil.example/", "//evil.example", "/\\evil.example",
                "evil.example", "/\r\nSet-Cookie: x=y", "/" + "a".repeat(3000)}) {
            assertThat(KioskResource.isOwnPath(elsewhere)).as("%s", elsewhere).isFalse();
        }
    }

    @Test
    void aContentTypeIsJudgedByItsMediaTypeAlone() {
        assertThat(UnsafeRequestGuard.mediaType("application/json; charset=UTF-8")).isEqualTo("application/json");
        assertThat(UnsafeRequestGuard.mediaType("Application/X-NDJSON")).isEqualTo("application/x-ndjson");
        assertThat(UnsafeRequestGuard.mediaType("  ")).isNull();
        assertThat(UnsafeRequestGuard.mediaType(null)).isNull();
    }
}
