package io.colmena.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * billing-service: invoices a tenant issues to its customers, their Stripe payments and webhooks,
 * tenants' platform subscriptions to Colmena and revenue metrics.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; {@code billing-service/README.md} maps the module.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class BillingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingServiceApplication.class, args);
    }
}
