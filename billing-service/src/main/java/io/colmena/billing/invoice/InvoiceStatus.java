package io.colmena.billing.invoice;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an invoice and its only allowed transitions:
 *
 * <pre>
 * DRAFT ──issue──▶ PENDING ──paid (Stripe)──▶ PAID
 *   │                 │  └──due date passed──▶ OVERDUE ──paid (Stripe)──▶ PAID
 *   └──cancel──▶ CANCELLED ◀──cancel──┴────────────┘
 * </pre>
 *
 * PAID and CANCELLED are final: a paid invoice never goes back, whatever Stripe event arrives late.
 */
public enum InvoiceStatus {
    DRAFT, PENDING, PAID, OVERDUE, CANCELLED;

    /** The states this one may move to. */
    public Set<InvoiceStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING, CANCELLED);
            case PENDING -> EnumSet.of(PAID, OVERDUE, CANCELLED);
            case OVERDUE -> EnumSet.of(PAID, CANCELLED);
            case PAID, CANCELLED -> EnumSet.noneOf(InvoiceStatus.class);
        };
    }

    /** Whether the invoice is issued and still owed (payable, retryable). */
    public boolean isOpen() {
        return this == PENDING || this == OVERDUE;
    }
}
