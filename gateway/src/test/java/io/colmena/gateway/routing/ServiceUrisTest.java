package io.colmena.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Binding and start-up validation of {@code colmena.gateway.services.*}. */
class ServiceUrisTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServiceUris.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class)
            .withPropertyValues(
                    "colmena.gateway.services.identity=http://localhost:8081",
                    "colmena.gateway.services.crm=http://localhost:8082",
                    "colmena.gateway.services.ticket=http://localhost:8083",
                    "colmena.gateway.services.billing=http://billing-service:8084",
                    "colmena.gateway.services.catalog=http://localhost:8085",
                    "colmena.gateway.services.messaging=http://localhost:8086",
                    "colmena.gateway.services.ai=https://ai.internal",
                    "colmena.gateway.services.infra=http://localhost:8088/");

    @Test
    void bindsEveryServiceAndLooksThemUpByService() {
        runner.run(context -> {
            ServiceUris uris = context.getBean(ServiceUris.class);
            assertThat(uris.of(ColmenaService.BILLING)).isEqualTo(URI.create("http://billing-service:8084"));
            assertThat(uris.of(ColmenaService.AI)).isEqualTo(URI.create("https://ai.internal"));
            for (ColmenaService service : ColmenaService.values()) {
                assertThat(uris.of(service)).as(service.id()).isNotNull();
            }
        });
    }

    @Test
    void refusesToStartWhenAServiceIsMissing() {
        runner.withPropertyValues("colmena.gateway.services.ticket=")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("ticket"));
    }

    @Test
    void refusesAUriWithAPathOrAnotherScheme() {
        runner.withPropertyValues("colmena.gateway.services.crm=http://localhost:8082/api")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("crm"));
        runner.withPropertyValues("colmena.gateway.services.crm=ftp://localhost:8082")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("colmena.gateway.services.crm=localhost:8082")
                .run(context -> assertThat(context).hasFailed());
    }
}
