package io.colmena.billing.metrics;

import io.colmena.billing.money.Money;
import io.colmena.billing.metrics.MetricsResponse.Churn;
import io.colmena.billing.metrics.MetricsResponse.MonthRevenue;
import io.colmena.billing.metrics.MetricsResponse.Movement;
import io.colmena.billing.metrics.MetricsResponse.MovementTotals;
import io.colmena.billing.metrics.MetricsResponse.PlanBreakdown;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link MetricsResponse} from the platform tables: {@code platform_subscription} (MRR now,
 * by plan), {@code mrr_movement} (the ledger: churn and movements) and {@code platform_payment}
 * (revenue by month). Integer arithmetic only.
 */
@Service
class RevenueMetrics {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RevenueMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    MetricsResponse compute(String currency, Instant from, Instant to, int months) {
        Instant now = clock.instant();
        long mrr = number("select coalesce(sum(mrr_minor), 0) from platform_subscription "
                + "where currency = ? and status in ('active', 'past_due')", currency);
        long paying = number("select count(*) from platform_subscription "
                + "where currency = ? and status in ('active', 'past_due') and mrr_minor > 0", currency);
        long ledger = number("select coalesce(sum(delta_minor), 0) from mrr_movement where currency = ?", currency);
        long atStart = number("""
                select count(*) from (
                    select distinct on (stripe_subscription_id) mrr_after_minor from mrr_movement
                    where currency = ? and occurred_at < ?
                    order by stripe_subscription_id, occurred_at desc, id desc) last_state
                where mrr_after_minor > 0""", currency, Timestamp.from(from));
        long churned = number("select count(distinct stripe_subscription_id) from mrr_movement "
                + "where currency = ? and kind = 'CHURN' and occurred_at >= ? and occurred_at < ?",
                currency, Timestamp.from(from), Timestamp.from(to));
        long churnedMrr = -number("select coalesce(sum(delta_minor), 0) from mrr_movement "
                + "where currency = ? and kind = 'CHURN' and occurred_at >= ? and occurred_at < ?",
                currency, Timestamp.from(from), Timestamp.from(to));
        Churn churn = new Churn(atStart, churned,
                atStart == 0 ? 0 : Money.divideHalfUp(Money.multiply(churned, Money.BASIS_POINTS), atStart), churnedMrr);
        return new MetricsResponse(currency, now, from, to, mrr, Money.multiply(mrr, 12), paying, ledger, churn,
                revenue(currency, months, now), byPlan(currency), totals(currency, from, to),
                movements(currency, from, to));
    }

    private List<MonthRevenue> revenue(String currency, int months, Instant now) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth first = last.minusMonths(months - 1L);
        Map<String, long[]> byMonth = new HashMap<>();
        jdbc.query("""
                select to_char(date_trunc('month', paid_at at time zone 'UTC'), 'YYYY-MM'),
                       sum(amount_minor), sum(refunded_minor)
                from platform_payment where currency = ? and paid_at >= ? and paid_at < ?
                group by 1""", rs -> {
            byMonth.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, currency, Timestamp.from(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        List<MonthRevenue> result = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long[] sums = byMonth.getOrDefault(month.toString(), new long[2]);
            result.add(new MonthRevenue(month.toString(), sums[0], sums[1], sums[0] - sums[1]));
        }
        return result;
    }

    private List<PlanBreakdown> byPlan(String currency) {
        return jdbc.query("""
                select plan, count(*), sum(mrr_minor) from platform_subscription
                where currency = ? and status in ('active', 'past_due') and mrr_minor > 0
                group by plan order by plan""",
                (rs, i) -> new PlanBreakdown(rs.getString(1), rs.getLong(2), rs.getLong(3)), currency);
    }

    private MovementTotals totals(String currency, Instant from, Instant to) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.query("select kind, sum(delta_minor) from mrr_movement where currency = ? and occurred_at >= ? "
                + "and occurred_at < ? group by kind", rs -> {
            sums.put(rs.getString(1), rs.getLong(2));
        }, currency, Timestamp.from(from), Timestamp.from(to));
        long net = sums.values().stream().mapToLong(Long::longValue).sum();
        return new MovementTotals(sums.getOrDefault("NEW", 0L), sums.getOrDefault("EXPANSION", 0L),
                sums.getOrDefault("CONTRACTION", 0L), sums.getOrDefault("CHURN", 0L),
                sums.getOrDefault("REACTIVATION", 0L), net);
    }

    private List<Movement> movements(String currency, Instant from, Instant to) {
        return jdbc.query("""
                select id, kind, tenant_id, stripe_subscription_id, plan_before, plan_after, mrr_before_minor,
                       mrr_after_minor, delta_minor, occurred_at, stripe_event_id, published_event_id
                from mrr_movement where currency = ? and occurred_at >= ? and occurred_at < ?
                order by occurred_at, id limit 500""",
                (rs, i) -> new Movement(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getObject(12, UUID.class)),
                currency, Timestamp.from(from), Timestamp.from(to));
    }

    private long number(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
