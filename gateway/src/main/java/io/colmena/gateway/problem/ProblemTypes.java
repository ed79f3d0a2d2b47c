package io.colmena.gateway.problem;

import java.net.URI;

/**
 * Stable {@code type} URIs of the problems the gateway itself answers (RFC 9457 §3.1.1). They share
 * the base and slugs of the services' problems ({@code platform-starter}); the gateway adds
 * {@link #SERVICE_UNAVAILABLE}, {@link #GATEWAY_TIMEOUT}, {@link #BAD_GATEWAY},
 * {@link #TENANT_SUSPENDED} and {@link #RATE_LIMITED}. A status without
 * a type of its own uses {@code about:blank} (RFC 9457 §4.2.1).
 */
public final class ProblemTypes {

    /** Base of every type URI. */
    public static final String BASE = "https://colmena.io/problems/";

    /** 503: the service behind the route could not be reached (refused, unknown host, connect timeout). */
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");
    /** 504: the service accepted the request but sent no response headers within the response timeout. */
    public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");
    /** 502: the service closed the connection or answered something that is not HTTP. */
    public static final URI BAD_GATEWAY = of("bad-gateway");
    /** 404: no route and no gateway endpoint serves the path. */
    public static final URI NOT_FOUND = of("not-found");
    /** 405: the path exists but not for this method. */
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    /** 400: the request could not be read. */
    public static final URI BAD_REQUEST = of("bad-request");
    /** 406: no acceptable representation. */
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    /** 413: the body is larger than the gateway accepts. */
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    /** 415: the body's media type is not supported. */
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    /** 401: no bearer token, or one that is not a valid Colmena access token (RFC 6750 §3.1 {@code invalid_token}). */
    public static final URI UNAUTHENTICATED = of("unauthenticated");
    /** 403: the token is valid but does not allow the call (e.g. its tenant is unknown to identity-service). */
    public static final URI FORBIDDEN = of("forbidden");
    /** 403: the token's tenant is SUSPENDED or BANNED; nothing of the API is served to it. */
    public static final URI TENANT_SUSPENDED = of("tenant-suspended");
    /** 429: the caller's token bucket (its plan's rate, or the per-IP limit of the auth endpoints) is empty. */
    public static final URI RATE_LIMITED = of("rate-limited");
    /** 500: a fault in the gateway; the logs under the problem's trace id say more. */
    public static final URI INTERNAL = of("internal");
    /** Any other status: the status code says it all (RFC 9457 §4.2.1). */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    private ProblemTypes() {}

    /** The type URI for {@code slug}. */
    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
