package io.colmena.billing.subscription;

import io.colmena.platform.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies downgrades scheduled for the end of a period once that period has ended (by the service's
 * {@link Clock}), every {@code colmena.billing.scheduled-changes-interval}.
 */
@Component
class ScheduledChangesJob {

    private static final Logger log = LoggerFactory.getLogger(ScheduledChangesJob.class);

    private final PlatformSubscriptionRepository subscriptions;
    private final PlatformSubscriptions service;
    private final Clock clock;

    ScheduledChangesJob(PlatformSubscriptionRepository subscriptions, PlatformSubscriptions service, Clock clock) {
        this.subscriptions = subscriptions;
        this.service = service;
        this.clock = clock;
    }

    /** Answers how many tenants were processed. */
    @Scheduled(fixedDelayString = "${colmena.billing.scheduled-changes-interval}",
            initialDelayString = "${colmena.billing.scheduled-changes-interval}")
    public int run() {
        List<UUID> due = subscriptions.findDueScheduledChanges(clock.instant());
        for (UUID tenant : due) {
            try {
                TenantContext.runAs(tenant, () -> service.applyScheduledChange(tenant));
            } catch (RuntimeException e) {
                log.warn("Applying the scheduled plan change of tenant {} failed; retried next run", tenant, e);
            }
        }
        return due.size();
    }
}
