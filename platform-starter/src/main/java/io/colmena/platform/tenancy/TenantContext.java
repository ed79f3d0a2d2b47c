package io.colmena.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The tenant the current thread works for.
 *
 * <p>Bound from the {@code tenant_id} claim of the caller's JWT for a request, and from the
 * CloudEvents {@code tenantid} extension for a received event. Hibernate's {@code @TenantId}
 * filter and PostgreSQL row-level security both read it, so it must be bound before a
 * transaction starts: a transaction begun without a tenant sees no tenant-owned row at all.
 * The binding is mirrored into the logging MDC as {@code tenantId}.
 */
public final class TenantContext {

    /** MDC key under which the bound tenant appears in every log line. */
    public static final String MDC_KEY = "tenantId";

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** The bound tenant, if any. */
    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The bound tenant.
     *
     * @throws IllegalStateException when none is bound (a programming error: tenant-owned work
     *     outside a request or event)
     */
    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant is bound to this thread");
        }
        return tenant;
    }

    /** Runs {@code work} with {@code tenant} bound, restoring the previous binding afterwards. */
    public static <T> T callAs(UUID tenant, Supplier<T> work) {
        try (Binding ignored = bind(tenant)) {
            return work.get();
        }
    }

    /** Runs {@code work} with {@code tenant} bound, restoring the previous binding afterwards. */
    public static void runAs(UUID tenant, Runnable work) {
        try (Binding ignored = bind(tenant)) {
            work.run();
        }
    }

    /** Binds {@code tenant} (or clears the binding for {@code null}) until the returned binding is closed. */
    public static Binding bind(UUID tenant) {
        UUID previous = CURRENT.get();
        set(tenant);
        return () -> set(previous);
    }

    private static void set(UUID tenant) {
        if (tenant == null) {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        } else {
            CURRENT.set(tenant);
            MDC.put(MDC_KEY, tenant.toString());
        }
    }

    /** An open binding; closing it restores what was bound before. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
