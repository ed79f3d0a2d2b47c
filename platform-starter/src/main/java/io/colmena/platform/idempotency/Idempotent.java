package io.colmena.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST endpoint that honours the {@code Idempotency-Key} request header
 * (IETF draft-ietf-httpapi-idempotency-key-header; the same contract as Stripe's API).
 *
 * <p>The first response to a key (2xx or 4xx) is stored for the tenant for
 * {@code colmena.idempotency.retention} (24 h by default) and replayed, with the header
 * {@code Idempotent-Replayed: true}, to every later request with the same key and the same
 * body. The same key with another body or path is a 422 problem; a request arriving while the
 * first is still running is a 409 problem. A 5xx answer is not stored, so the client may retry.
 * Without the header the endpoint behaves normally.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {}
