package io.colmena.messaging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * messaging-service: WhatsApp channels, conversations and messages, auto-replies, notification templates, outbound webhooks and realtime events.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; see this module's README section in the root README.
 */
@SpringBootApplication
public class MessagingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MessagingServiceApplication.class, args);
    }
}
