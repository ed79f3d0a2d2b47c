package io.colmena.platform.it;

import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class NoteService {

    private final NoteRepository notes;
    private final EventOutbox outbox;

    NoteService(NoteRepository notes, EventOutbox outbox) {
        this.notes = notes;
        this.outbox = outbox;
    }

    /** Creates a note and publishes {@link NoteCreated}; {@code failAfterPublishing} rolls both back. */
    @Transactional
    Note create(String text, boolean failAfterPublishing) {
        Note note = notes.save(new Note(text));
        outbox.publish(new NoteCreated(note.id(), text));
        if (failAfterPublishing) {
            throw new IllegalStateException("failing on purpose after publishing");
        }
        return note;
    }

    @Transactional(readOnly = true)
    Note get(UUID id) {
        return notes.findById(id).orElseThrow(() -> ProblemException.notFound("Note", id));
    }

    @Transactional
    Note rename(UUID id, long expectedVersion, String text) {
        Note note = get(id);
        if (note.version() != expectedVersion) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Note.class, id);
        }
        note.rename(text);
        return notes.saveAndFlush(note);
    }
}
