package io.colmena.identity.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Memberships of the bound tenant (Hibernate's tenant filter and row-level security). */
public interface MembershipRepository extends JpaRepository<Membership, UUID>, JpaSpecificationExecutor<Membership> {

    long countByStatus(MembershipStatus status);

    @Query("select m from Membership m where lower(m.email) = lower(?1)")
    Optional<Membership> findByEmail(String email);
}
