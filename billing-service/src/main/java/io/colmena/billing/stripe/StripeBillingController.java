package io.colmena.billing.stripe;

import io.colmena.billing.web.PageResponse;
import io.colmena.billing.web.Paging;
import io.colmena.platform.security.CurrentUser;
import io.colmena.platform.security.Roles;
import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's Stripe connection and the Stripe event log.
 *
 * <ul>
 *   <li>{@code PUT /api/billing/stripe-account} (OWNER, ADMIN): connect a Connect account, or an own
 *       account by restricted key + webhook signing secret; 200 with the masked connection, 400 problem
 *       for invalid values, 409 {@code stripe-account-taken}.</li>
 *   <li>{@code GET /api/billing/stripe-account} (OWNER, ADMIN): the connection, secrets masked; 404 if none.</li>
 *   <li>{@code DELETE /api/billing/stripe-account} (OWNER, ADMIN): 204; 404 if none.</li>
 *   <li>{@code GET /api/billing/stripe-events} (OWNER, ADMIN: their tenant's; PLATFORM_ADMIN: all, or
 *       {@code tenantId}): what arrived, when and what it did; filters {@code type}, {@code outcome};
 *       {@code page}, {@code size}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/billing")
@Tag(name = "Stripe account and events")
class StripeBillingController {

    private final StripeAccounts accounts;
    private final StripeEventLog log;

    StripeBillingController(StripeAccounts accounts, StripeEventLog log) {
        this.accounts = accounts;
        this.log = log;
    }

    @Operation(summary = "Connect the tenant's Stripe account (secrets stored encrypted, never returned)")
    @PutMapping("/stripe-account")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public StripeAccountResponse connect(@Valid @RequestBody StripeAccountRequest request) {
        return accounts.connect(request);
    }

    @Operation(summary = "The tenant's Stripe connection, secrets masked")
    @GetMapping("/stripe-account")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public StripeAccountResponse account() {
        return accounts.current().orElseThrow(() -> ProblemException.notFound("Stripe account", "of this tenant"));
    }

    @Operation(summary = "Disconnect the tenant's Stripe account")
    @DeleteMapping("/stripe-account")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public ResponseEntity<Void> disconnect() {
        if (!accounts.disconnect()) {
            throw ProblemException.notFound("Stripe account", "of this tenant");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Stripe events received: type, times, outcome (support view)")
    @GetMapping("/stripe-events")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN','OWNER','ADMIN')")
    public PageResponse<StripeEventResponse> events(@RequestParam(required = false) String type,
                                                    @RequestParam(required = false) String outcome,
                                                    @RequestParam(required = false) UUID tenantId,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        Paging.of(page, size, null, Set.of(), Sort.unsorted());
        CurrentUser user = CurrentUser.get().orElseThrow();
        UUID scope = user.hasRole(Roles.PLATFORM_ADMIN) ? tenantId
                : user.tenantId().orElseThrow(() -> ProblemException.notFound("Tenant", "of this token"));
        return log.find(scope, type, outcome, page, size);
    }
}
