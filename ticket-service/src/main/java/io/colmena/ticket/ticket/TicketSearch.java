package io.colmena.ticket.ticket;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The filtered, sorted, paged ticket query in SQL (clearer than criteria for array tags and
 * case-insensitive text). It always restricts to the bound tenant in the WHERE clause, on top of
 * row-level security. Returns ids; the caller loads the tickets.
 */
@Component
class TicketSearch {

    /** Sortable properties and their SQL; every order ends with {@code id} so pages are stable. */
    private static final Map<String, String> SORTABLE = Map.of(
            "createdAt", "created_at",
            "updatedAt", "updated_at",
            "number", "number",
            "title", "lower(title)",
            "status", "case status when 'OPEN' then 0 when 'IN_PROGRESS' then 1 when 'WAITING_CLIENT' then 2 "
                    + "when 'RESOLVED' then 3 else 4 end",
            "priority", "case priority when 'LOW' then 0 when 'MEDIUM' then 1 when 'HIGH' then 2 else 3 end");

    private final NamedParameterJdbcTemplate jdbc;

    TicketSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of ticket ids and the total count. */
    record Result(List<UUID> ids, long total) {}

    Result find(TicketFilter filter, List<String> sort, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        Long total = jdbc.queryForObject("select count(*) from ticket " + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<UUID> ids = jdbc.queryForList("select id from ticket " + where + " order by " + orderBy(sort)
                + " limit :limit offset :offset", params, UUID.class);
        return new Result(ids, total == null ? 0 : total);
    }

    /**
     * Parses {@code sort} values such as {@code createdAt,desc} (one or several, Spring Data style).
     *
     * @throws ProblemException 400 naming the sortable properties for an unknown one
     */
    static String orderBy(List<String> sort) {
        List<String> tokens = new ArrayList<>();
        if (sort != null) {
            sort.forEach(value -> tokens.addAll(List.of(value.split(","))));
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String property = tokens.get(i).strip();
            if (property.isEmpty()) {
                continue;
            }
            String column = SORTABLE.get(property);
            if (column == null) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                        "Cannot sort by '" + property + "'; sortable: createdAt, updatedAt, number, title, status, priority");
            }
            String direction = "asc";
            if (i + 1 < tokens.size()) {
                String next = tokens.get(i + 1).strip().toLowerCase(Locale.ROOT);
                if (next.equals("asc") || next.equals("desc")) {
                    direction = next;
                    i++;
                }
            }
            clauses.add(column + " " + direction);
        }
        if (clauses.isEmpty()) {
            clauses.add("created_at desc");
        }
        clauses.add("id desc");
        return String.join(", ", clauses);
    }

    private static String where(TicketFilter filter, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("tenant_id = :tenant");
        params.addValue("tenant", TenantContext.require());
        if (filter.status() != null && !filter.status().isEmpty()) {
            conditions.add("status in (:status)");
            params.addValue("status", filter.status().stream().map(Enum::name).toList());
        }
        if (filter.priority() != null && !filter.priority().isEmpty()) {
            conditions.add("priority in (:priority)");
            params.addValue("priority", filter.priority().stream().map(Enum::name).toList());
        }
        if (filter.assigneeId() != null) {
            conditions.add("assignee_id = :assignee");
            params.addValue("assignee", filter.assigneeId());
        }
        if (filter.categoryId() != null) {
            conditions.add("category_id = :category");
            params.addValue("category", filter.categoryId());
        }
        if (filter.requesterUserId() != null) {
            conditions.add("requester_user_id = :requesterUser");
            params.addValue("requesterUser", filter.requesterUserId());
        }
        if (filter.requesterCustomerId() != null) {
            conditions.add("requester_customer_id = :requesterCustomer");
            params.addValue("requesterCustomer", filter.requesterCustomerId());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            conditions.add(":tag = any (tags)");
            params.addValue("tag", filter.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(title ilike :text escape '\\' or description ilike :text escape '\\' "
                    + "or ('TCK-' || lpad(number::text, 6, '0')) ilike :text escape '\\')");
            params.addValue("text", "%" + escapeLike(filter.text().strip()) + "%");
        }
        if (filter.createdFrom() != null) {
            conditions.add("created_at >= :createdFrom");
            params.addValue("createdFrom", Timestamp.from(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            conditions.add("created_at < :createdTo");
            params.addValue("createdTo", Timestamp.from(filter.createdTo()));
        }
        return "where " + String.join(" and ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
