package io.colmena.ticket.ticket;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TicketMessageRepository extends JpaRepository<TicketMessage, UUID> {

    Page<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(UUID ticketId, Pageable pageable);

    Page<TicketMessage> findByTicketIdAndInternalFalseOrderByCreatedAtAscIdAsc(UUID ticketId, Pageable pageable);

    /** Moves every message of {@code source} to {@code target}, remembering where each came from. */
    @Modifying(flushAutomatically = true)
    @Query("""
            update TicketMessage m set m.ticketId = :target,
                m.mergedFromTicketId = coalesce(m.mergedFromTicketId, :source)
            where m.ticketId = :source""")
    int moveAll(UUID source, UUID target);
}
