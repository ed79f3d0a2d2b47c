package io.colmena.billing.stripe;

import io.colmena.billing.config.SecretBox;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants' Stripe connections: stored in {@code stripe_account} (tenant-owned, RLS) with secrets
 * sealed by {@link SecretBox}, plus the routing entry in {@code stripe_route} (not tenant-owned, read
 * before a webhook's tenant is known).
 */
@Service
public class StripeAccounts {

    static final String KEY_PURPOSE = "stripe-restricted-key";
    static final String SECRET_PURPOSE = "stripe-webhook-secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    StripeAccounts(JdbcTemplate jdbc, SecretBox secrets, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Connects (or replaces) the bound tenant's Stripe account. */
    @Transactional
    public StripeAccountResponse connect(StripeAccountRequest request) {
        UUID tenant = TenantContext.require();
        Instant now = clock.instant();
        boolean own = request.restrictedKey() != null;
        boolean livemode = own ? request.restrictedKey().contains("_live_") : Boolean.TRUE.equals(request.livemode());
        if (!own && request.connectAccountId() != null) {
            List<UUID> holders = jdbc.queryForList(
                    "select tenant_id from stripe_route where connect_account_id = ? and tenant_id <> ?", UUID.class,
                    request.connectAccountId(), tenant);
            if (!holders.isEmpty()) {
                throw ProblemException.conflict("stripe-account-taken",
                        "This Stripe account is already connected to another workspace");
            }
        }
        jdbc.update("""
                insert into stripe_account (tenant_id, mode, connect_account_id, restricted_key_cipher, restricted_key_hint,
                    webhook_secret_cipher, webhook_secret_hint, livemode, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                on conflict (tenant_id) do update set mode = excluded.mode,
                    connect_account_id = excluded.connect_account_id,
                    restricted_key_cipher = excluded.restricted_key_cipher,
                    restricted_key_hint = excluded.restricted_key_hint,
                    webhook_secret_cipher = excluded.webhook_secret_cipher,
                    webhook_secret_hint = excluded.webhook_secret_hint,
                    livemode = excluded.livemode, updated_at = excluded.updated_at,
                    version = stripe_account.version + 1""",
                tenant, own ? "OWN_ACCOUNT" : "CONNECT", request.connectAccountId(),
                own ? secrets.seal(request.restrictedKey(), tenant, KEY_PURPOSE) : null,
                own ? SecretBox.mask(request.restrictedKey()) : null,
                own ? secrets.seal(request.webhookSecret(), tenant, SECRET_PURPOSE) : null,
                own ? SecretBox.mask(request.webhookSecret()) : null,
                livemode, Timestamp.from(now));
        jdbc.update("""
                insert into stripe_route (tenant_id, webhook_key, connect_account_id) values (?, ?, ?)
                on conflict (tenant_id) do update set connect_account_id = excluded.connect_account_id""",
                tenant, newWebhookKey(), request.connectAccountId());
        return current().orElseThrow();
    }

    /** The bound tenant's connection, masked. */
    @Transactional(readOnly = true)
    public Optional<StripeAccountResponse> current() {
        UUID tenant = TenantContext.require();
        return jdbc.query("""
                select a.mode, a.connect_account_id, a.restricted_key_hint, a.webhook_secret_hint, a.livemode,
                       a.updated_at, r.webhook_key
                from stripe_account a left join stripe_route r on r.tenant_id = a.tenant_id
                where a.tenant_id = ?""", (rs, i) -> new StripeAccountResponse(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getBoolean(5),
                "OWN_ACCOUNT".equals(rs.getString(1)) ? "/webhooks/stripe/" + rs.getString(7) : null,
                rs.getTimestamp(6).toInstant()), tenant).stream().findFirst();
    }

    /** Disconnects the bound tenant's account; answers whether there was one. */
    @Transactional
    public boolean disconnect() {
        UUID tenant = TenantContext.require();
        jdbc.update("delete from stripe_route where tenant_id = ?", tenant);
        return jdbc.update("delete from stripe_account where tenant_id = ?", tenant) > 0;
    }

    /** How to call the bound tenant's account; 409 when it connected none. */
    @Transactional(readOnly = true)
    public StripeGateway.TenantStripe credentials() {
        UUID tenant = TenantContext.require();
        return jdbc.query("select connect_account_id, restricted_key_cipher, livemode from stripe_account where tenant_id = ?",
                        (rs, i) -> {
                            byte[] key = rs.getBytes(2);
                            return new StripeGateway.TenantStripe(
                                    key == null ? null : secrets.open(key, tenant, KEY_PURPOSE), rs.getString(1),
                                    rs.getBoolean(3));
                        }, tenant)
                .stream().findFirst()
                .orElseThrow(() -> ProblemException.conflict("stripe-account-not-connected",
                        "Connect a Stripe account first: PUT /api/billing/stripe-account"));
    }

    /** The tenant a Connect account belongs to. */
    Optional<UUID> tenantOfConnectAccount(String accountId) {
        return jdbc.queryForList("select tenant_id from stripe_route where connect_account_id = ?", UUID.class, accountId)
                .stream().findFirst();
    }

    /**
     * The endpoint {@code /webhooks/stripe/{webhookKey}}: its tenant, signing secret and mode. Reads the
     * route (no tenant needed), then the secret with the tenant bound.
     */
    Optional<TenantEndpoint> endpoint(String webhookKey) {
        Optional<UUID> tenant = jdbc.queryForList("select tenant_id from stripe_route where webhook_key = ?", UUID.class,
                webhookKey).stream().findFirst();
        return tenant.flatMap(id -> TenantContext.callAs(id, () -> readOnly.execute(status -> jdbc.query(
                "select webhook_secret_cipher, livemode from stripe_account where tenant_id = ? and webhook_secret_cipher is not null",
                (rs, i) -> new TenantEndpoint(id, List.of(secrets.open(rs.getBytes(1), id, SECRET_PURPOSE)),
                        rs.getBoolean(2)), id).stream().findFirst())));
    }

    /**
     * A tenant's own webhook endpoint.
     *
     * @param secrets its signing secrets
     */
    record TenantEndpoint(UUID tenantId, List<String> secrets, boolean livemode) {}

    private static String newWebhookKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ProblemException notConfigured() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "stripe-webhooks-not-configured",
                "Stripe webhooks are not configured", "No signing secret is configured for this endpoint");
    }
}
