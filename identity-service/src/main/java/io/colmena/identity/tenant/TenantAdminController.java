package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import io.colmena.identity.support.PageResponse;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every tenant, for platform operators (PLATFORM_ADMIN only; anyone else gets 403): the operator
 * console's customer list of seed 004, with search, plan and status filters, CSV export, and the
 * plan and status switches.
 */
@RestController
@RequestMapping("/api/tenants")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Tag(name = "Tenants")
public class TenantAdminController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt", "plan", "status", "contactEmail");
    private static final String CSV = "text/csv";

    private final TenantService tenants;

    public TenantAdminController(TenantService tenants) {
        this.tenants = tenants;
    }

    /**
     * A new status with the operator's reason.
     *
     * @param status ACTIVE, SUSPENDED or BANNED
     * @param reason shown to operators and carried by the event, up to 500 characters
     */
    public record ChangeStatusRequest(@NotNull TenantStatus status, @Size(max = 500) String reason) {}

    /** @param plan the plan to put the tenant on */
    public record ChangePlanRequest(@NotNull Plan plan) {}

    /**
     * One page of tenants. {@code q} searches name and contact e-mail; {@code plan} and
     * {@code status} filter; {@code page}, {@code size} (≤ 100) and {@code sort} (name, createdAt,
     * plan, status, contactEmail; default createdAt,desc) page.
     */
    @GetMapping(produces = "application/json")
    @Operation(summary = "List tenants (PLATFORM_ADMIN)")
    public PageResponse<TenantResponse> list(@RequestParam(required = false) String q,
                                             @RequestParam(required = false) Plan plan,
                                             @RequestParam(required = false) TenantStatus status,
                                             @PageableDefault(size = 20, sort = "createdAt",
                                                     direction = Sort.Direction.DESC) Pageable pageable) {
        checkSort(pageable.getSort());
        return PageResponse.of(tenants.search(new TenantFilter(q, plan, status), pageable), TenantResponse::of);
    }

    /**
     * Every tenant matching the same filters as CSV (RFC 4180, UTF-8, header row), for
     * {@code Accept: text/csv}; sorted by {@code sort} (default createdAt,desc).
     */
    @GetMapping(produces = CSV)
    @Operation(summary = "Export tenants as CSV (PLATFORM_ADMIN)")
    public ResponseEntity<String> export(@RequestParam(required = false) String q,
                                         @RequestParam(required = false) Plan plan,
                                         @RequestParam(required = false) TenantStatus status,
                                         @RequestParam(required = false) List<String> sort) {
        Sort order = parseSort(sort);
        String body = TenantCsv.write(tenants.export(new TenantFilter(q, plan, status), order));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tenants.csv\"")
                .body(body);
    }

    /** One tenant; 404 when unknown. */
    @GetMapping("/{id}")
    @Operation(summary = "One tenant (PLATFORM_ADMIN)")
    public TenantResponse get(@PathVariable UUID id) {
        return tenants.get(id);
    }

    /**
     * Sets the status and publishes {@code colmena.identity.tenant.status-changed}; a SUSPENDED or
     * BANNED tenant is refused at the gateway from then on. 422 {@code invalid-status} for TRIAL.
     */
    @PutMapping("/{id}/status")
    @Operation(summary = "Set a tenant's status (PLATFORM_ADMIN)")
    public TenantResponse changeStatus(@PathVariable UUID id, @Valid @RequestBody ChangeStatusRequest request) {
        return TenantContext.callAs(id, () -> tenants.changeStatus(id, request.status(), request.reason()));
    }

    /** Sets the plan and publishes {@code colmena.identity.tenant.plan-changed}. */
    @PutMapping("/{id}/plan")
    @Operation(summary = "Set a tenant's plan (PLATFORM_ADMIN)")
    public TenantResponse changePlan(@PathVariable UUID id, @Valid @RequestBody ChangePlanRequest request) {
        return TenantContext.callAs(id, () -> tenants.changePlan(id, request.plan()));
    }

    private static Sort parseSort(List<String> sort) {
        if (sort == null || sort.isEmpty()) {
            return Sort.by(Sort.Direction.DESC, "createdAt");
        }
        Sort result = Sort.unsorted();
        for (String item : sort) {
            String[] parts = item.split(",");
            Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("desc")
                    ? Sort.Direction.DESC : Sort.Direction.ASC;
            result = result.and(Sort.by(direction, parts[0]));
        }
        checkSort(result);
        return result;
    }

    private static void checkSort(Sort sort) {
        for (Sort.Order order : sort) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                        "Cannot sort by '" + order.getProperty() + "'; use one of " + SORTABLE);
            }
        }
    }
}
