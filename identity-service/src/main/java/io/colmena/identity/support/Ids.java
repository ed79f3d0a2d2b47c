package io.colmena.identity.support;

import java.util.UUID;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/** Time-ordered UUIDs (version 7, RFC 9562 §5.7) for ids that must exist before a row is written. */
public final class Ids {

    private Ids() {}

    /** A new version-7 UUID. */
    public static UUID next() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}
