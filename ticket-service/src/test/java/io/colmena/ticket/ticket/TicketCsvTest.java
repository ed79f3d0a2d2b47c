package io.colmena.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCsvTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(TicketCsv.field("Printer jam")).isEqualTo("Printer jam");
        assertThat(TicketCsv.field(null)).isEmpty();
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithInnerQuotesDoubled() {
        assertThat(TicketCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(TicketCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TicketCsv.field("line1\r\nline2")).isEqualTo("\"line1\r\nline2\"");
        assertThat(TicketCsv.field("line1\nline2")).isEqualTo("\"line1\nline2\"");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(TicketCsv.field("=1+2")).isEqualTo("'=1+2");
        assertThat(TicketCsv.field("+34 600")).isEqualTo("'+34 600");
        assertThat(TicketCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TicketCsv.field("-2,3")).isEqualTo("\"'-2,3\"");
    }

    @Test
    void identifiersInstantsAndNumbersAreNeverAltered() {
        UUID id = UUID.randomUUID();
        assertThat(TicketCsv.field(id)).isEqualTo(id.toString());
        assertThat(TicketCsv.field(Instant.parse("2026-03-02T10:00:00Z"))).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(TicketCsv.field(-1)).isEqualTo("-1");
    }
}
