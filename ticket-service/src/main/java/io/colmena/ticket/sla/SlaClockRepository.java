package io.colmena.ticket.sla;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/** SLA clocks; every change locks the rows first so a request and the breach job never interleave. */
interface SlaClockRepository extends JpaRepository<SlaClock, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<SlaClock> findByTicketIdOrderByKind(UUID ticketId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<SlaClock> findByTicketIdAndKind(UUID ticketId, ClockKind kind);

    List<SlaClock> readByTicketIdOrderByKind(UUID ticketId);
}
