package io.colmena.billing.invoice;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to pay an invoice ({@code POST /api/invoices/{id}/pay}, {@code POST /api/invoices/{id}/retry});
 * the body is optional.
 *
 * @param method     CHECKOUT (default: a Stripe-hosted page, answered with its {@code url}) or
 *                   PAYMENT_INTENT (answered with a {@code clientSecret} for Stripe.js)
 * @param successUrl where Checkout returns the payer after paying (https URL), default from configuration
 * @param cancelUrl  where Checkout returns a payer who gives up, default from configuration
 */
public record PayRequest(
        @Pattern(regexp = "CHECKOUT|PAYMENT_INTENT", message = "must be CHECKOUT or PAYMENT_INTENT") String method,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String successUrl,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String cancelUrl) {

    PaymentAttempt.Method methodOrDefault() {
        return method == null ? PaymentAttempt.Method.CHECKOUT : PaymentAttempt.Method.valueOf(method);
    }
}
