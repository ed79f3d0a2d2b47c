package io.colmena.ticket.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tickets as CSV following RFC 4180: a header line, CRLF line breaks, and fields that hold a comma,
 * a double quote, CR or LF enclosed in double quotes with inner quotes doubled (§2.6–2.7). Text
 * fields that start with {@code = + - @}, tab or CR get a leading apostrophe so spreadsheets do not run
 * them as formulas (OWASP "CSV injection").
 */
final class TicketCsv {

    static final String HEADER = String.join(",", "number", "id", "title", "status", "priority", "category",
            "requesterUserId", "requesterCustomerId", "assigneeId", "channel", "tags", "createdAt", "firstResponseAt",
            "resolvedAt", "closedAt", "satisfactionScore");

    private TicketCsv() {}

    static String write(List<TicketResponse> tickets) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TicketResponse t : tickets) {
            csv.append(String.join(",", field(t.number()), field(t.id()), field(t.title()), field(t.status()),
                    field(t.priority()), field(t.categoryName()), field(t.requesterUserId()),
                    field(t.requesterCustomerId()), field(t.assigneeId()), field(t.channel()),
                    field(String.join(";", t.tags())), field(t.createdAt()), field(t.firstResponseAt()),
                    field(t.resolvedAt()), field(t.closedAt()),
                    field(t.satisfaction() == null ? null : t.satisfaction().score())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof UUID || value instanceof Instant || value instanceof Number || value instanceof Enum<?>)
                && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
