package io.colmena.platform.web;

import java.net.URI;

/**
 * Stable {@code type} URIs of Colmena's problems (RFC 9457 §3.1.1). Clients may switch on them;
 * they never change meaning. {@code docs/problems.md} lists each one.
 */
public final class ProblemTypes {

    /** Base of every type URI. */
    public static final String BASE = "https://colmena.io/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_BODY = of("malformed-body");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI CONCURRENT_MODIFICATION = of("concurrent-modification");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI UNAUTHENTICATED = of("unauthenticated");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI IDEMPOTENCY_KEY_IN_FLIGHT = of("idempotency-key-in-flight");
    public static final URI INVALID_IDEMPOTENCY_KEY = of("invalid-idempotency-key");
    public static final URI DATA_CONFLICT = of("data-conflict");
    public static final URI INTERNAL = of("internal");
    public static final URI BAD_REQUEST = of("bad-request");

    private ProblemTypes() {}

    /** The type URI for {@code slug}. */
    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
