package io.colmena.platform.tenancy;

import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link JpaTransactionManager} that tells PostgreSQL which tenant the transaction works for.
 *
 * <p>Right after a transaction begins it runs {@code set_config('app.tenant_id', <tenant>, true)}
 * on the transaction's connection. The setting is transaction-local, so it disappears at commit or
 * rollback and never leaks to the next user of a pooled connection. The row-level security policies
 * of tenant-owned tables (see {@code db/platform/V0_1__platform_foundation.sql},
 * {@code colmena_current_tenant()}) compare {@code tenant_id} with it; with no tenant bound the
 * setting is empty and those tables show no row.
 */
public class TenantAwareJpaTransactionManager extends JpaTransactionManager {

    private static final String BIND_TENANT = "select set_config('app.tenant_id', ?, true)";

    public TenantAwareJpaTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        EntityManagerHolder holder =
                (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        if (holder == null) {
            return;
        }
        String tenant = TenantContext.current().map(UUID::toString).orElse("");
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(BIND_TENANT)) {
                statement.setString(1, tenant);
                statement.execute();
            }
        });
    }
}
