package io.colmena.billing.subscription;

import io.colmena.billing.subscription.SubscriptionDtos.ChangePreview;
import io.colmena.billing.subscription.SubscriptionDtos.ChangeResponse;
import io.colmena.billing.subscription.SubscriptionDtos.CheckoutResponse;
import io.colmena.billing.subscription.SubscriptionDtos.PlanRequest;
import io.colmena.billing.subscription.SubscriptionDtos.SubscriptionResponse;
import io.colmena.billing.web.PageResponse;
import io.colmena.billing.web.Paging;
import io.colmena.platform.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's subscription to Colmena (what it pays for its plan). Plan changes reach identity-service
 * as {@code colmena.billing.subscription.changed|cancelled} events.
 *
 * <ul>
 *   <li>{@code GET /api/subscriptions} (PLATFORM_ADMIN): every tenant's subscription, paged.</li>
 *   <li>{@code GET /api/subscriptions/current} (OWNER, ADMIN): plan, status, period, limits.</li>
 *   <li>{@code POST /api/subscriptions/checkout} (OWNER): Stripe Checkout URL for a paid plan; 409
 *       {@code subscription-exists} when one is active (change it instead).</li>
 *   <li>{@code POST /api/subscriptions/change/preview} (OWNER): proration lines, new price, limits
 *       gained and lost; nothing changes.</li>
 *   <li>{@code POST /api/subscriptions/change} (OWNER): upgrade now (prorated, invoiced at once) or
 *       downgrade at period end.</li>
 *   <li>{@code POST /api/subscriptions/cancel} (OWNER): cancel at period end.</li>
 *   <li>{@code POST /api/subscriptions/resume} (OWNER): undo a cancellation or scheduled downgrade
 *       before the period ends; 409 {@code nothing-to-resume}.</li>
 * </ul>
 * Without an active subscription, change/cancel/resume answer 409 {@code no-subscription}.
 */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Platform subscriptions")
class SubscriptionController {

    private final PlatformSubscriptions subscriptions;

    SubscriptionController(PlatformSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(summary = "Every tenant's platform subscription (PLATFORM_ADMIN)")
    @GetMapping
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public PageResponse<SubscriptionResponse> all(@RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size,
                                                  @RequestParam(required = false) String sort) {
        return subscriptions.all(Paging.of(page, size, sort, Set.of("updatedAt", "mrrMinor", "plan", "status"),
                Sort.by(Sort.Direction.DESC, "updatedAt"), "tenantId"));
    }

    @Operation(summary = "The tenant's current subscription and limits")
    @GetMapping("/current")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public SubscriptionResponse current() {
        return subscriptions.current();
    }

    @Operation(summary = "Start a Stripe Checkout for a paid plan")
    @Idempotent
    @PostMapping("/checkout")
    @PreAuthorize("hasRole('OWNER')")
    public CheckoutResponse checkout(@Valid @RequestBody PlanRequest request) {
        return subscriptions.checkout(request.plan());
    }

    @Operation(summary = "Preview a plan change: proration, new price, limits gained and lost")
    @PostMapping("/change/preview")
    @PreAuthorize("hasRole('OWNER')")
    public ChangePreview preview(@Valid @RequestBody PlanRequest request) {
        return subscriptions.preview(request.plan());
    }

    @Operation(summary = "Change plan: upgrade now, downgrade at period end")
    @Idempotent
    @PostMapping("/change")
    @PreAuthorize("hasRole('OWNER')")
    public ChangeResponse change(@Valid @RequestBody PlanRequest request) {
        return subscriptions.change(request.plan());
    }

    @Operation(summary = "Cancel at the end of the current period")
    @PostMapping("/cancel")
    @PreAuthorize("hasRole('OWNER')")
    public SubscriptionResponse cancel() {
        return subscriptions.cancel();
    }

    @Operation(summary = "Resume a subscription cancelled (or downgraded) at period end")
    @PostMapping("/resume")
    @PreAuthorize("hasRole('OWNER')")
    public SubscriptionResponse resume() {
        return subscriptions.resume();
    }
}
