package io.colmena.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket's answer to one request.
 *
 * @param allowed whether a token was taken and the request may go on
 * @param remaining whole tokens left after this request (0 when refused)
 * @param retryAfter when refused, how long until a token is available; {@link Duration#ZERO} when allowed
 */
public record Allowance(boolean allowed, long remaining, Duration retryAfter) {
}
