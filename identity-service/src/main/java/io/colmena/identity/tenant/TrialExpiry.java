package io.colmena.identity.tenant;

import io.colmena.platform.tenancy.TenantContext;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends trials: a tenant still in TRIAL after {@code trialEndsAt} becomes ACTIVE on the plan it has
 * (FREE unless billing reported a subscription), with a {@code status-changed} event. Runs every
 * {@code colmena.identity.trial-check-interval} (10 minutes by default); each tenant in its own
 * transaction with that tenant bound, so one failure does not stop the others.
 */
@Component
public class TrialExpiry {

    private static final Logger log = LoggerFactory.getLogger(TrialExpiry.class);

    private final TenantService tenants;
    private final Clock clock;

    public TrialExpiry(TenantService tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Ends every trial that is over; returns how many ended. */
    @Scheduled(initialDelayString = "${colmena.identity.trial-check-interval:PT10M}",
            fixedDelayString = "${colmena.identity.trial-check-interval:PT10M}")
    public int endOverTrials() {
        int ended = 0;
        for (UUID tenant : tenants.trialsEndedBy(clock.instant())) {
            try {
                TenantContext.runAs(tenant, () -> tenants.endTrial(tenant));
                ended++;
            } catch (RuntimeException e) {
                log.error("Could not end the trial of tenant {}", tenant, e);
            }
        }
        return ended;
    }
}
