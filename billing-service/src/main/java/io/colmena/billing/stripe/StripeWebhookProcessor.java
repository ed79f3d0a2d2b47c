package io.colmena.billing.stripe;

import com.google.gson.JsonObject;
import com.stripe.model.Event;
import io.colmena.billing.stripe.StripeEventHandler.Outcome;
import io.colmena.billing.stripe.StripeEventHandler.Result;
import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a verified Stripe event exactly once.
 *
 * <p>Routing happens first, outside any transaction: the endpoint (or a Connect event's
 * {@code account}) names the tenant; for Colmena's own events the handler finds the tenant from
 * Stripe ids. The tenant is then bound ({@link TenantContext}) and one transaction inserts the event
 * into {@code stripe_event} — unique on (Stripe event id, account) — and applies its effect. A
 * redelivery inserts nothing and changes nothing; a concurrent redelivery waits on the unique index
 * until the first commits, then does the same. If the effect fails, both roll back and the non-2xx
 * answer makes Stripe deliver again.
 */
@Component
class StripeWebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookProcessor.class);

    private static final String INSERT = """
            insert into stripe_event (id, stripe_event_id, account_key, tenant_id, type, livemode, api_version, object_id,
                                      stripe_created, received_at, outcome, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', null)
            on conflict (stripe_event_id, account_key) do nothing""";

    private final Map<StripeDelivery.Scope, Map<String, StripeEventHandler>> handlers =
            new EnumMap<>(StripeDelivery.Scope.class);
    private final Set<String> knownTypes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StripeWebhookProcessor(List<StripeEventHandler> handlerBeans, JdbcTemplate jdbc,
                           PlatformTransactionManager transactionManager, Clock clock) {
        for (StripeEventHandler handler : handlerBeans) {
            Map<String, StripeEventHandler> byType = handlers.computeIfAbsent(handler.scope(), s -> new HashMap<>());
            for (String type : handler.types()) {
                if (byType.putIfAbsent(type, handler) != null) {
                    throw new IllegalStateException("Two handlers take " + handler.scope() + " " + type);
                }
            }
        }
        this.knownTypes = handlerBeans.stream().flatMap(h -> h.types().stream()).collect(Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Where an event goes.
     *
     * @param scope      whose account it comes from
     * @param tenantId   the tenant, when the endpoint or the Connect account names it
     * @param accountKey the account part of the event's unique key ({@code platform}, {@code acct_...}, {@code tenant:<id>})
     * @param routable   false for a Connect event of an account no tenant connected
     */
    record Route(StripeDelivery.Scope scope, UUID tenantId, String accountKey, boolean routable) {}

    /**
     * What happened to one delivery.
     *
     * @param duplicate whether the event id had been processed before (nothing was done this time)
     */
    record Receipt(String stripeEventId, boolean duplicate, Outcome outcome, String detail) {}

    Receipt process(Event event, Route route) {
        JsonObject raw = event.getRawJsonObject();
        JsonObject data = StripeJson.object(raw, "data").orElseGet(JsonObject::new);
        JsonObject object = StripeJson.object(data, "object").orElseGet(JsonObject::new);
        JsonObject previous = StripeJson.object(data, "previous_attributes").orElseGet(JsonObject::new);
        StripeDelivery delivery = new StripeDelivery(event.getId(), event.getType(), route.scope(), route.tenantId(),
                Boolean.TRUE.equals(event.getLivemode()), Instant.ofEpochSecond(event.getCreated()), object, previous);
        StripeEventHandler handler = route.routable()
                ? handlers.getOrDefault(route.scope(), Map.of()).get(event.getType()) : null;
        UUID tenant = handler == null ? route.tenantId() : handler.resolveTenant(delivery).orElse(null);
        StripeDelivery routed = delivery.withTenant(tenant);
        Receipt receipt = TenantContext.callAs(tenant, () -> transactions.execute(status -> {
            UUID rowId = UUID.randomUUID();
            int inserted = jdbc.update(INSERT, rowId, event.getId(), route.accountKey(), tenant, event.getType(),
                    routed.livemode(), event.getApiVersion(), routed.objectId(), Timestamp.from(routed.created()),
                    Timestamp.from(clock.instant()));
            if (inserted == 0) {
                return new Receipt(event.getId(), true, null, "already processed");
            }
            Result result = apply(handler, routed, route);
            jdbc.update("update stripe_event set outcome = ?, detail = ? where id = ?", result.outcome().name(),
                    truncate(result.detail()), rowId);
            return new Receipt(event.getId(), false, result.outcome(), result.detail());
        }));
        log.debug("Stripe event {} {} for {}: {}", event.getId(), event.getType(), route.accountKey(),
                receipt.duplicate() ? "duplicate" : receipt.outcome());
        return receipt;
    }

    private Result apply(StripeEventHandler handler, StripeDelivery delivery, Route route) {
        if (!route.routable()) {
            return new Result(Outcome.UNROUTABLE, "No tenant connected Stripe account " + route.accountKey());
        }
        if (handler == null) {
            return knownTypes.contains(delivery.type())
                    ? Result.ignored(delivery.type() + " is not used for " + delivery.scope().name().toLowerCase()
                            + " accounts")
                    : new Result(Outcome.UNKNOWN_TYPE, delivery.type() + " is not handled by billing-service");
        }
        return handler.handle(delivery);
    }

    private static String truncate(String detail) {
        return Optional.ofNullable(detail).map(d -> d.length() > 1000 ? d.substring(0, 1000) : d).orElse(null);
    }
}
