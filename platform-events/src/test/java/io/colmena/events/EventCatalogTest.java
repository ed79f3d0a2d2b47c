package io.colmena.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventCatalogTest {

    record InvoicePaid(String aggregateId) implements DomainEvent {}

    record InvoiceVoided(String aggregateId) implements DomainEvent {}

    @Test
    void typeNamesTheTopicServiceAndSchema() {
        EventType<InvoicePaid> type = EventType.of("colmena.example.invoice.paid", InvoicePaid.class);

        assertThat(type.topic()).isEqualTo("colmena.example.invoice");
        assertThat(type.service()).isEqualTo("example");
        assertThat(type.dataSchema()).hasToString("urn:colmena:event:colmena.example.invoice.paid:v1");
    }

    @Test
    void malformedTypeNamesAreRefused() {
        assertThatThrownBy(() -> EventType.of("billing.invoice.paid", InvoicePaid.class))
                .hasMessageContaining("colmena.<service>.<aggregate>.<event>");
        assertThatThrownBy(() -> EventType.of("colmena.Billing.invoice.paid", InvoicePaid.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventType<>("colmena.example.invoice.paid", 0, InvoicePaid.class))
                .hasMessageContaining("version");
    }

    @Test
    void findsRegisteredTypesByClassAndByWireName() {
        EventCatalog catalog = EventCatalog.standardWith(
                EventType.of("colmena.example.invoice.paid", InvoicePaid.class));

        assertThat(catalog.typeOf(InvoicePaid.class).type()).isEqualTo("colmena.example.invoice.paid");
        assertThat(catalog.find("colmena.example.invoice.paid", 1)).isPresent();
        assertThat(catalog.find("colmena.example.invoice.paid", 2)).isEmpty();
        assertThatThrownBy(() -> catalog.typeOf(InvoiceVoided.class)).hasMessageContaining("not in the EventCatalog");
    }

    @Test
    void aClassOrWireNameRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> EventCatalog.standardWith(
                        EventType.of("colmena.example.invoice.paid", InvoicePaid.class),
                        EventType.of("colmena.billing.invoice.settled", InvoicePaid.class)))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> EventCatalog.standardWith(
                        EventType.of("colmena.example.invoice.paid", InvoicePaid.class),
                        EventType.of("colmena.example.invoice.paid", InvoiceVoided.class)))
                .hasMessageContaining("registered twice");
    }

    @Test
    void theStandardCatalogNamesEveryTypeOnceAndTopicsFollowTheConvention() {
        EventCatalog catalog = EventCatalog.standard();

        assertThat(catalog.all()).isNotEmpty().allSatisfy(type -> {
            assertThat(type.topic()).startsWith("colmena." + type.service() + ".");
            assertThat(catalog.find(type.type(), type.version())).contains(type);
        });
        assertThat(catalog.find("colmena.identity.tenant.plan-changed", 1)).isPresent();
        assertThat(catalog.find("colmena.billing.subscription.changed", 1)).isPresent();
    }
}
