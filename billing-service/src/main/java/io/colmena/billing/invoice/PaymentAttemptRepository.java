package io.colmena.billing.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Payment attempts of the bound tenant. */
interface PaymentAttemptRepository extends JpaRepository<PaymentAttempt, UUID> {

    List<PaymentAttempt> findByInvoiceIdOrderByAttemptNumber(UUID invoiceId);

    Optional<PaymentAttempt> findFirstByStripeObjectId(String stripeObjectId);

    Optional<PaymentAttempt> findFirstByPaymentIntentId(String paymentIntentId);
}
