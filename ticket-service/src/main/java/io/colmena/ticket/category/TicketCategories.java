package io.colmena.ticket.category;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's ticket categories. Names are unique per tenant, case-insensitively. A category
 * used by a ticket cannot be deleted, only deactivated (new tickets cannot pick an inactive one).
 */
@Service
public class TicketCategories {

    /** What other features may know of a category. */
    public record CategoryRef(UUID id, String name, boolean active) {}

    private static final UUID NONE = new UUID(0, 0);

    private final TicketCategoryRepository categories;
    private final Clock clock;

    TicketCategories(TicketCategoryRepository categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    /** The category a new or edited ticket may use: it must exist in the tenant and be active (422 otherwise). */
    @Transactional(readOnly = true)
    public CategoryRef requireUsable(UUID id) {
        return categories.findById(id).filter(TicketCategory::active).map(TicketCategories::ref)
                .orElseThrow(() -> ProblemException.unprocessable("unknown-category",
                        "Category " + id + " does not exist or is inactive"));
    }

    /** A category's name, if it exists. */
    @Transactional(readOnly = true)
    public Optional<CategoryRef> find(UUID id) {
        return categories.findById(id).map(TicketCategories::ref);
    }

    @Transactional(readOnly = true)
    List<TicketCategory> all() {
        return categories.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    TicketCategory get(UUID id) {
        return categories.findById(id).orElseThrow(() -> ProblemException.notFound("Category", id));
    }

    @Transactional
    TicketCategory create(String name, String description) {
        requireFreeName(name, NONE);
        return categories.saveAndFlush(new TicketCategory(name, description, clock.instant()));
    }

    @Transactional
    TicketCategory update(UUID id, long expectedVersion, String name, String description, boolean active) {
        TicketCategory category = get(id);
        if (category.version() != expectedVersion) {
            throw ProblemException.conflict("concurrent-modification",
                    "The category was changed by someone else since you read it; read it again and retry");
        }
        requireFreeName(name, id);
        category.update(name, description, active);
        return categories.saveAndFlush(category);
    }

    @Transactional
    void delete(UUID id) {
        TicketCategory category = get(id);
        if (categories.inUse(TenantContext.require(), id)) {
            throw ProblemException.conflict("category-in-use",
                    "Tickets use category " + id + ": deactivate it instead (PUT with active=false)");
        }
        categories.delete(category);
    }

    private void requireFreeName(String name, UUID except) {
        if (categories.nameTaken(name, except)) {
            throw ProblemException.conflict("data-conflict", "A category named '" + name + "' already exists");
        }
    }

    private static CategoryRef ref(TicketCategory category) {
        return new CategoryRef(category.id(), category.name(), category.active());
    }
}
