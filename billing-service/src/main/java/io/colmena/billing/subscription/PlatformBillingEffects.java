package io.colmena.billing.subscription;

import com.google.gson.JsonObject;
import io.colmena.billing.stripe.StripeDelivery;
import io.colmena.billing.stripe.StripeEventHandler;
import io.colmena.billing.stripe.StripeJson;
import io.colmena.events.billing.PaymentFailed;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Effects of events from Colmena's own Stripe account: tenants' platform subscriptions and their
 * payments.
 *
 * <p>Routing to a tenant, in order: the subscription id already linked to it; the
 * {@code colmena_tenant_id} metadata billing-service puts on customers, sessions and subscriptions
 * it creates; the Checkout Session it created; the Stripe customer linked to it.
 *
 * <ul>
 *   <li>{@code checkout.session.completed} (mode subscription): links the new subscription to the tenant.</li>
 *   <li>{@code customer.subscription.created|updated|deleted}: applies the state if newer than the one
 *       recorded (event {@code created}); publishes SubscriptionChanged/SubscriptionCancelled; MRR ledger.</li>
 *   <li>{@code invoice.paid} and {@code invoice.payment_succeeded}: one {@code platform_payment} per Stripe
 *       invoice, so the pair counts once in revenue.</li>
 *   <li>{@code invoice.payment_failed}: PaymentFailed for the tenant (dunning is Stripe's Smart Retries).</li>
 *   <li>{@code charge.refunded}: the refunded amount of the invoice's payment (it only grows).</li>
 * </ul>
 */
@Component
class PlatformBillingEffects implements StripeEventHandler {

    private final PlatformSubscriptionRepository subscriptions;
    private final SubscriptionStates states;
    private final EventOutbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PlatformBillingEffects(PlatformSubscriptionRepository subscriptions, SubscriptionStates states,
                           EventOutbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.subscriptions = subscriptions;
        this.states = states;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public StripeDelivery.Scope scope() {
        return StripeDelivery.Scope.PLATFORM;
    }

    @Override
    public Set<String> types() {
        return Set.of("checkout.session.completed", "customer.subscription.created", "customer.subscription.updated",
                "customer.subscription.deleted", "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed",
                "charge.refunded");
    }

    @Override
    public Optional<UUID> resolveTenant(StripeDelivery delivery) {
        JsonObject object = delivery.object();
        return switch (delivery.type()) {
            case "checkout.session.completed" -> StripeJson.string(object, "client_reference_id").flatMap(this::uuid)
                    .or(() -> metadataTenant(object))
                    .or(() -> first("select tenant_id from platform_checkout where session_id = ?", delivery.objectId()))
                    .or(() -> byCustomer(object, "customer"));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    first("select tenant_id from platform_subscription where stripe_subscription_id = ?",
                            delivery.objectId())
                            .or(() -> metadataTenant(object))
                            .or(() -> byCustomer(object, "customer"));
            case "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed" ->
                    StripeJson.firstString(object, "subscription", "parent.subscription_details.subscription")
                            .flatMap(id -> first("select tenant_id from platform_subscription where stripe_subscription_id = ?", id))
                            .or(() -> StripeJson.firstString(object, "parent.subscription_details.metadata.colmena_tenant_id",
                                    "subscription_details.metadata.colmena_tenant_id").flatMap(this::uuid))
                            .or(() -> byCustomer(object, "customer"));
            case "charge.refunded" -> byCustomer(object, "customer");
            default -> Optional.empty();
        };
    }

    @Override
    public Result handle(StripeDelivery delivery) {
        return switch (delivery.type()) {
            case "checkout.session.completed" -> checkoutCompleted(delivery);
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    subscriptionState(delivery);
            case "invoice.paid", "invoice.payment_succeeded" -> invoicePaid(delivery);
            case "invoice.payment_failed" -> invoiceFailed(delivery);
            case "charge.refunded" -> refunded(delivery);
            default -> Result.ignored(delivery.type() + " has no effect on platform billing");
        };
    }

    private Result checkoutCompleted(StripeDelivery delivery) {
        JsonObject session = delivery.object();
        if (!"subscription".equals(StripeJson.string(session, "mode").orElse(""))) {
            return Result.ignored("Checkout Session " + delivery.objectId() + " is not a plan subscription");
        }
        if (delivery.tenantId() == null) {
            return Result.ignored("Checkout Session " + delivery.objectId() + " belongs to no known tenant");
        }
        String subscriptionId = StripeJson.string(session, "subscription").orElse(null);
        String customerId = StripeJson.string(session, "customer").orElse(null);
        PlatformSubscription subscription = subscriptions.lockByTenantId(delivery.tenantId())
                .orElseGet(() -> new PlatformSubscription(delivery.tenantId(), customerId, clock.instant()));
        subscription.link(subscriptionId, customerId, clock.instant());
        subscriptions.saveAndFlush(subscription);
        return Result.applied("Subscription " + subscriptionId + " linked to tenant " + delivery.tenantId());
    }

    private Result subscriptionState(StripeDelivery delivery) {
        if (delivery.tenantId() == null) {
            return Result.ignored("Subscription " + delivery.objectId() + " belongs to no known tenant");
        }
        StripeSubscription state = StripeSubscription.from(delivery.object());
        PlatformSubscription subscription = subscriptions.lockByTenantId(delivery.tenantId())
                .orElseGet(() -> subscriptions.saveAndFlush(
                        new PlatformSubscription(delivery.tenantId(), state.customerId(), clock.instant())));
        return states.apply(subscription, state, delivery.created(), delivery.stripeEventId());
    }

    private Result invoicePaid(StripeDelivery delivery) {
        JsonObject invoice = delivery.object();
        long amount = StripeJson.number(invoice, "amount_paid").filter(a -> a > 0)
                .or(() -> StripeJson.number(invoice, "total")).orElse(0L);
        String currency = StripeJson.string(invoice, "currency").orElse("usd").toUpperCase(Locale.ROOT);
        int inserted = jdbc.update("""
                insert into platform_payment (stripe_invoice_id, tenant_id, stripe_customer_id, amount_minor, currency,
                                              paid_at, stripe_event_id)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (stripe_invoice_id) do nothing""",
                delivery.objectId(), delivery.tenantId(), StripeJson.string(invoice, "customer").orElse(null),
                Math.max(0, amount), currency,
                Timestamp.from(StripeJson.instant(invoice, "status_transitions.paid_at").orElse(delivery.created())),
                delivery.stripeEventId());
        return inserted == 1
                ? Result.applied("Payment of " + amount + " " + currency + " for " + delivery.objectId() + " recorded")
                : Result.noChange("Payment of " + delivery.objectId() + " was already recorded");
    }

    private Result invoiceFailed(StripeDelivery delivery) {
        if (delivery.tenantId() == null) {
            return Result.ignored("Invoice " + delivery.objectId() + " belongs to no known tenant");
        }
        JsonObject invoice = delivery.object();
        outbox.publish(new PaymentFailed(TenantContext.require(), null, null, delivery.objectId(),
                StripeJson.number(invoice, "amount_due").orElse(0L),
                StripeJson.string(invoice, "currency").orElse("usd").toUpperCase(Locale.ROOT),
                "Stripe could not collect the subscription invoice (attempt "
                        + StripeJson.number(invoice, "attempt_count").orElse(0L) + ")",
                delivery.created()));
        return Result.applied("Subscription payment " + delivery.objectId() + " failed; tenant notified");
    }

    private Result refunded(StripeDelivery delivery) {
        JsonObject charge = delivery.object();
        Optional<String> invoice = StripeJson.string(charge, "invoice");
        if (invoice.isEmpty()) {
            return Result.ignored("Charge " + delivery.objectId() + " is not a subscription payment");
        }
        int updated = jdbc.update("""
                update platform_payment set refunded_minor = ? where stripe_invoice_id = ? and refunded_minor < ?""",
                StripeJson.number(charge, "amount_refunded").orElse(0L), invoice.get(),
                StripeJson.number(charge, "amount_refunded").orElse(0L));
        return updated == 1 ? Result.applied("Refund of " + invoice.get() + " recorded")
                : Result.noChange("Refund of " + invoice.get() + " already recorded or payment unknown");
    }

    private Optional<UUID> metadataTenant(JsonObject object) {
        return StripeJson.string(object, "metadata.colmena_tenant_id").flatMap(this::uuid);
    }

    private Optional<UUID> byCustomer(JsonObject object, String path) {
        return StripeJson.string(object, path)
                .flatMap(customer -> first("select tenant_id from platform_subscription where stripe_customer_id = ?", customer));
    }

    private Optional<UUID> first(String sql, String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<UUID> found = jdbc.queryForList(sql, UUID.class, value);
        return found.stream().findFirst();
    }

    private Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
