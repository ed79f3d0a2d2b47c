package io.colmena.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * infra-service: Custom domains, nodes, containers, deployments, tunnels, platform settings and operational logs.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; see this module's README section in the root README.
 */
@SpringBootApplication
public class InfraServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InfraServiceApplication.class, args);
    }
}
