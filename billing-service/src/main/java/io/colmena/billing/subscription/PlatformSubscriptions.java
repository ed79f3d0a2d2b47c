package io.colmena.billing.subscription;

import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.colmena.billing.config.BillingProperties;
import io.colmena.billing.stripe.StripeGateway;
import io.colmena.billing.subscription.SubscriptionDtos.ChangePreview;
import io.colmena.billing.subscription.SubscriptionDtos.ChangeResponse;
import io.colmena.billing.subscription.SubscriptionDtos.CheckoutResponse;
import io.colmena.billing.subscription.SubscriptionDtos.LimitChange;
import io.colmena.billing.subscription.SubscriptionDtos.Limits;
import io.colmena.billing.subscription.SubscriptionDtos.ProrationLine;
import io.colmena.billing.subscription.SubscriptionDtos.SubscriptionResponse;
import io.colmena.billing.web.PageResponse;
import io.colmena.events.identity.Plan;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's subscription to Colmena: read, check out a paid plan, preview and apply a plan
 * change (upgrade now with proration, downgrade at period end), cancel at period end and resume.
 * Every Stripe call carries an idempotency key derived from the subscription's version, so a
 * repeated request does not change the subscription twice.
 */
@Service
class PlatformSubscriptions {

    private final PlatformSubscriptionRepository subscriptions;
    private final SubscriptionStates states;
    private final PlanCatalog catalog;
    private final StripeGateway stripe;
    private final BillingProperties.Stripe config;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PlatformSubscriptions(PlatformSubscriptionRepository subscriptions, SubscriptionStates states, PlanCatalog catalog,
                          StripeGateway stripe, BillingProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.subscriptions = subscriptions;
        this.states = states;
        this.catalog = catalog;
        this.stripe = stripe;
        this.config = properties.stripe();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    SubscriptionResponse current() {
        UUID tenant = TenantContext.require();
        return subscriptions.findById(tenant).map(PlatformSubscriptions::response)
                .orElseGet(() -> new SubscriptionResponse(tenant, Plan.FREE, "none", null, null, 0, null, null, false,
                        null, Limits.of(Plan.FREE), null));
    }

    @Transactional(readOnly = true)
    PageResponse<SubscriptionResponse> all(Pageable pageable) {
        return PageResponse.of(subscriptions.findAll(pageable), PlatformSubscriptions::response);
    }

    @Transactional
    CheckoutResponse checkout(Plan plan) {
        UUID tenant = TenantContext.require();
        BillingProperties.PlanPrice price = paidPrice(plan);
        PlatformSubscription subscription = subscriptions.lockByTenantId(tenant).orElse(null);
        if (subscription != null && PlatformSubscription.ENTITLED.contains(subscription.status())) {
            throw ProblemException.conflict("subscription-exists", "The workspace already has a " + subscription.status()
                    + " subscription on " + subscription.plan() + "; change its plan instead");
        }
        if (subscription == null) {
            Customer customer = stripe.platform(client -> client.v1().customers().create(
                    CustomerCreateParams.builder().putMetadata("colmena_tenant_id", tenant.toString()).build(),
                    StripeGateway.options("tenant-" + tenant + "-customer", null)));
            subscription = subscriptions.saveAndFlush(new PlatformSubscription(tenant, customer.getId(), clock.instant()));
        }
        String customerId = subscription.stripeCustomerId();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(tenant.toString())
                .setSuccessUrl(config.checkoutSuccessUrl())
                .setCancelUrl(config.checkoutCancelUrl())
                .putMetadata("colmena_tenant_id", tenant.toString())
                .putMetadata("colmena_plan", plan.name())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("colmena_tenant_id", tenant.toString())
                        .putMetadata("colmena_plan", plan.name()).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.priceId()).setQuantity(1L).build())
                .build();
        String key = "tenant-" + tenant + "-checkout-" + plan + "-v" + subscription.version();
        Session session = stripe.platform(client -> client.v1().checkout().sessions().create(params,
                StripeGateway.options(key, null)));
        jdbc.update("insert into platform_checkout (session_id, tenant_id, plan, created_at) values (?, ?, ?, ?) "
                + "on conflict (session_id) do nothing", session.getId(), tenant, plan.name(), Timestamp.from(clock.instant()));
        return new CheckoutResponse(session.getId(), session.getUrl(), plan);
    }

    @Transactional(readOnly = true)
    ChangePreview preview(Plan target) {
        return preview(paying(subscriptions.findById(TenantContext.require()).orElse(null)), target);
    }

    @Transactional
    ChangeResponse change(Plan target) {
        PlatformSubscription subscription = paying(subscriptions.lockByTenantId(TenantContext.require()).orElse(null));
        ChangePreview preview = preview(subscription, target);
        if (preview.direction().equals("DOWNGRADE")) {
            subscription.schedule(target, clock.instant());
            subscriptions.saveAndFlush(subscription);
            return new ChangeResponse(preview, response(subscription));
        }
        String priceId = paidPrice(target).priceId();
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(subscription.stripeItemId()).setPrice(priceId).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .putMetadata("colmena_plan", target.name())
                .build();
        String key = "subscription-" + subscription.stripeSubscriptionId() + "-change-" + target + "-v" + subscription.version();
        Subscription updated = stripe.platform(client -> client.v1().subscriptions()
                .update(subscription.stripeSubscriptionId(), params, StripeGateway.options(key, null)));
        subscription.schedule(null, clock.instant());
        states.apply(subscription, StripeSubscription.from(updated.getRawJsonObject()), clock.instant(), null);
        return new ChangeResponse(preview, response(subscription));
    }

    /** Applies a downgrade scheduled for the end of the period that has now ended. */
    @Transactional
    void applyScheduledChange(UUID tenant) {
        PlatformSubscription subscription = subscriptions.lockByTenantId(tenant).orElse(null);
        if (subscription == null || subscription.scheduledPlan() == null
                || subscription.currentPeriodEnd() == null || subscription.currentPeriodEnd().isAfter(clock.instant())) {
            return;
        }
        Plan target = subscription.scheduledPlan();
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(subscription.stripeItemId())
                        .setPrice(paidPrice(target).priceId()).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                .putMetadata("colmena_plan", target.name())
                .build();
        String key = "subscription-" + subscription.stripeSubscriptionId() + "-scheduled-" + target + "-v"
                + subscription.version();
        Subscription updated = stripe.platform(client -> client.v1().subscriptions()
                .update(subscription.stripeSubscriptionId(), params, StripeGateway.options(key, null)));
        states.apply(subscription, StripeSubscription.from(updated.getRawJsonObject()), clock.instant(), null);
    }

    @Transactional
    SubscriptionResponse cancel() {
        PlatformSubscription subscription = paying(subscriptions.lockByTenantId(TenantContext.require()).orElse(null));
        if (subscription.cancelAtPeriodEnd()) {
            return response(subscription);
        }
        return setCancelAtPeriodEnd(subscription, true);
    }

    @Transactional
    SubscriptionResponse resume() {
        PlatformSubscription subscription = paying(subscriptions.lockByTenantId(TenantContext.require()).orElse(null));
        if (!subscription.cancelAtPeriodEnd() && subscription.scheduledPlan() == null) {
            throw ProblemException.conflict("nothing-to-resume",
                    "The subscription is neither cancelled at period end nor scheduled to change");
        }
        subscription.schedule(null, clock.instant());
        if (!subscription.cancelAtPeriodEnd()) {
            subscriptions.saveAndFlush(subscription);
            return response(subscription);
        }
        return setCancelAtPeriodEnd(subscription, false);
    }

    private SubscriptionResponse setCancelAtPeriodEnd(PlatformSubscription subscription, boolean cancel) {
        String key = "subscription-" + subscription.stripeSubscriptionId() + (cancel ? "-cancel" : "-resume") + "-v"
                + subscription.version();
        Subscription updated = stripe.platform(client -> client.v1().subscriptions().update(
                subscription.stripeSubscriptionId(),
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build(),
                StripeGateway.options(key, null)));
        states.apply(subscription, StripeSubscription.from(updated.getRawJsonObject()), clock.instant(), null);
        return response(subscription);
    }

    private ChangePreview preview(PlatformSubscription subscription, Plan target) {
        Plan current = subscription.entitledPlan();
        if (target == Plan.FREE) {
            throw ProblemException.unprocessable("use-cancel", "To go back to FREE, cancel the subscription");
        }
        if (target == current) {
            throw ProblemException.unprocessable("plan-unchanged", "The workspace is already on " + target);
        }
        BillingProperties.PlanPrice newPrice = paidPrice(target);
        long currentAmount = catalog.price(current).map(BillingProperties.PlanPrice::amountMinor)
                .orElse(subscription.mrrMinor());
        Instant now = clock.instant();
        Instant start = subscription.currentPeriodStart();
        Instant end = subscription.currentPeriodEnd();
        List<LimitChange> limits = limits(current, target);
        if (target.ordinal() < current.ordinal()) {
            return new ChangePreview(current, target, "DOWNGRADE", end, newPrice.amountMinor(), newPrice.currency(),
                    List.of(), 0, limits);
        }
        List<ProrationLine> lines = Proration.lines(current, currentAmount, target, newPrice.amountMinor(), start, end,
                now);
        long due = lines.stream().mapToLong(ProrationLine::amountMinor).sum();
        return new ChangePreview(current, target, "UPGRADE", now, newPrice.amountMinor(), newPrice.currency(), lines,
                due, limits);
    }

    private static List<LimitChange> limits(Plan before, Plan after) {
        return List.of(
                limit("whatsappMessagesPerDay", before, after, Plan::whatsappMessagesPerDay),
                limit("ragDocuments", before, after, Plan::ragDocuments),
                limit("contacts", before, after, Plan::contacts),
                limit("users", before, after, Plan::users));
    }

    private static LimitChange limit(String name, Plan before, Plan after, ToIntFunction<Plan> value) {
        int from = value.applyAsInt(before);
        int to = value.applyAsInt(after);
        long fromRank = from == Plan.UNLIMITED ? Long.MAX_VALUE : from;
        long toRank = to == Plan.UNLIMITED ? Long.MAX_VALUE : to;
        String change = toRank > fromRank ? "GAINED" : toRank < fromRank ? "LOST" : "UNCHANGED";
        return new LimitChange(name, from, to, change);
    }

    private BillingProperties.PlanPrice paidPrice(Plan plan) {
        return catalog.price(plan).orElseThrow(() -> ProblemException.unprocessable("plan-not-purchasable",
                plan + " has no price: choose " + List.of(Plan.STARTER, Plan.PRO, Plan.ENTERPRISE)));
    }

    private static PlatformSubscription paying(PlatformSubscription subscription) {
        if (subscription == null || subscription.stripeSubscriptionId() == null
                || !PlatformSubscription.ENTITLED.contains(subscription.status())) {
            throw ProblemException.conflict("no-subscription",
                    "The workspace has no active subscription: start one with POST /api/subscriptions/checkout");
        }
        return subscription;
    }

    static SubscriptionResponse response(PlatformSubscription s) {
        Plan plan = s.entitledPlan();
        return new SubscriptionResponse(s.tenantId(), plan, s.status(), s.stripeSubscriptionId(), s.currency(),
                s.mrrMinor(), s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.scheduledPlan(),
                Limits.of(plan), s.updatedAt());
    }
}
