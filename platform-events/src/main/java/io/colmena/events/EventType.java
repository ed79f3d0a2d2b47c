package io.colmena.events;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the wire knows about one kind of {@link DomainEvent}.
 *
 * <p>Names follow ARCHITECTURE.md §5: the CloudEvents {@code type} is
 * {@code colmena.<service>.<aggregate>.<event>} (for example {@code colmena.billing.invoice.paid})
 * and the topic is the type without its last segment ({@code colmena.billing.invoice}), one topic
 * per producing aggregate. {@code version} names the payload schema and is sent as the
 * CloudEvents {@code dataschema} ({@code urn:colmena:event:<type>:v<version>}).
 *
 * @param type    CloudEvents type, four dot-separated lower-case segments
 * @param version payload schema version, starting at 1
 * @param payload the record class carried as {@code data}
 * @param <E>     the event record
 */
public record EventType<E extends DomainEvent>(String type, int version, Class<E> payload) {

    private static final Pattern TYPE = Pattern.compile("colmena(\\.[a-z][a-z0-9-]*){3}");

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "Event type '" + type + "' must look like colmena.<service>.<aggregate>.<event>");
        }
        if (version < 1) {
            throw new IllegalArgumentException("Event version must be 1 or more, was " + version);
        }
    }

    /** Registers {@code payload} as version 1 of {@code type}. */
    public static <E extends DomainEvent> EventType<E> of(String type, Class<E> payload) {
        return new EventType<>(type, 1, payload);
    }

    /** The Kafka topic: the type without its event segment. */
    public String topic() {
        return type.substring(0, type.lastIndexOf('.'));
    }

    /** The producing service, the type's second segment (the CloudEvents {@code source} is derived from it). */
    public String service() {
        return type.split("\\.")[1];
    }

    /** The CloudEvents {@code dataschema} naming this payload version. */
    public URI dataSchema() {
        return URI.create("urn:colmena:event:" + type + ":v" + version);
    }
}
