package io.colmena.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantCsvTest {

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(TenantCsv.cell("Pérez, Hijos y \"Cía\"")).isEqualTo("\"Pérez, Hijos y \"\"Cía\"\"\"");
        assertThat(TenantCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(TenantCsv.cell("plain")).isEqualTo("plain");
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(TenantCsv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(TenantCsv.cell("+34 600")).isEqualTo("'+34 600");
        assertThat(TenantCsv.cell("@cmd")).isEqualTo("'@cmd");
    }

    @Test
    void writesAHeaderAndOneCrlfTerminatedRowPerTenant() {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse("2026-11-20T10:00:00Z");
        TenantResponse tenant = new TenantResponse(id, "Relojes S.L.", "watches", "es-ES", "Europe/Madrid", Map.of(),
                Plan.PRO, TenantStatus.ACTIVE, null, null, PlanLimits.of(Plan.PRO), "ana@relojes.example", created,
                created, 3);

        String csv = TenantCsv.write(List.of(tenant));

        assertThat(csv).isEqualTo(TenantCsv.HEADER + "\r\n" + id
                + ",Relojes S.L.,watches,PRO,ACTIVE,ana@relojes.example,,2026-11-20T10:00:00Z\r\n");
    }
}
