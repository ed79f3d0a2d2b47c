package io.colmena.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, read from its validated access token.
 *
 * @param subject    {@code sub}: the Keycloak user id, or the client's service-account id
 * @param tenantId   {@code tenant_id}, absent for platform operators outside any tenant
 * @param roles      {@code roles}
 * @param customerId {@code customer_id}: the CRM customer a CLIENT user is, if any
 * @param clientId   {@code azp}: the OAuth2 client the token was issued to
 */
public record CurrentUser(String subject, Optional<UUID> tenantId, List<String> roles,
                          Optional<UUID> customerId, String clientId) {

    /** The authenticated caller, if the request carries a valid token. */
    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    /** Reads the claims Colmena uses from a validated token. */
    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        return new CurrentUser(jwt.getSubject(), uuidClaim(jwt, "tenant_id"), List.copyOf(roles),
                uuidClaim(jwt, "customer_id"), jwt.getClaimAsString("azp"));
    }

    /** Whether the caller has {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    private static Optional<UUID> uuidClaim(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
