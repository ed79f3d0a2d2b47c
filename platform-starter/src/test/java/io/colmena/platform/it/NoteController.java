package io.colmena.platform.it;

import io.colmena.platform.idempotency.Idempotent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notes")
class NoteController {

    record NoteRequest(@NotBlank @Size(max = 200) String text, @Size(max = 20) String tag) {}

    record NoteResponse(UUID id, String text, long version) {
        static NoteResponse of(Note note) {
            return new NoteResponse(note.id(), note.text(), note.version());
        }
    }

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @Idempotent
    @PostMapping
    ResponseEntity<NoteResponse> create(@Valid @RequestBody NoteRequest request) {
        Note note = notes.create(request.text(), false);
        return ResponseEntity.created(URI.create("/api/notes/" + note.id())).body(NoteResponse.of(note));
    }

    @GetMapping("/{id}")
    NoteResponse get(@PathVariable UUID id) {
        return NoteResponse.of(notes.get(id));
    }

    /** Fails with an exception whose message must never reach the caller. */
    @GetMapping("/explode")
    NoteResponse explode() {
        throw new IllegalStateException("relation \"secret_table\" does not exist at org.example.Internal");
    }

    @PutMapping("/{id}")
    NoteResponse rename(@PathVariable UUID id, @RequestHeader("If-Match") long version,
                        @Valid @RequestBody NoteRequest request) {
        return NoteResponse.of(notes.rename(id, version, request.text()));
    }
}
