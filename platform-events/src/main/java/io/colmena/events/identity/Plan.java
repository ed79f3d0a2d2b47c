package io.colmena.events.identity;

/**
 * The platform's plans and their limits (ARCHITECTURE.md §4, from the WhatsApp seed 002), shared
 * by every service that enforces a limit of what it owns. {@value #UNLIMITED} means unlimited.
 */
public enum Plan {
    FREE(250, 50, 1_000, 1),
    STARTER(1_000, 200, 5_000, 3),
    PRO(5_000, 1_000, 25_000, 10),
    ENTERPRISE(-1, -1, -1, -1);

    /** The value of a limit that does not limit. */
    public static final int UNLIMITED = -1;

    private final int whatsappMessagesPerDay;
    private final int ragDocuments;
    private final int contacts;
    private final int users;

    Plan(int whatsappMessagesPerDay, int ragDocuments, int contacts, int users) {
        this.whatsappMessagesPerDay = whatsappMessagesPerDay;
        this.ragDocuments = ragDocuments;
        this.contacts = contacts;
        this.users = users;
    }

    /** WhatsApp messages a tenant may send per day. */
    public int whatsappMessagesPerDay() {
        return whatsappMessagesPerDay;
    }

    /** Documents a tenant may keep in its RAG knowledge base. */
    public int ragDocuments() {
        return ragDocuments;
    }

    /** CRM contacts a tenant may keep. */
    public int contacts() {
        return contacts;
    }

    /** Users (staff and client-portal) a tenant may have. */
    public int users() {
        return users;
    }

    /** Whether one more unit fits under {@code limit} when {@code current} are used (always, if unlimited). */
    public static boolean allows(int limit, long current) {
        return limit == UNLIMITED || current < limit;
    }
}
