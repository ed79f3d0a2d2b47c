package io.colmena.identity.partner;

import io.colmena.identity.partner.PartnerClientDtos.CreatePartnerClient;
import io.colmena.identity.partner.PartnerClientDtos.CreatedPartnerClient;
import io.colmena.identity.partner.PartnerClientDtos.PartnerClientResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OAuth2 client-credentials clients for the tenant's integrations ({@code /api/partner-clients},
 * OWNER and ADMIN). Their tokens carry the tenant's {@code tenant_id}, audience
 * {@code colmena-api}, the chosen scopes and Keycloak's {@code client_id} claim.
 */
@RestController
@RequestMapping("/api/partner-clients")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
@Tag(name = "Partner clients", description = "Client-credentials clients bound to the tenant")
public class PartnerClientController {

    private final PartnerClientService clients;

    public PartnerClientController(PartnerClientService clients) {
        this.clients = clients;
    }

    /**
     * Creates a partner client. 201 with its secret, shown this once; 400 on {@code scopes} for a
     * scope that is not offered.
     */
    @PostMapping
    @Operation(summary = "Create a partner client; the secret is shown once (OWNER, ADMIN)")
    public ResponseEntity<CreatedPartnerClient> create(@Valid @RequestBody CreatePartnerClient request) {
        CreatedPartnerClient created = clients.create(request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.client().id()).toUri()).body(created);
    }

    /** The tenant's partner clients (no secrets), oldest first. */
    @GetMapping
    @Operation(summary = "List partner clients (OWNER, ADMIN)")
    public List<PartnerClientResponse> list() {
        return clients.list();
    }

    /** One partner client; 404 when unknown or another tenant's. */
    @GetMapping("/{id}")
    @Operation(summary = "One partner client (OWNER, ADMIN)")
    public PartnerClientResponse get(@PathVariable UUID id) {
        return clients.get(id);
    }

    /** Deletes a partner client: no new tokens from now on. 204; 404 when unknown or another tenant's. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a partner client (OWNER, ADMIN)")
    public void delete(@PathVariable UUID id) {
        clients.delete(id);
    }
}
