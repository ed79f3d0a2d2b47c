package io.colmena.ticket.sla;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaEventRepository extends JpaRepository<SlaEvent, UUID> {

    List<SlaEvent> findByTicketIdOrderByOccurredAtAscIdAsc(UUID ticketId);
}
