package io.colmena.billing.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * WireMock standing in for the Stripe API: one server per test JVM on a random port, set as
 * {@code colmena.billing.stripe.api-base} of every test application context (registered in
 * {@code META-INF/spring.factories}, so all integration tests share one context).
 */
public final class StripeStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static WireMockServer server;

    /** The running server. */
    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stripe-stub",
                Map.of("colmena.billing.stripe.api-base", server().baseUrl())));
    }
}
