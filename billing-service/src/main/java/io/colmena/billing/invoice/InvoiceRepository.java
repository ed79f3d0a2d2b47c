package io.colmena.billing.invoice;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Invoices of the bound tenant (Hibernate's {@code @TenantId} filter and RLS both apply). */
interface InvoiceRepository extends JpaRepository<Invoice, UUID>, JpaSpecificationExecutor<Invoice> {

    /** The invoice, row-locked until the transaction ends (webhook effects and user actions serialise on it). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(UUID id);

    @Query("select i from Invoice i where i.status = io.colmena.billing.invoice.InvoiceStatus.PENDING "
            + "and i.dueDate < :today order by i.dueDate")
    List<Invoice> findPastDue(LocalDate today);
}
