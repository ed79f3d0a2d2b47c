package io.colmena.billing.subscription;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Platform subscriptions (platform-level table: callers filter by tenant). */
interface PlatformSubscriptionRepository extends JpaRepository<PlatformSubscription, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from PlatformSubscription s where s.tenantId = :tenantId")
    Optional<PlatformSubscription> lockByTenantId(UUID tenantId);

    Optional<PlatformSubscription> findByStripeSubscriptionId(String subscriptionId);

    Optional<PlatformSubscription> findByStripeCustomerId(String customerId);

    @Query("select s.tenantId from PlatformSubscription s where s.scheduledPlan is not null "
            + "and s.currentPeriodEnd <= :now")
    List<UUID> findDueScheduledChanges(Instant now);
}
