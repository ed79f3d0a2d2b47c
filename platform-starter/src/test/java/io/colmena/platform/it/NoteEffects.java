package io.colmena.platform.it;

import io.colmena.platform.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A consumer of {@link NoteCreated} whose effect is one row in {@code note_effect} per event. */
@Component
class NoteEffects {

    static final String CONSUMER = "starter-test.note-effect";

    private final InboundEvents inbound;
    private final JdbcTemplate jdbc;

    NoteEffects(InboundEvents inbound, JdbcTemplate jdbc) {
        this.inbound = inbound;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "colmena.startertest.note", groupId = "starter-test")
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, CONSUMER, event -> {
            NoteCreated created = (NoteCreated) event.data();
            if (created.text().startsWith("poison")) {
                throw new IllegalStateException("this effect always fails");
            }
            jdbc.update("insert into note_effect (event_id, note_id, tenant_id) values (?, ?, ?)",
                    event.id(), created.noteId(), event.tenantId());
        });
    }
}
