package io.colmena.billing.invoice;

import io.colmena.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks PENDING invoices whose due date (UTC) has passed by the service's {@link java.time.Clock} as
 * OVERDUE, publishing {@code InvoiceOverdue} for reminders. Runs every
 * {@code colmena.billing.overdue-check-interval}; walks the tenants in {@code billing_tenant}, binding
 * each before its own transaction so row-level security applies. Several replicas may run it at once:
 * the invoice rows are updated under optimistic locking, so an invoice is marked (and announced) once.
 */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final InvoiceService invoices;
    private final JdbcTemplate jdbc;

    OverdueJob(InvoiceService invoices, JdbcTemplate jdbc) {
        this.invoices = invoices;
        this.jdbc = jdbc;
    }

    /** Runs once over every tenant; answers how many invoices became OVERDUE. */
    @Scheduled(fixedDelayString = "${colmena.billing.overdue-check-interval}",
            initialDelayString = "${colmena.billing.overdue-check-interval}")
    public int run() {
        List<UUID> tenants = jdbc.queryForList("select tenant_id from billing_tenant order by tenant_id", UUID.class);
        int marked = 0;
        for (UUID tenant : tenants) {
            try {
                marked += TenantContext.callAs(tenant, invoices::markOverdue);
            } catch (RuntimeException e) {
                log.warn("Overdue check failed for tenant {}; it is retried on the next run", tenant, e);
            }
        }
        if (marked > 0) {
            log.info("Marked {} invoices OVERDUE", marked);
        }
        return marked;
    }
}
