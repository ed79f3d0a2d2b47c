package io.colmena.ticket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ticket-service: Support tickets for the client portal: messages, assignment, SLA clocks on business hours, satisfaction ratings.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; endpoints, SLA rules, events and problem types are in ticket-service/README.md.
 */
@SpringBootApplication
public class TicketServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketServiceApplication.class, args);
    }
}
