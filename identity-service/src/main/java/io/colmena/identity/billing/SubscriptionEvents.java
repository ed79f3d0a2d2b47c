package io.colmena.identity.billing;

import io.colmena.events.billing.SubscriptionCancelled;
import io.colmena.events.billing.SubscriptionChanged;
import io.colmena.events.identity.Plan;
import io.colmena.identity.tenant.TenantService;
import io.colmena.platform.events.InboundEvents;
import io.colmena.platform.tenancy.TenantContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies billing-service's subscription events ({@code colmena.billing.subscription}) to the
 * tenant's plan, at most once per event ({@link InboundEvents}): {@code subscription.changed} sets
 * its {@code plan} as of {@code changedAt}; {@code subscription.cancelled} sets its fallback plan
 * (FREE when absent) as of {@code endedAt}. The newest of those times wins
 * ({@link TenantService#applyBillingPlan}); a real change publishes
 * {@code colmena.identity.tenant.plan-changed}.
 */
@Component
public class SubscriptionEvents {

    static final String CONSUMER = "identity-service.plan-sync";
    static final String TOPIC = "colmena.billing.subscription";

    private final InboundEvents inbound;
    private final TenantService tenants;

    public SubscriptionEvents(InboundEvents inbound, TenantService tenants) {
        this.inbound = inbound;
        this.tenants = tenants;
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, CONSUMER, event -> {
            switch (event.data()) {
                // The payload's tenant is bound too, so the plan-changed event carries it even if
                // the producer left the CloudEvents tenantid extension out.
                case SubscriptionChanged changed -> TenantContext.runAs(changed.tenantId(), () ->
                        tenants.applyBillingPlan(changed.tenantId(), changed.plan(), changed.changedAt()));
                case SubscriptionCancelled cancelled -> TenantContext.runAs(cancelled.tenantId(), () ->
                        tenants.applyBillingPlan(cancelled.tenantId(),
                                cancelled.plan() == null ? Plan.FREE : cancelled.plan(), cancelled.endedAt()));
                default -> {
                    // Other subscription events do not concern the plan.
                }
            }
        });
    }
}
