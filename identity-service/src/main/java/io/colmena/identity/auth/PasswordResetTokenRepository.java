package io.colmena.identity.auth;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Password-reset tokens of the bound tenant. */
interface PasswordResetTokenRepository extends JpaRepository<PasswordResetToken, UUID> {

    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    /** Spends the user's unused tokens (a new link replaces older ones). */
    @Modifying
    @Query("update PasswordResetToken t set t.usedAt = ?2 where t.userId = ?1 and t.usedAt is null")
    int spendAll(UUID userId, java.time.Instant now);
}
