package io.colmena.billing.invoice;

import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.colmena.billing.config.BillingProperties;
import io.colmena.billing.stripe.StripeGateway;
import io.colmena.billing.stripe.StripeGateway.TenantStripe;
import io.colmena.billing.stripe.StripeAccounts;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collecting invoices through the tenant's Stripe account: pay, retry after a failure, and cancel
 * (which also closes an open Checkout Session or PaymentIntent so it can no longer be paid).
 *
 * <p>Each attempt has the Stripe idempotency key {@code invoice-<id>-attempt-<n>}: asking to pay
 * again while attempt n is open repeats the same request and Stripe answers the same session or
 * intent, so a double click or a network retry never creates two ways to pay one invoice. The
 * invoice row is locked for the duration, so concurrent requests serialise.
 */
@Service
class InvoicePayments {

    static final String INVOICE_METADATA = "colmena_invoice_id";
    static final String TENANT_METADATA = "colmena_tenant_id";

    private final InvoiceService invoices;
    private final PaymentAttemptRepository attempts;
    private final StripeAccounts accounts;
    private final StripeGateway stripe;
    private final BillingProperties.Stripe config;
    private final Clock clock;

    InvoicePayments(InvoiceService invoices, PaymentAttemptRepository attempts, StripeAccounts accounts,
                    StripeGateway stripe, BillingProperties properties, Clock clock) {
        this.invoices = invoices;
        this.attempts = attempts;
        this.accounts = accounts;
        this.stripe = stripe;
        this.config = properties.stripe();
        this.clock = clock;
    }

    /** Starts (or repeats) the payment of an open invoice. */
    @Transactional
    PaymentResponse pay(UUID id, PayRequest request) {
        Invoice invoice = payable(id);
        List<PaymentAttempt> history = attempts.findByInvoiceIdOrderByAttemptNumber(id);
        PaymentAttempt.Method method = request.methodOrDefault();
        Optional<PaymentAttempt> open = history.stream().filter(a -> a.status() == PaymentAttempt.Status.OPEN)
                .max(Comparator.comparingInt(PaymentAttempt::attemptNumber));
        TenantStripe account = accounts.credentials();
        if (open.isPresent() && open.get().method() == method) {
            return start(invoice, account, method, open.get().attemptNumber(), request, false);
        }
        open.ifPresent(previous -> close(previous, account, PaymentAttempt.Status.SUPERSEDED));
        return start(invoice, account, method, history.size() + 1, request, true);
    }

    /** After a failed attempt, starts a new one (seed 004's "reintentar cobro"); 409 if nothing failed. */
    @Transactional
    PaymentResponse retry(UUID id, PayRequest request) {
        Invoice invoice = payable(id);
        List<PaymentAttempt> history = attempts.findByInvoiceIdOrderByAttemptNumber(id);
        PaymentAttempt last = history.isEmpty() ? null : history.getLast();
        if (last == null || last.status() != PaymentAttempt.Status.FAILED) {
            throw ProblemException.conflict("nothing-to-retry",
                    "Invoice " + id + " has no failed payment attempt to retry; use /pay to start a payment");
        }
        PayRequest withMethod = request.method() == null
                ? new PayRequest(last.method().name(), request.successUrl(), request.cancelUrl()) : request;
        TenantStripe account = accounts.credentials();
        return start(invoice, account, withMethod.methodOrDefault(), history.size() + 1, withMethod, true);
    }

    /** Cancels an unpaid invoice; an open Stripe attempt is expired or cancelled at Stripe first. */
    @Transactional
    InvoiceResponse cancel(UUID id, String reason) {
        Invoice invoice = invoices.visible(id, true);
        invoice.requireTransition(InvoiceStatus.CANCELLED, "cancel");
        List<PaymentAttempt> history = attempts.findByInvoiceIdOrderByAttemptNumber(id);
        List<PaymentAttempt> open = history.stream().filter(a -> a.status() == PaymentAttempt.Status.OPEN).toList();
        if (!open.isEmpty()) {
            TenantStripe account = accounts.credentials();
            open.forEach(attempt -> close(attempt, account, PaymentAttempt.Status.CANCELLED));
        }
        invoices.cancel(invoice, reason);
        return InvoiceResponse.of(invoice, history);
    }

