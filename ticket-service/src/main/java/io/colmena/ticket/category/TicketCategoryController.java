package io.colmena.ticket.category;

import io.colmena.ticket.support.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenant-defined ticket categories under {@code /api/tickets/categories}. Every tenant user reads
 * them (the portal's "new ticket" form lists them); OWNER and ADMIN manage them. Updates need
 * {@code If-Match} with the category's ETag (428 without it, 409 when stale).
 */
@RestController
@RequestMapping("/api/tickets/categories")
@Tag(name = "Ticket categories")
class TicketCategoryController {

    record CategoryRequest(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description) {}

    record CategoryUpdateRequest(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description,
                                 @NotNull Boolean active) {}

    /** A category; {@code version} is also sent as the ETag. */
    record CategoryResponse(UUID id, String name, String description, boolean active, Instant createdAt, long version) {

        static CategoryResponse of(TicketCategory category) {
            return new CategoryResponse(category.id(), category.name(), category.description(), category.active(),
                    category.createdAt(), category.version());
        }
    }

    private final TicketCategories categories;

    TicketCategoryController(TicketCategories categories) {
        this.categories = categories;
    }

    /** All categories of the tenant, by name (inactive ones included, flagged). */
    @Operation(summary = "List categories")
    @GetMapping
    public List<CategoryResponse> list() {
        return categories.all().stream().map(CategoryResponse::of).toList();
    }

    /** One category; 404 when unknown in this tenant. */
    @Operation(summary = "Read a category")
    @GetMapping("/{id}")
    public ResponseEntity<CategoryResponse> get(@PathVariable UUID id) {
        TicketCategory category = categories.get(id);
        return ResponseEntity.ok().eTag(ETags.of(category.version())).body(CategoryResponse.of(category));
    }

    /** Creates a category (201 with Location); 409 {@code data-conflict} when the name exists (case-insensitive). */
    @Operation(summary = "Create a category (OWNER, ADMIN)")
    @PostMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public ResponseEntity<CategoryResponse> create(@Valid @RequestBody CategoryRequest request) {
        TicketCategory category = categories.create(request.name().strip(), request.description());
        return ResponseEntity.created(URI.create("/api/tickets/categories/" + category.id()))
                .eTag(ETags.of(category.version())).body(CategoryResponse.of(category));
    }

    /** Renames, re-describes or (de)activates a category. */
    @Operation(summary = "Update a category (OWNER, ADMIN)")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public ResponseEntity<CategoryResponse> update(@PathVariable UUID id,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody CategoryUpdateRequest request) {
        long version = categories.get(id).version();
        ETags.check(ifMatch, version, true);
        TicketCategory category = categories.update(id, version, request.name().strip(), request.description(),
                request.active());
        return ResponseEntity.ok().eTag(ETags.of(category.version())).body(CategoryResponse.of(category));
    }

    /** Deletes an unused category (204); 409 {@code category-in-use} when a ticket uses it. */
    @Operation(summary = "Delete a category (OWNER, ADMIN)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        categories.delete(id);
        return ResponseEntity.noContent().build();
    }
}
