package io.colmena.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Apache Kafka broker (KRaft, one node) run as a separate process from the same
 * Maven Central artifacts {@code ./platform} runs, for tests that must stop and start a broker
 * without disturbing the shared one. Its classpath comes from the file named by
 * {@code COLMENA_KAFKA_CLASSPATH_FILE} (written by {@code ./platform infra up}).
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Path properties;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port, int controllerPort) throws IOException {
        this.directory = directory;
        this.port = port;
        this.properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "auto.create.topics.enable=true",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=1",
                "num.io.threads=2") + "\n");
        run(List.of("kafka.tools.StorageTool", "format", "-t", randomClusterId(), "-c", properties.toString()),
                Duration.ofSeconds(60));
    }

    /** Formats a fresh broker on free ports and starts it; it is stopped and deleted when the test JVM exits. */
    public static KafkaBrokerProcess start() {
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("colmena-kafka-"),
                    freePort(), freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::discard, "colmena-kafka-shutdown"));
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code localhost:<port>}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker (again) on the same ports and data, and waits until it accepts connections. */
    public void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = command(List.of("kafka.Kafka", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("broker.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPort(true, Duration.ofSeconds(90));
        // The listener opens slightly before the broker registers with its controller.
        sleep(Duration.ofSeconds(2));
    }

    /** Stops the broker (SIGTERM, then SIGKILL) and waits until its port is closed. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitPort(false, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the broker and deletes its data. */
    private void discard() {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is harmless; the broker is already stopped.
        }
    }

    private ProcessBuilder command(List<String> mainAndArgs) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4jConfig(), "-cp", classpath()));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).directory(directory.toFile());
    }

    private String log4jConfig() {
        Path config = directory.resolve("log4j2.properties");
        if (!Files.exists(config)) {
            try {
                Files.writeString(config, "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=OUT\n"
                        + "appender.out.type=Console\nappender.out.name=OUT\nappender.out.layout.type=PatternLayout\n"
                        + "appender.out.layout.pattern=%d %p %c{1} %m%n\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config.toString();
    }

    private void run(List<String> mainAndArgs, Duration timeout) throws IOException {
        Process tool = command(mainAndArgs).redirectErrorStream(true)
                .redirectOutput(directory.resolve("tool.log").toFile()).start();
        try {
            if (!tool.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException(mainAndArgs.getFirst() + " failed: "
                        + Files.readString(directory.resolve("tool.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String classpath() {
        Path file = Path.of(LocalInfrastructure.env("COLMENA_KAFKA_CLASSPATH_FILE",
                LocalInfrastructure.repositoryRoot().resolve(".platform/kafka/classpath").toString()));
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("The Kafka broker classpath " + file
                    + " is missing: run './platform infra up' first", e);
        }
    }

    private static String randomClusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private void awaitPort(boolean open, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (open && process != null && !process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited; see " + directory.resolve("broker.log"));
            }
            if (portOpen() == open) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Kafka on port " + port + " did not " + (open ? "open" : "close")
                + " within " + timeout + "; see " + directory.resolve("broker.log"));
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
