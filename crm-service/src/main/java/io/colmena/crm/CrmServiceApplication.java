package io.colmena.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * crm-service: Customers and contacts, custom fields, interactions, segments, pipelines, stages, opportunities and appointments (a PostgreSQL schema per tenant).
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; see this module's README section in the root README.
 */
@SpringBootApplication
public class CrmServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmServiceApplication.class, args);
    }
}
