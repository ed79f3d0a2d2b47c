package io.colmena.platform.it;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/** Published when a note is created. */
record NoteCreated(UUID noteId, String text) implements DomainEvent {

    @Override
    public String aggregateId() {
        return noteId.toString();
    }
}
