package io.colmena.identity.partner;

import io.colmena.identity.config.IdentityProperties;
import io.colmena.identity.config.KeycloakProperties;
import io.colmena.identity.keycloak.KeycloakPartnerClients;
import io.colmena.identity.partner.PartnerClientDtos.CreatePartnerClient;
import io.colmena.identity.partner.PartnerClientDtos.CreatedPartnerClient;
import io.colmena.identity.partner.PartnerClientDtos.PartnerClientResponse;
import io.colmena.identity.support.Caller;
import io.colmena.identity.support.Ids;
import io.colmena.identity.support.ValidationProblems;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner clients of the bound tenant: made in Keycloak first, then recorded; if recording fails
 * the Keycloak client is removed again. Deleting removes the Keycloak client (no new tokens; tokens
 * already issued expire within the access-token lifespan, 5 minutes) and the record.
 */
@Service
public class PartnerClientService {

    private final PartnerClientRepository clients;
    private final KeycloakPartnerClients keycloak;
    private final IdentityProperties properties;
    private final KeycloakProperties keycloakProperties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PartnerClientService(PartnerClientRepository clients, KeycloakPartnerClients keycloak,
                                IdentityProperties properties, KeycloakProperties keycloakProperties,
                                TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.keycloak = keycloak;
        this.properties = properties;
        this.keycloakProperties = keycloakProperties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates a client-credentials client bound to the bound tenant.
     *
     * @throws ProblemException 400 on {@code scopes} for a scope that is not offered
     */
    public CreatedPartnerClient create(CreatePartnerClient request) {
        List<String> scopes = request.scopes().stream().map(String::strip).distinct().toList();
        for (String scope : scopes) {
            if (!properties.partnerScopes().contains(scope)) {
                throw ValidationProblems.field("scopes",
                        "'" + scope + "' is not a partner scope; choose from " + properties.partnerScopes());
            }
        }
        UUID tenantId = TenantContext.require();
        KeycloakPartnerClients.CreatedClient created = keycloak.create(tenantId, request.name().strip(), scopes);
        try {
            PartnerClient client = transactions.execute(status -> clients.saveAndFlush(new PartnerClient(Ids.next(),
                    created.clientId(), created.keycloakId(), request.name().strip(), scopes, Caller.userId(),
                    clock.instant())));
            return new CreatedPartnerClient(PartnerClientResponse.of(client), created.secret(),
                    keycloakProperties.openIdConnectBase() + "/token");
        } catch (RuntimeException e) {
            keycloak.delete(created.keycloakId());
            throw e;
        }
    }

    /** The bound tenant's partner clients, oldest first. */
    public List<PartnerClientResponse> list() {
        return transactions.execute(status -> clients.findAllByOrderByCreatedAtAsc().stream()
                .map(PartnerClientResponse::of).toList());
    }

    /** One partner client; 404 when unknown or another tenant's. */
    public PartnerClientResponse get(UUID id) {
        return transactions.execute(status -> PartnerClientResponse.of(require(id)));
    }

    /** Deletes a partner client here and in Keycloak; 404 when unknown or another tenant's. */
    public void delete(UUID id) {
        transactions.executeWithoutResult(status -> {
            PartnerClient client = require(id);
            clients.delete(client);
            clients.flush();
            keycloak.delete(client.keycloakId());
        });
    }

    private PartnerClient require(UUID id) {
        return clients.findById(id).orElseThrow(() -> ProblemException.notFound("Partner client", id));
    }
}
