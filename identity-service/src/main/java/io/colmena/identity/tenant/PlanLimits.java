package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;

/**
 * A plan's limits as JSON ({@code -1} = unlimited), from {@link Plan} (ARCHITECTURE.md §4, seed 002).
 *
 * @param whatsappMessagesPerDay WhatsApp messages the tenant may send per day
 * @param ragDocuments           documents in its RAG knowledge base
 * @param contacts               CRM contacts
 * @param users                  users, staff and client-portal alike
 */
public record PlanLimits(int whatsappMessagesPerDay, int ragDocuments, int contacts, int users) {

    /** The limits of {@code plan}. */
    public static PlanLimits of(Plan plan) {
        return new PlanLimits(plan.whatsappMessagesPerDay(), plan.ragDocuments(), plan.contacts(), plan.users());
    }
}
