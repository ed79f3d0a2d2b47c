package io.colmena.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code colmena-defaults.yml} (virtual threads, JSON logs, health groups, Kafka serialisers,
 * Flyway locations, outbox settings, ...) as the lowest-priority property source, so every service
 * gets the platform's conventions and can still override any of them in its own configuration.
 */
public class ColmenaDefaults implements EnvironmentPostProcessor {

    static final String NAME = "colmena-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(NAME, new ClassPathResource("colmena-defaults.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("colmena-defaults.yml of platform-starter cannot be read", e);
        }
    }
}
