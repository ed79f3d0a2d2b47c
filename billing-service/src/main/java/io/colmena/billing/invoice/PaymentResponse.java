package io.colmena.billing.invoice;

/**
 * What the payer needs to pay ({@code POST /api/invoices/{id}/pay} and {@code /retry}).
 *
 * @param attemptNumber  1 for the first attempt, +1 for each retry
 * @param method         CHECKOUT or PAYMENT_INTENT
 * @param stripeObjectId the Checkout Session ({@code cs_...}) or PaymentIntent ({@code pi_...})
 * @param url            the Stripe Checkout page to send the payer to (CHECKOUT)
 * @param clientSecret   the PaymentIntent's client secret for Stripe.js (PAYMENT_INTENT); never stored
 * @param amountMinor    the amount to pay, in minor units of {@code currency}
 */
public record PaymentResponse(int attemptNumber, String method, String stripeObjectId, String url,
                              String clientSecret, long amountMinor, String currency) {}
