package io.colmena.billing.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/**
 * One try at collecting an invoice through Stripe: a Checkout Session or a PaymentIntent created on the
 * tenant's Stripe account with the idempotency key {@code invoice-<id>-attempt-<n>}.
 */
@Entity
@Table(name = "payment_attempt")
class PaymentAttempt {

    /** How the payer pays. */
    enum Method { CHECKOUT, PAYMENT_INTENT }

    /** Where the attempt stands. */
    enum Status { OPEN, SUCCEEDED, FAILED, SUPERSEDED, CANCELLED }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID invoiceId;
    private int attemptNumber;

    @Enumerated(EnumType.STRING)
    private Method method;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String stripeObjectId;
    private String paymentIntentId;
    private String idempotencyKey;
    private long amountMinor;
    private String currency;
    private String checkoutUrl;
    private String failureMessage;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected PaymentAttempt() {}

    PaymentAttempt(UUID invoiceId, int attemptNumber, Method method, String stripeObjectId, String paymentIntentId,
                   String idempotencyKey, long amountMinor, String currency, String checkoutUrl, Instant now) {
        this.invoiceId = invoiceId;
        this.attemptNumber = attemptNumber;
        this.method = method;
        this.status = Status.OPEN;
        this.stripeObjectId = stripeObjectId;
        this.paymentIntentId = paymentIntentId;
        this.idempotencyKey = idempotencyKey;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.checkoutUrl = checkoutUrl;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Stripe reported success; a later failure event for the same attempt changes nothing. */
    boolean succeed(String paymentIntentId, Instant now) {
        if (status == Status.SUCCEEDED) {
            return false;
        }
        this.status = Status.SUCCEEDED;
        if (paymentIntentId != null) {
            this.paymentIntentId = paymentIntentId;
        }
        this.updatedAt = now;
        return true;
    }

    /** Stripe reported a failure; ignored once the attempt succeeded (events arrive out of order). */
    boolean fail(String message, Instant now) {
        if (status == Status.SUCCEEDED || status == Status.FAILED) {
            return false;
        }
        this.status = Status.FAILED;
        this.failureMessage = message;
        this.updatedAt = now;
        return true;
    }

    void close(Status closing, Instant now) {
        if (status == Status.OPEN || status == Status.FAILED) {
            this.status = closing;
            this.updatedAt = now;
        }
    }

    UUID id() { return id; }
    UUID invoiceId() { return invoiceId; }
    int attemptNumber() { return attemptNumber; }
    Method method() { return method; }
    Status status() { return status; }
    String stripeObjectId() { return stripeObjectId; }
    String paymentIntentId() { return paymentIntentId; }
    String idempotencyKey() { return idempotencyKey; }
    long amountMinor() { return amountMinor; }
    String currency() { return currency; }
    String checkoutUrl() { return checkoutUrl; }
    String failureMessage() { return failureMessage; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
