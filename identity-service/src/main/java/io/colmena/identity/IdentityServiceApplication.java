package io.colmena.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * identity-service: Tenants, plans and limits, users, roles, invitations and partner clients; Keycloak holds credentials and sessions.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; endpoints, permissions, events and configuration are in identity-service/README.md.
 */
@SpringBootApplication
public class IdentityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServiceApplication.class, args);
    }
}
