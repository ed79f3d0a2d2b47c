package io.colmena.platform.events;

/** CloudEvents extension attributes Colmena sets (names: lower-case letters and digits, CloudEvents 1.0 §3.1.1). */
public final class CloudEventAttributes {

    /** The tenant the event belongs to (a UUID), absent for platform-level events. */
    public static final String TENANT_ID = "tenantid";

    /** W3C trace context of the publishing request (CloudEvents distributed-tracing extension). */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventAttributes() {}
}
