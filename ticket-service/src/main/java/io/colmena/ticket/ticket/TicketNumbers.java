package io.colmena.ticket.ticket;

import io.colmena.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-tenant ticket numbers (1, 2, 3, ... shown as TCK-000001): one counter row per tenant, bumped by an
 * upsert that locks the row until the creating transaction ends, so numbers are unique and, except
 * for rolled-back creations, gap-free.
 */
@Component
class TicketNumbers {

    private final JdbcTemplate jdbc;

    TicketNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long next() {
        Long value = jdbc.queryForObject("""
                insert into ticket_number_sequence (tenant_id, last_value) values (?, 1)
                on conflict (tenant_id) do update set last_value = ticket_number_sequence.last_value + 1
                returning last_value""", Long.class, TenantContext.require());
        return value == null ? 1 : value;
    }
}
