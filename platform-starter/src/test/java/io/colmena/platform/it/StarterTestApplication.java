package io.colmena.platform.it;

import io.colmena.events.EventCatalog;
import io.colmena.events.EventType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal service built on platform-starter, to test what the starter gives every service. */
@SpringBootApplication
class StarterTestApplication {

    static final EventType<NoteCreated> NOTE_CREATED = EventType.of("colmena.startertest.note.created", NoteCreated.class);

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.standardWith(NOTE_CREATED);
    }
}
