package io.colmena.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * catalog-service: Service offerings and client subscriptions, categories, products, variants, attributes, configurator parts, inventory and orders.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; see this module's README section in the root README.
 */
@SpringBootApplication
public class CatalogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogServiceApplication.class, args);
    }
}
