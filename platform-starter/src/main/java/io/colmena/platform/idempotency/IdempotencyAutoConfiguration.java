package io.colmena.platform.idempotency;

import io.colmena.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Registers {@link IdempotencyFilter} after Spring Security's filter chain (which binds the tenant). */
@AutoConfiguration
public class IdempotencyAutoConfiguration {

    /** Runs after Spring Security's chain (order -100) so that the tenant is known. */
    static final int ORDER = 10;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock, Problems problems,
            @Value("${colmena.idempotency.retention:PT24H}") Duration retention) {
        IdempotencyStore store = new IdempotencyStore(jdbc, new TransactionTemplate(transactions), clock, retention);
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(handlerMapping, store, problems));
        registration.setOrder(ORDER);
        return registration;
    }
}
