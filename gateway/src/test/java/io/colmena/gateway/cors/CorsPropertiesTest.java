package io.colmena.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Binding and start-up validation of {@code colmena.gateway.cors.*}. */
class CorsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CorsProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class)
            .withPropertyValues("colmena.gateway.cors.max-age=10m");

    @Test
    void bindsACommaSeparatedListOfOrigins() {
        runner.withPropertyValues("colmena.gateway.cors.allowed-origins=https://app.example.com,http://localhost:5173")
                .run(context -> {
                    CorsProperties cors = context.getBean(CorsProperties.class);
                    assertThat(cors.allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
                    assertThat(cors.maxAge()).isEqualTo(Duration.ofMinutes(10));
                });
    }

    @Test
    void refusesWildcardsPathsAndAnEmptyList() {
        for (String origins : new String[] {"*", "https://app.example.com/", "https://*.example.com", ""}) {
            runner.withPropertyValues("colmena.gateway.cors.allowed-origins=" + origins)
                    .run(context -> assertThat(context).as(origins).hasFailed());
        }
    }
}
