package io.colmena.ticket.ticket;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketRepository extends JpaRepository<Ticket, UUID> {}
