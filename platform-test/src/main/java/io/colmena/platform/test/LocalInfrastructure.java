package io.colmena.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the infrastructure of {@code ./platform infra up} listens, read from the environment that
 * {@code ./platform} exports (see {@code .platform/env}), with the local defaults.
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {}

    /** The Keycloak realm's issuer. */
    public static String issuerUri() {
        return env("COLMENA_ISSUER_URI", "http://localhost:8180/realms/colmena");
    }

    /** Kafka's bootstrap servers. */
    public static String kafkaBootstrapServers() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    }

    /** A JDBC URL for database {@code name} on the local PostgreSQL. */
    public static String jdbcUrl(String name) {
        return "jdbc:postgresql://" + env("COLMENA_DB_HOST", "127.0.0.1") + ":" + env("COLMENA_DB_PORT", "5432")
                + "/" + name;
    }

    /** The repository root (the directory holding the {@code platform} script). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("platform"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run the tests inside the Colmena repository");
        }
        return dir;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
