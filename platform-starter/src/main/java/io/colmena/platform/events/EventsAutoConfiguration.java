package io.colmena.platform.events;

import io.colmena.events.EventCatalog;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event backbone: {@link EventOutbox} to publish, {@link CloudEventKafkaRelay} and
 * {@link OutboxResubmission} to deliver, {@link InboundEvents} to consume idempotently, and the
 * Kafka listener error handler that retries a failing record with exponential backoff and then
 * publishes it to {@code <topic>.DLT} (same key, original headers plus Spring Kafka's
 * {@code kafka_dlt-*} exception headers).
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(ColmenaEventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCatalog eventCatalog() {
        return EventCatalog.standard();
    }

    @Bean
    EventOutbox eventOutbox(ApplicationEventPublisher publisher, EventCatalog catalog, JsonMapper jsonMapper,
                            Clock clock, @Value("${spring.application.name}") String source,
                            ObjectProvider<Tracer> tracer) {
        return new EventOutbox(publisher, catalog, jsonMapper, clock, source, tracer);
    }

    @Bean
    CloudEventKafkaRelay cloudEventKafkaRelay(KafkaTemplate<String, byte[]> kafka, ColmenaEventsProperties properties) {
        return new CloudEventKafkaRelay(kafka, properties.sendTimeout());
    }

    @Bean
    OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete, ColmenaEventsProperties properties) {
        return new OutboxResubmission(incomplete, properties.resubmitOlderThan());
    }

    @Bean
    InboundEvents inboundEvents(EventCatalog catalog, JsonMapper jsonMapper, PlatformTransactionManager transactions,
                                JdbcTemplate jdbc) {
        return new InboundEvents(catalog, jsonMapper, new TransactionTemplate(transactions), jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, ColmenaEventsProperties properties) {
        DeadLetterPublishingRecoverer toDeadLetterTopic = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
        backOff.setInitialInterval(properties.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetterTopic, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }
}
