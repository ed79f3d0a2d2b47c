package io.colmena.platform.events;

/**
 * A record that can never be processed (not a CloudEvent, a bad id or tenant, data that does not
 * fit its declared type). It is not retried: it goes straight to {@code <topic>.DLT}.
 */
public class UnreadableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
