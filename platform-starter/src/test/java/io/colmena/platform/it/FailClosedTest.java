package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.platform.security.SecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service whose token settings are missing refuses to start instead of accepting unchecked tokens. */
class FailClosedTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class));

    @Test
    void withoutAnIssuerTheContextDoesNotStart() {
        runner.withPropertyValues("colmena.security.audience=colmena-api")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("issuer-uri"));
    }

    @Test
    void withoutAnAudienceTheContextDoesNotStart() {
        runner.withPropertyValues("colmena.security.issuer-uri=http://localhost:8180/realms/colmena")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("audience"));
    }
}
