package io.colmena.platform.tenancy;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tenant isolation, twice: Hibernate's {@code @TenantId} discriminator fed by
 * {@link TenantIdentifierResolver}, and PostgreSQL row-level security fed by
 * {@link TenantAwareJpaTransactionManager}.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
public class TenancyAutoConfiguration {

    @Bean
    TenantIdentifierResolver tenantIdentifierResolver() {
        return new TenantIdentifierResolver();
    }

    @Bean
    HibernatePropertiesCustomizer tenantIdentifierResolverCustomizer(TenantIdentifierResolver resolver) {
        return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
    }

    @Bean
    PlatformTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory, ObjectProvider<TransactionManagerCustomizers> customizers) {
        TenantAwareJpaTransactionManager manager = new TenantAwareJpaTransactionManager(entityManagerFactory);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
