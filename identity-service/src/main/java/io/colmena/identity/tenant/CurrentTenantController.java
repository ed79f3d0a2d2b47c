package io.colmena.identity.tenant;

import io.colmena.identity.auth.AuthService;
import io.colmena.identity.user.OwnershipTransfer;
import io.colmena.identity.user.TransferOwnershipRequest;
import io.colmena.identity.user.UserService;
import io.colmena.identity.support.Caller;
import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own tenant ({@code /api/tenants/current}).
 *
 * <p>GET answers any authenticated caller whose token carries {@code tenant_id} (every role and
 * partner clients), whatever the tenant's status: the gateway calls it with the caller's own token
 * to learn the plan and status, and must learn that a tenant is SUSPENDED or BANNED.
 */
@RestController
@RequestMapping("/api/tenants/current")
@Tag(name = "Tenants", description = "The caller's tenant and, for platform operators, all tenants")
public class CurrentTenantController {

    private final TenantService tenants;
    private final UserService users;
    private final AuthService auth;

    public CurrentTenantController(TenantService tenants, UserService users, AuthService auth) {
        this.tenants = tenants;
        this.users = users;
        this.auth = auth;
    }

    /**
     * The caller's tenant, with {@code plan}, {@code status} and the plan's {@code limits}.
     * {@code ETag} carries the version for {@code If-Match}. 404 when the tenant does not exist;
     * 403 {@code no-tenant} for a token without {@code tenant_id}.
     */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's tenant, including plan and status")
    public ResponseEntity<TenantResponse> current() {
        TenantResponse tenant = tenants.get(Caller.tenantId());
        return ResponseEntity.ok().eTag(Long.toString(tenant.version())).body(tenant);
    }

    /**
     * Replaces the tenant's name, industry, locale, time zone and settings (OWNER, ADMIN) and
     * publishes {@code colmena.identity.tenant.updated}. With {@code If-Match} (the {@code ETag} of
     * a GET) a stale version is refused with 409 {@code concurrent-modification}; 400 for invalid fields.
     */
    @PutMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Operation(summary = "Update the caller's tenant profile (OWNER, ADMIN)")
    public ResponseEntity<TenantResponse> update(@Valid @RequestBody UpdateTenantRequest request,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TenantResponse tenant = tenants.update(Caller.tenantId(), request, version(ifMatch));
        return ResponseEntity.ok().eTag(Long.toString(tenant.version())).body(tenant);
    }

    /**
     * Hands the organization to another of its users (OWNER only): after the caller's password is
     * confirmed, {@code userId} becomes OWNER and the caller ADMIN, in one step, with
     * {@code colmena.identity.user.role-changed} for both. The new roles are in both users' tokens
     * from their next refresh or login.
     *
     * <p>200 with both users; 400 when a field is missing or {@code currentPassword} is wrong; 403
     * for any other role; 404 when the user is not one of this tenant's; 409 {@code already-owner}
     * (the caller), {@code user-deactivated}, or {@code owner-must-be-staff} (a CLIENT user).
     */
    @PostMapping("/transfer-ownership")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Transfer the ownership of the caller's tenant to another user (OWNER)")
    public OwnershipTransfer transferOwnership(@Valid @RequestBody TransferOwnershipRequest request) {
        auth.confirmPassword("currentPassword", request.currentPassword());
        return users.transferOwnership(request.userId());
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "If-Match must be the ETag of a previous GET, such as \"3\"");
        }
    }
}
