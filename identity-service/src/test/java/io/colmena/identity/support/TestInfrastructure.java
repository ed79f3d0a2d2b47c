package io.colmena.identity.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.colmena.platform.test.MutableClock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What every identity-service test context gets, the same for all so they share one cached
 * context: SMTP pointed at one GreenMail server on a random port, and a {@link MutableClock} as
 * the service's {@code Clock} (the starter's clock backs off when one exists).
 */
public final class TestInfrastructure {

    private static final GreenMail MAIL = startMail();
    private static final MutableClock CLOCK = new MutableClock();

    private TestInfrastructure() {}

    /** The SMTP server that receives every e-mail the service sends. */
    public static GreenMail mail() {
        return MAIL;
    }

    /** The service's clock. */
    public static MutableClock clock() {
        return CLOCK;
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    /** Registered in {@code META-INF/spring.factories}. */
    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("identity-test", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", MAIL.getSmtp().getPort(),
                    "colmena.events.resubmit-interval", "PT2S",
                    "colmena.events.resubmit-older-than", "PT1S")));
            context.getBeanFactory().registerSingleton("testClock", CLOCK);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
