package io.colmena.gateway.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway keeps tenants' plans and statuses ({@code colmena.gateway.tenants.*}).
 *
 * @param cacheTtl how old a tenant's standing may get before identity-service is asked again (in
 *     the background; the request is served with what is known): the safety net for events the
 *     gateway missed; default 5 min
 * @param staleMaxAge how long a standing that could not be confirmed (identity-service down) is
 *     still used after it was last learned; then the tenant's calls get 503 until identity-service
 *     answers; default 1 h
 * @param cacheMaxSize how many tenants are kept at most (least recently used go first); default
 *     100,000
 * @param lookupTimeout how long a call to identity-service's {@code GET /api/tenants/current} may
 *     take; default 2 s
 * @param eventsTopic identity-service's tenant topic; default {@code colmena.identity.tenant}
 */
@Validated
@ConfigurationProperties("colmena.gateway.tenants")
public record TenantDirectoryProperties(
        @NotNull Duration cacheTtl,
        @NotNull Duration staleMaxAge,
        @Positive long cacheMaxSize,
        @NotNull Duration lookupTimeout,
        @NotBlank String eventsTopic) {

    public TenantDirectoryProperties {
        if (cacheTtl != null && staleMaxAge != null && staleMaxAge.compareTo(cacheTtl) < 0) {
            throw new IllegalArgumentException("colmena.gateway.tenants.stale-max-age (" + staleMaxAge
                    + ") must not be shorter than cache-ttl (" + cacheTtl + ")");
        }
    }
}
