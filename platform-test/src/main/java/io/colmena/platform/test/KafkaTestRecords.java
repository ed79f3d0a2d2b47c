package io.colmena.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw Kafka records in tests, outside the service under test. */
public final class KafkaTestRecords {

    private KafkaTestRecords() {}

    /** All records of {@code topic} matching {@code filter}, read from the beginning until {@code quiet} passes without a new match. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic,
                                                               Predicate<ConsumerRecord<String, byte[]>> filter,
                                                               Duration quiet) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plus(quiet);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (filter.test(record)) {
                        found.add(record);
                        until = Instant.now().plus(quiet);
                    }
                }
            }
        }
        return found;
    }

    /** The first record of {@code topic} matching {@code filter}, waiting up to {@code timeout}. */
    public static Optional<ConsumerRecord<String, byte[]>> await(String bootstrapServers, String topic,
                                                                 Predicate<ConsumerRecord<String, byte[]>> filter,
                                                                 Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plus(timeout);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (filter.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Sends {@code record} and waits for the acknowledgement. */
    public static void send(String bootstrapServers, ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Sending a test record to " + record.topic() + " failed", e);
        }
    }

    /** The value of header {@code name}, as UTF-8 text. */
    public static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
