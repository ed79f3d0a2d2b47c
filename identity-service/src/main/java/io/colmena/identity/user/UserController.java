package io.colmena.identity.user;

import io.colmena.identity.support.PageResponse;
import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant's users ({@code /api/users}). Another tenant's user is a 404. Inviting lives
 * in {@code InvitationController} ({@code POST /api/users/invite}).
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Users of the caller's tenant, their roles and invitations")
public class UserController {

    private static final Set<String> SORTABLE = Set.of("name", "email", "role", "status", "createdAt", "lastLoginAt");

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    /**
     * One page of users (OWNER, ADMIN, AGENT, or a partner client with scope {@code users:read}),
     * filtered by {@code role}, {@code status} and {@code q} (in name or e-mail); {@code sort} by
     * name, email, role, status, createdAt or lastLoginAt (default name).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT') or hasAuthority('SCOPE_users:read')")
    @Operation(summary = "List the tenant's users")
    public PageResponse<UserResponse> list(@RequestParam(required = false) UserRole role,
                                           @RequestParam(required = false) MembershipStatus status,
                                           @RequestParam(required = false) String q,
                                           @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        for (Sort.Order order : pageable.getSort()) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                        "Cannot sort by '" + order.getProperty() + "'; use one of " + SORTABLE);
            }
        }
        Page<UserResponse> page = users.list(role, status, q, pageable);
        return PageResponse.of(page, user -> user);
    }

    /** One user (OWNER, ADMIN, AGENT, or scope {@code users:read}); 404 when unknown or another tenant's. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT') or hasAuthority('SCOPE_users:read')")
    @Operation(summary = "One user of the tenant")
    public UserResponse get(@PathVariable UUID id) {
        return users.get(id);
    }

    /**
     * Renames a user, or changes the CRM customer of a CLIENT user (OWNER, ADMIN; an ADMIN only
     * for AGENT and CLIENT users or themselves). 400 when {@code customerId} does not fit the role.
     */
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Operation(summary = "Update a user (OWNER, ADMIN)")
    public UserResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request) {
        return users.update(id, request);
    }

    /**
     * Changes a user's role (OWNER; ADMIN between AGENT and CLIENT) and publishes
     * {@code colmena.identity.user.role-changed}. The new role is in tokens issued from now on.
     */
    @PutMapping("/{id}/role")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Operation(summary = "Change a user's role (OWNER, ADMIN)")
    public UserResponse changeRole(@PathVariable UUID id, @Valid @RequestBody ChangeRoleRequest request) {
        return users.changeRole(id, request);
    }

    /**
     * Deactivates a user (OWNER; ADMIN for AGENT and CLIENT users): disabled in Keycloak, sessions
     * ended, {@code colmena.identity.user.deactivated} published. 204; repeating it is harmless.
     */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate a user (OWNER, ADMIN)")
    public void deactivate(@PathVariable UUID id) {
        users.deactivate(id);
    }
}
