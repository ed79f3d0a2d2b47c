package io.colmena.e2e;

import io.colmena.e2e.stripe.StripeFixtures;

/** The shared Stripe fixtures, found as the demo finds them. */
public final class TestFixtures {

    private TestFixtures() {}

    /** {@code ../shared/fixtures/stripe}. */
    public static StripeFixtures stripe() {
        return new StripeFixtures(Settings.fromEnvironment().stripeFixtures());
    }
}
