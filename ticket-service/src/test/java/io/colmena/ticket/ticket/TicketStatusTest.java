package io.colmena.ticket.ticket;

import static io.colmena.ticket.ticket.TicketStatus.CLOSED;
import static io.colmena.ticket.ticket.TicketStatus.IN_PROGRESS;
import static io.colmena.ticket.ticket.TicketStatus.OPEN;
import static io.colmena.ticket.ticket.TicketStatus.RESOLVED;
import static io.colmena.ticket.ticket.TicketStatus.WAITING_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @Test
    void theTransitionTableIsExactlyTheDocumentedOne() {
        assertThat(OPEN.allowedNext()).containsExactly(IN_PROGRESS, WAITING_CLIENT, RESOLVED, CLOSED);
        assertThat(IN_PROGRESS.allowedNext()).containsExactly(WAITING_CLIENT, RESOLVED, CLOSED);
        assertThat(WAITING_CLIENT.allowedNext()).containsExactly(IN_PROGRESS, RESOLVED, CLOSED);
        assertThat(RESOLVED.allowedNext()).containsExactly(IN_PROGRESS, CLOSED);
        assertThat(CLOSED.allowedNext()).isEmpty();
    }

    @Test
    void noStatusMovesToItselfOrBackToOpen() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.canMoveTo(status)).isFalse();
            assertThat(status.canMoveTo(OPEN)).isFalse();
        }
    }

    @Test
    void theAllowedSetIsACopyCallersCannotChange() {
        OPEN.allowedNext().clear();
        assertThat(OPEN.canMoveTo(IN_PROGRESS)).isTrue();
    }
}
