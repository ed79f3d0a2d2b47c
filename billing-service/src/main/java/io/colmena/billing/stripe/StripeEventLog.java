package io.colmena.billing.stripe;

import io.colmena.billing.web.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the Stripe event log ({@code stripe_event}), newest first. */
@Component
class StripeEventLog {

    private final JdbcTemplate jdbc;

    StripeEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of events.
     *
     * @param tenantId only this tenant's events, or all when {@code null}
     * @param type     only this Stripe type, or all
     * @param outcome  only this outcome, or all
     */
    PageResponse<StripeEventResponse> find(UUID tenantId, String type, String outcome, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (tenantId != null) {
            where.append(" and tenant_id = ?");
            args.add(tenantId);
        }
        if (type != null && !type.isBlank()) {
            where.append(" and type = ?");
            args.add(type);
        }
        if (outcome != null && !outcome.isBlank()) {
            where.append(" and outcome = ?");
            args.add(outcome);
        }
        long total = jdbc.queryForObject("select count(*) from stripe_event" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<StripeEventResponse> content = jdbc.query("""
                select id, stripe_event_id, type, account_key, tenant_id, livemode, api_version, object_id,
                       stripe_created, received_at, outcome, detail
                from stripe_event""" + where + " order by received_at desc, id desc limit ? offset ?",
                StripeEventLog::map, pageArgs.toArray());
        return new PageResponse<>(content, new PageResponse.PageMeta(page, size, total,
                (int) ((total + size - 1) / size)));
    }

    private static StripeEventResponse map(ResultSet rs, int row) throws SQLException {
        return new StripeEventResponse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12));
    }
}
