package io.colmena.ticket.ticket;

import io.colmena.ticket.sla.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/** A support ticket of one tenant. Rules that need other parts (SLA, events) live in {@link TicketService}. */
@Entity
@Table(name = "ticket")
class Ticket {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "requester_user_id", updatable = false)
    private UUID requesterUserId;

    @Column(name = "requester_customer_id", nullable = false, updatable = false)
    private UUID requesterCustomerId;

    @Column(name = "assignee_id")
    private UUID assigneeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(nullable = false)
    private String[] tags;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "auto_close_reminder_at")
    private Instant autoCloseReminderAt;

    @Column(name = "auto_close_at")
    private Instant autoCloseAt;

    @Column(name = "auto_close_reminded_at")
    private Instant autoCloseRemindedAt;

    @Column(name = "merged_into_id")
    private UUID mergedIntoId;

    @Column(name = "satisfaction_score")
    private Integer satisfactionScore;

    @Column(name = "satisfaction_comment")
    private String satisfactionComment;

    @Column(name = "satisfaction_rated_at")
    private Instant satisfactionRatedAt;

    @Version
    private long version;

    protected Ticket() {}

    Ticket(long number, String title, String description, Priority priority, UUID categoryId, UUID requesterUserId,
           UUID requesterCustomerId, Channel channel, List<String> tags, String createdBy, Instant now) {
        this.number = number;
        this.title = title;
        this.description = description;
        this.status = TicketStatus.OPEN;
        this.priority = priority;
        this.categoryId = categoryId;
        this.requesterUserId = requesterUserId;
        this.requesterCustomerId = requesterCustomerId;
        this.channel = channel;
        this.tags = normalise(tags);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Tags are trimmed, lower-cased and de-duplicated, in the order given. */
    static String[] normalise(List<String> tags) {
        Set<String> clean = new LinkedHashSet<>();
        if (tags != null) {
            tags.stream().map(tag -> tag.strip().toLowerCase(java.util.Locale.ROOT)).filter(tag -> !tag.isEmpty())
                    .forEach(clean::add);
        }
        return clean.toArray(String[]::new);
    }

    /** The human number, {@code TCK-000123}. */
    String displayNumber() {
        return String.format("TCK-%06d", number);
    }

    void edit(String title, String description, Priority priority, UUID categoryId, List<String> tags, Instant now) {
        this.title = title;
        this.description = description;
        this.priority = priority;
        this.categoryId = categoryId;
        this.tags = normalise(tags);
        this.updatedAt = now;
    }

    /** Moves to {@code next} (the caller checked the transition table) and keeps the timestamps. */
    void moveTo(TicketStatus next, Instant now) {
        if (next == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (next == TicketStatus.CLOSED) {
            closedAt = now;
        } else if (status == TicketStatus.RESOLVED) {
            resolvedAt = null;
        }
        if (next != TicketStatus.WAITING_CLIENT) {
            waitingSince = null;
            autoCloseReminderAt = null;
            autoCloseAt = null;
            autoCloseRemindedAt = null;
        }
        status = next;
        updatedAt = now;
    }

    /** Now waiting for the client; auto-close instants are null when the tenant turned auto-close off. */
    void startWaiting(Instant now, Instant reminderAt, Instant closeAt) {
        waitingSince = now;
        autoCloseReminderAt = reminderAt;
        autoCloseAt = closeAt;
        autoCloseRemindedAt = null;
    }

    void remindedOfAutoClose(Instant now, Instant closeAt) {
        autoCloseRemindedAt = now;
        autoCloseAt = closeAt;
        updatedAt = now;
    }

    void assign(UUID assignee, Instant now) {
        this.assigneeId = assignee;
        this.updatedAt = now;
    }

    void recordFirstResponse(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
    }

    void mergedInto(UUID target) {
        this.mergedIntoId = target;
    }

    void addTags(String[] more) {
        List<String> all = new java.util.ArrayList<>(Arrays.asList(tags));
        all.addAll(Arrays.asList(more));
        tags = normalise(all);
    }

    void rate(int score, String comment, Instant now) {
        satisfactionScore = score;
        satisfactionComment = comment;
        satisfactionRatedAt = now;
        updatedAt = now;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    UUID id() { return id; }
    UUID tenantId() { return tenantId; }
    long number() { return number; }
    String title() { return title; }
    String description() { return description; }
    TicketStatus status() { return status; }
    Priority priority() { return priority; }
    UUID categoryId() { return categoryId; }
    UUID requesterUserId() { return requesterUserId; }
    UUID requesterCustomerId() { return requesterCustomerId; }
    UUID assigneeId() { return assigneeId; }
    Channel channel() { return channel; }
    List<String> tags() { return List.of(tags); }
    String[] tagArray() { return tags.clone(); }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    Instant firstResponseAt() { return firstResponseAt; }
    Instant resolvedAt() { return resolvedAt; }
    Instant closedAt() { return closedAt; }
    Instant waitingSince() { return waitingSince; }
    Instant autoCloseReminderAt() { return autoCloseReminderAt; }
    Instant autoCloseAt() { return autoCloseAt; }
    Instant autoCloseRemindedAt() { return autoCloseRemindedAt; }
    UUID mergedIntoId() { return mergedIntoId; }
    Integer satisfactionScore() { return satisfactionScore; }
    String satisfactionComment() { return satisfactionComment; }
    Instant satisfactionRatedAt() { return satisfactionRatedAt; }
    long version() { return version; }
}
