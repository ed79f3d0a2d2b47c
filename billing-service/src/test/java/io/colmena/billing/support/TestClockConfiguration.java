package io.colmena.billing.support;

import io.colmena.platform.test.MutableClock;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces the starter's {@link Clock} with a {@link MutableClock} in every test context (picked up by
 * component scanning of {@code io.colmena.billing}; the starter's clock is conditional on a missing bean).
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
