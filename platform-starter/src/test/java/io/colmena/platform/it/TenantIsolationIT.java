package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.colmena.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class TenantIsolationIT extends StarterIntegrationTest {

    @Autowired
    NoteService notes;

    @Autowired
    NoteRepository repository;

    @Autowired
    EntityManager entityManager;

    UUID tenantA;
    UUID tenantB;
    Note noteOfA;
    Note noteOfB;

    @BeforeEach
    void twoTenantsWithANoteEach() {
        tenantA = UUID.randomUUID();
        tenantB = UUID.randomUUID();
        noteOfA = TenantContext.callAs(tenantA, () -> notes.create("note of A", false));
        noteOfB = TenantContext.callAs(tenantB, () -> notes.create("note of B", false));
    }

    @Test
    void insertTakesTheBoundTenant() {
        assertThat(noteOfA.tenantId()).isEqualTo(tenantA);
        assertThat(noteOfB.tenantId()).isEqualTo(tenantB);
    }

    @Test
    void aNativeSelectStarWithTenantABoundReturnsNoRowOfTenantB() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = asTenant(tenantA,
                () -> entityManager.createNativeQuery("select * from note").getResultList());
        List<Map<String, Object>> jdbcRows = asTenant(tenantA, () -> jdbc.queryForList("select * from note"));

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains(tenantA).doesNotContain(tenantB));
        assertThat(jdbcRows).isNotEmpty().allSatisfy(row -> assertThat(row.get("tenant_id")).isEqualTo(tenantA));
    }

    @Test
    void withNoTenantBoundTenantOwnedTablesLookEmpty() {
        Integer inTransaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(s -> jdbc.queryForObject("select count(*) from note", Integer.class));
        assertThat(inTransaction).isZero();
        assertThat(jdbc.queryForObject("select count(*) from note", Integer.class)).isZero();
    }

    @Test
    void hibernateFiltersByTheBoundTenant() {
        assertThat(TenantContext.callAs(tenantA, () -> repository.findById(noteOfB.id()))).isEmpty();
        assertThat(TenantContext.callAs(tenantA, () -> repository.findById(noteOfA.id()))).isPresent();
        assertThat(TenantContext.callAs(tenantA, () -> repository.findAll()))
                .extracting(Note::tenantId).containsOnly(tenantA);
    }

    @Test
    void rowLevelSecurityRefusesWritingARowForAnotherTenant() {
        assertThatThrownBy(() -> asTenant(tenantA, () -> jdbc.update(
                "insert into note (id, tenant_id, text, version) values (?, ?, 'smuggled', 0)",
                UUID.randomUUID(), tenantB)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
        assertThat(asTenant(tenantA, () -> jdbc.update("update note set text = 'hijacked' where id = ?",
                noteOfB.id()))).isZero();
    }
}
