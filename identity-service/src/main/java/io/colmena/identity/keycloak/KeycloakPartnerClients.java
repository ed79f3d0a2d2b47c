package io.colmena.identity.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Partner clients in Keycloak: confidential OpenID Connect clients that may only use the
 * client-credentials grant (RFC 6749 §4.4), bound to one tenant.
 *
 * <p>Each gets a hardcoded-claim protocol mapper that puts {@code tenant_id} in its access tokens,
 * the realm's {@code colmena-api} client scope (audience {@code colmena-api}) and the chosen scopes
 * as default client scopes (so they appear in {@code scope} without being asked for), and
 * {@code fullScopeAllowed = false} so no realm role leaks into its tokens. Keycloak adds its
 * {@code service_account} scope, whose {@code client_id} claim lets the gateway recognise partner
 * tokens.
 */
@Component
public class KeycloakPartnerClients {

    private static final Logger log = LoggerFactory.getLogger(KeycloakPartnerClients.class);

    private final RealmResource realm;

    public KeycloakPartnerClients(RealmResource colmenaRealm) {
        this.realm = colmenaRealm;
    }

    /**
     * A created client.
     *
     * @param keycloakId Keycloak's internal id of the client
     * @param clientId   the OAuth2 {@code client_id}
     * @param secret     the client secret, shown to the caller once
     */
    public record CreatedClient(String keycloakId, String clientId, String secret) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "CreatedClient[clientId=" + clientId + "]";
        }
    }

    /** Creates a client-credentials client for {@code tenantId} with {@code scopes}. */
    public CreatedClient create(UUID tenantId, String name, List<String> scopes) {
        String clientId = "partner-" + UUID.randomUUID();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription("Partner client of tenant " + tenantId + " (created by identity-service)");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setFullScopeAllowed(false);
        List<String> defaultScopes = new ArrayList<>(List.of("basic", "colmena-api"));
        defaultScopes.addAll(scopes);
        client.setDefaultClientScopes(defaultScopes);
        client.setOptionalClientScopes(List.of());
        client.setAttributes(Map.of("colmena.tenant_id", tenantId.toString()));
        ProtocolMapperRepresentation tenantClaim = new ProtocolMapperRepresentation();
        tenantClaim.setName("tenant_id");
        tenantClaim.setProtocol("openid-connect");
        tenantClaim.setProtocolMapper("oidc-hardcoded-claim-mapper");
        tenantClaim.setConfig(Map.of(
                "claim.name", "tenant_id",
                "claim.value", tenantId.toString(),
                "jsonType.label", "String",
                "access.token.claim", "true",
                "id.token.claim", "false",
                "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
        client.setProtocolMappers(List.of(tenantClaim));
        String keycloakId;
        try (Response response = realm.clients().create(client)) {
            if (response.getStatus() != 201) {
                throw KeycloakErrors.map(response.getStatus(), KeycloakErrors.readBody(response), "scopes", null);
            }
            keycloakId = CreatedResponseUtil.getCreatedId(response);
        } catch (WebApplicationException e) {
            throw KeycloakErrors.map(e, "scopes", null);
        } catch (ProcessingException e) {
            throw KeycloakErrors.unavailable();
        }
        try {
            String secret = realm.clients().get(keycloakId).getSecret().getValue();
            return new CreatedClient(keycloakId, clientId, secret);
        } catch (WebApplicationException | ProcessingException e) {
            delete(keycloakId);
            throw KeycloakErrors.unavailable();
        }
    }

    /** Removes the client; its tokens can no longer be obtained. A client already gone is not an error. */
    public void delete(String keycloakId) {
        try {
            realm.clients().get(keycloakId).remove();
        } catch (NotFoundException e) {
            log.info("Partner client {} was already removed from Keycloak", keycloakId);
        } catch (WebApplicationException | ProcessingException e) {
            log.warn("Could not remove partner client {} from Keycloak: {}", keycloakId, e.getMessage());
            throw KeycloakErrors.unavailable();
        }
    }
}
