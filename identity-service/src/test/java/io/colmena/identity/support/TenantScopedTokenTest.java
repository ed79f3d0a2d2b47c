package io.colmena.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantScopedTokenTest {

    @Test
    void aTokenNamesItsTenantAndParsesBack() {
        UUID tenant = UUID.randomUUID();
        TenantScopedToken token = TenantScopedToken.issue(tenant);

        assertThat(token.text()).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThat(TenantScopedToken.parse(token.text())).hasValueSatisfying(parsed -> {
            assertThat(parsed.tenantId()).isEqualTo(tenant);
            assertThat(parsed.hash()).isEqualTo(token.hash());
        });
    }

    @Test
    void twoTokensOfOneTenantDiffer() {
        UUID tenant = UUID.randomUUID();

        assertThat(TenantScopedToken.issue(tenant).text()).isNotEqualTo(TenantScopedToken.issue(tenant).text());
    }

    @Test
    void theHashIsSha256HexAndNeverTheToken() {
        TenantScopedToken token = TenantScopedToken.issue(UUID.randomUUID());

        assertThat(token.hash()).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(token.text());
        assertThat(token.toString()).doesNotContain(token.text());
    }

    @Test
    void foreignTextIsNotAToken() {
        assertThat(TenantScopedToken.parse(null)).isEmpty();
        assertThat(TenantScopedToken.parse("short")).isEmpty();
        assertThat(TenantScopedToken.parse("!".repeat(64))).isEmpty();
    }
}
