package io.colmena.ai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ai-service: Assistant sessions, RAG documents and chunks (pgvector), LLM providers and models, agent configurations and usage.
 *
 * <p>Security, tenancy, problem details, the event outbox and observability come from
 * platform-starter; see this module's README section in the root README.
 */
@SpringBootApplication
public class AiServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AiServiceApplication.class, args);
    }
}
