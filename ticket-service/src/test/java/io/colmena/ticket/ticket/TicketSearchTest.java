package io.colmena.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.colmena.platform.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketSearchTest {

    @Test
    void newestFirstByDefaultAndAlwaysTieBrokenById() {
        assertThat(TicketSearch.orderBy(null)).isEqualTo("created_at desc, id desc");
        assertThat(TicketSearch.orderBy(List.of())).isEqualTo("created_at desc, id desc");
    }

    @Test
    void readsSpringDataStyleSortParameters() {
        assertThat(TicketSearch.orderBy(List.of("number", "desc"))).isEqualTo("number desc, id desc");
        assertThat(TicketSearch.orderBy(List.of("title,asc", "createdAt,desc")))
                .isEqualTo("lower(title) asc, created_at desc, id desc");
        assertThat(TicketSearch.orderBy(List.of("updatedAt"))).isEqualTo("updated_at asc, id desc");
    }

    @Test
    void sortsPriorityAndStatusByMeaningNotAlphabetically() {
        assertThat(TicketSearch.orderBy(List.of("priority,desc"))).startsWith("case priority when 'LOW' then 0");
        assertThat(TicketSearch.orderBy(List.of("status"))).startsWith("case status when 'OPEN' then 0");
    }

    @Test
    void anUnknownPropertyIsRefusedNotPassedToSql() {
        assertThatThrownBy(() -> TicketSearch.orderBy(List.of("id; drop table ticket")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("sortable");
    }
}