    private Invoice payable(UUID id) {
        Invoice invoice = invoices.visible(id, true);
        if (!invoice.status().isOpen()) {
            throw ProblemException.conflict("invoice-not-payable",
                            "Invoice " + id + " is " + invoice.status() + "; only PENDING or OVERDUE invoices can be paid")
                    .with("status", invoice.status().name());
        }
        return invoice;
    }

    private PaymentResponse start(Invoice invoice, TenantStripe account, PaymentAttempt.Method method, int number,
                                  PayRequest request, boolean record) {
        String key = "invoice-" + invoice.id() + "-attempt-" + number;
        String currency = invoice.currency().toLowerCase(Locale.ROOT);
        String tenant = TenantContext.require().toString();
        String label = "Invoice " + invoice.number();
        PaymentResponse response;
        String intentId;
        if (method == PaymentAttempt.Method.CHECKOUT) {
            SessionCreateParams params = SessionCreateParams.builder()
                    .setMode(SessionCreateParams.Mode.PAYMENT)
                    .setClientReferenceId(invoice.id().toString())
                    .setSuccessUrl(request.successUrl() != null ? request.successUrl() : config.checkoutSuccessUrl())
                    .setCancelUrl(request.cancelUrl() != null ? request.cancelUrl() : config.checkoutCancelUrl())
                    .setCustomerEmail(invoice.customerEmail())
                    .putMetadata(INVOICE_METADATA, invoice.id().toString())
                    .putMetadata(TENANT_METADATA, tenant)
                    .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                            .setDescription(label)
                            .putMetadata(INVOICE_METADATA, invoice.id().toString())
                            .putMetadata(TENANT_METADATA, tenant).build())
                    .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                            .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                    .setCurrency(currency)
                                    .setUnitAmount(invoice.totalMinor())
                                    .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                            .setName(label).build())
                                    .build())
                            .build())
                    .build();
            Session session = stripe.tenant(account, client ->
                    client.v1().checkout().sessions().create(params, StripeGateway.options(key, account)));
            intentId = session.getPaymentIntent();
            response = new PaymentResponse(number, method.name(), session.getId(), session.getUrl(), null,
                    invoice.totalMinor(), invoice.currency());
        } else {
            PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                    .setAmount(invoice.totalMinor())
                    .setCurrency(currency)
                    .setDescription(label)
                    .setReceiptEmail(invoice.customerEmail())
                    .putMetadata(INVOICE_METADATA, invoice.id().toString())
                    .putMetadata(TENANT_METADATA, tenant)
                    .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                            .setEnabled(true).build())
                    .build();
            PaymentIntent intent = stripe.tenant(account, client ->
                    client.v1().paymentIntents().create(params, StripeGateway.options(key, account)));
            intentId = intent.getId();
            response = new PaymentResponse(number, method.name(), intent.getId(), null, intent.getClientSecret(),
                    invoice.totalMinor(), invoice.currency());
        }
        if (record) {
            attempts.save(new PaymentAttempt(invoice.id(), number, method, response.stripeObjectId(), intentId, key,
                    invoice.totalMinor(), invoice.currency(), response.url(), clock.instant()));
        }
        return response;
    }

    private void close(PaymentAttempt attempt, TenantStripe account, PaymentAttempt.Status closing) {
        String key = attempt.idempotencyKey() + "-close";
        if (attempt.method() == PaymentAttempt.Method.CHECKOUT) {
            stripe.tenant(account, client -> client.v1().checkout().sessions()
                    .expire(attempt.stripeObjectId(), StripeGateway.options(key, account)));
        } else {
            stripe.tenant(account, client -> client.v1().paymentIntents()
                    .cancel(attempt.stripeObjectId(), StripeGateway.options(key, account)));
        }
        attempt.close(closing, clock.instant());
    }
}
