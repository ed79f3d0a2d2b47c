package io.colmena.gateway.tenant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The listener container for {@link TenantEventsListener}: records are never committed (each
 * gateway instance reads from the latest offset in a throw-away group), and a failing record is
 * not retried (the listener already logs and skips what it cannot read).
 */
@Configuration(proxyBeanMethods = false)
class TenantEventsKafkaConfiguration {

    static final String CONTAINER_FACTORY = "tenantEventsContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> tenantEventsContainerFactory(
            ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        // MANUAL without ever acknowledging: no offset commits, so the throw-away group leaves nothing behind.
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        return factory;
    }
}
