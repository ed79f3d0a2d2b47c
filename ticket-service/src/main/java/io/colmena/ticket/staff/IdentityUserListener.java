package io.colmena.ticket.staff;

import io.colmena.events.identity.UserCreated;
import io.colmena.events.identity.UserDeactivated;
import io.colmena.events.identity.UserRoleChanged;
import io.colmena.platform.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link StaffDirectory} in step with identity-service's {@code colmena.identity.user} events
 * (created, role-changed, deactivated), idempotently through {@link InboundEvents}, with the event's
 * tenant bound. A user of another role is recorded too, so that a later role change is a plain update.
 */
@Component
class IdentityUserListener {

    static final String CONSUMER = "ticket-service.staff-directory";

    private final InboundEvents inbound;
    private final StaffDirectory staff;

    IdentityUserListener(InboundEvents inbound, StaffDirectory staff) {
        this.inbound = inbound;
        this.staff = staff;
    }

    @KafkaListener(topics = "colmena.identity.user", groupId = "ticket-service.staff-directory")
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, CONSUMER, event -> {
            if (event.tenantId() == null) {
                return;
            }
            switch (event.data()) {
                case UserCreated created -> staff.upsert(created.userId(), created.role(), true, event.time());
                case UserRoleChanged changed -> staff.changeRole(changed.userId(), changed.role(), event.time());
                case UserDeactivated deactivated -> staff.deactivate(deactivated.userId(), event.time());
                default -> { }
            }
        });
    }
}
