package io.colmena.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.billing.subscription.SubscriptionDtos.ProrationLine;
import io.colmena.events.identity.Plan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-31T00:00:00Z");

    @Test
    void upgradeHalfWayCreditsHalfTheOldPriceAndChargesHalfTheNew() {
        List<ProrationLine> lines = Proration.lines(Plan.STARTER, 2900, Plan.PRO, 9900, START, END,
                Instant.parse("2026-03-16T00:00:00Z"));

        assertThat(lines).extracting(ProrationLine::amountMinor).containsExactly(-1450L, 4950L);
        assertThat(lines.stream().mapToLong(ProrationLine::amountMinor).sum()).isEqualTo(3500);
    }

    @Test
    void partsOfAMinorUnitRoundHalfUp() {
        // one third of the period left: 2900/3 = 966.67 → 967, 9900/3 = 3300
        List<ProrationLine> lines = Proration.lines(Plan.STARTER, 2900, Plan.PRO, 9900, START, END,
                Instant.parse("2026-03-21T00:00:00Z"));

        assertThat(lines).extracting(ProrationLine::amountMinor).containsExactly(-967L, 3300L);
    }

    @Test
    void nothingIsProratedOutsideThePeriod() {
        assertThat(Proration.lines(Plan.STARTER, 2900, Plan.PRO, 9900, START, END, END.plusSeconds(1))).isEmpty();
        assertThat(Proration.lines(Plan.STARTER, 2900, Plan.PRO, 9900, null, END, START)).isEmpty();
    }
}
