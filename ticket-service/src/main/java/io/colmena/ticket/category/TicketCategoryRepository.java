package io.colmena.ticket.category;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketCategoryRepository extends JpaRepository<TicketCategory, UUID> {

    List<TicketCategory> findAllByOrderByNameAsc();

    @Query(value = "select exists (select 1 from ticket where tenant_id = :tenant and category_id = :id)", nativeQuery = true)
    boolean inUse(UUID tenant, UUID id);

    @Query("select count(c) > 0 from TicketCategory c where lower(c.name) = lower(:name) and c.id <> :except")
    boolean nameTaken(String name, UUID except);
}
