package io.colmena.identity.tenant;

import java.time.Instant;
import java.util.List;

/**
 * Writes tenants as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break quoted with doubled quotes). A text cell that starts with {@code = + - @}, tab or
 * carriage return is prefixed with {@code '} so spreadsheets do not run it as a formula (OWASP,
 * "CSV Injection").
 */
final class TenantCsv {

    static final String HEADER = "id,name,industry,plan,status,contactEmail,trialEndsAt,createdAt";

    private TenantCsv() {}

    static String write(List<TenantResponse> tenants) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TenantResponse tenant : tenants) {
            csv.append(tenant.id()).append(',')
                    .append(cell(tenant.name())).append(',')
                    .append(cell(tenant.industry())).append(',')
                    .append(tenant.plan()).append(',')
                    .append(tenant.status()).append(',')
                    .append(cell(tenant.contactEmail())).append(',')
                    .append(time(tenant.trialEndsAt())).append(',')
                    .append(time(tenant.createdAt())).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
