package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtValidationIT extends StarterIntegrationTest {

    final UUID tenant = UUID.randomUUID();

    @Test
    void aValidAccessTokenIsAccepted() {
        assertThat(status(ISSUER.accessToken(tenant, "AGENT"))).isEqualTo(404);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThat(status(ISSUER.unsignedToken(tenant))).isEqualTo(401);
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRefused() {
        assertThat(status(ISSUER.hs256WithPublicKey(tenant))).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = ISSUER.token(tenant, claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(Instant.now().minusSeconds(300))), "test-key");
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        String token = ISSUER.token(tenant, claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600))),
                "test-key");
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertThat(status(ISSUER.token(tenant, claims -> claims.issuer("http://evil.test/realms/colmena"), "test-key")))
                .isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(status(ISSUER.token(tenant, claims -> claims.audience(List.of("account")), "test-key")))
                .isEqualTo(401);
    }

    @Test
    void aTokenWithAnUnknownKeyIdIsRefused() {
        assertThat(status(ISSUER.token(tenant, claims -> {}, "unknown-kid"))).isEqualTo(401);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = ISSUER.accessToken(tenant, "AGENT").split("\\.");
        String otherPayload = ISSUER.accessToken(UUID.randomUUID(), "OWNER").split("\\.")[1];
        assertThat(status(parts[0] + "." + otherPayload + "." + parts[2])).isEqualTo(401);
    }

    @Test
    void anIdTokenInPlaceOfAnAccessTokenIsRefused() {
        assertThat(status(ISSUER.token(tenant, claims -> claims.claim("typ", "ID"), "test-key"))).isEqualTo(401);
    }

    private int status(String token) {
        return call("GET", "/api/no-such-thing", token, null, Map.of()).statusCode();
    }
}
