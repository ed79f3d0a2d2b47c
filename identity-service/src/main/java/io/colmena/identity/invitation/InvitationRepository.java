package io.colmena.identity.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Invitations of the bound tenant. */
interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    @Query("select i from Invitation i where i.status = io.colmena.identity.invitation.Invitation.Status.PENDING"
            + " and lower(i.email) = lower(?1)")
    Optional<Invitation> findPendingByEmail(String email);

    @Query("select count(i) from Invitation i"
            + " where i.status = io.colmena.identity.invitation.Invitation.Status.PENDING and i.expiresAt > ?1")
    long countOpen(Instant now);

    @Query("select i from Invitation i"
            + " where i.status = io.colmena.identity.invitation.Invitation.Status.PENDING and i.expiresAt > ?1"
            + " order by i.createdAt")
    List<Invitation> findOpen(Instant now);
}
