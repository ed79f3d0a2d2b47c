package io.colmena.identity.partner;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Partner clients of the bound tenant. */
interface PartnerClientRepository extends JpaRepository<PartnerClient, UUID> {

    List<PartnerClient> findAllByOrderByCreatedAtAsc();
}
