package io.colmena.platform.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery settings of the event backbone ({@code colmena.events.*}).
 *
 * @param sendTimeout        how long the relay waits for the broker's acknowledgement of one event
 * @param resubmitInterval   how often incomplete outbox entries are looked for
 * @param resubmitOlderThan  how old an incomplete entry must be before it is resent
 * @param maxRetries         redeliveries of a failing record before it goes to {@code <topic>.DLT}
 * @param initialBackoff     wait before the first redelivery; doubled each time
 * @param maxBackoff         longest wait between redeliveries
 */
@Validated
@ConfigurationProperties("colmena.events")
public record ColmenaEventsProperties(
        @NotNull @DefaultValue("PT10S") Duration sendTimeout,
        @NotNull @DefaultValue("PT15S") Duration resubmitInterval,
        @NotNull @DefaultValue("PT15S") Duration resubmitOlderThan,
        @Min(0) @DefaultValue("3") int maxRetries,
        @NotNull @DefaultValue("PT0.5S") Duration initialBackoff,
        @NotNull @DefaultValue("PT5S") Duration maxBackoff) {}
