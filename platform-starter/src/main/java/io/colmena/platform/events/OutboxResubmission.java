package io.colmena.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Resends events whose publication is still incomplete after {@code colmena.events.resubmit-older-than}
 * (the broker was down, the send timed out, the service stopped between commit and send), every
 * {@code colmena.events.resubmit-interval}. Resending is safe because consumers are idempotent on
 * the CloudEvents id, which does not change between attempts.
 */
public class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    public OutboxResubmission(IncompleteEventPublications incomplete, Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(initialDelayString = "${colmena.events.resubmit-interval:PT15S}",
            fixedDelayString = "${colmena.events.resubmit-interval:PT15S}")
    public void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resending incomplete event publications failed; will try again: {}", e.getMessage());
        }
    }
}
