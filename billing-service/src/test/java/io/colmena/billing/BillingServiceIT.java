package io.colmena.billing;

import io.colmena.platform.test.ServiceFoundationTests;

/**
 * billing-service boots against the local infrastructure with everything platform-starter promises
 * (its context is the one the other integration tests share: WireMock Stripe and the test clock come
 * from {@code META-INF/spring.factories} and component scanning).
 */
class BillingServiceIT extends ServiceFoundationTests {}
