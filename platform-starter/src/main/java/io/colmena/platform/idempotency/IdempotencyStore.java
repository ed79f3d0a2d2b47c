package io.colmena.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency keys and their stored responses, in the service's {@code idempotency_key} table
 * (tenant-owned: row-level security keeps each tenant's keys apart). Each call runs in its own
 * short transaction so a claim is visible to concurrent requests at once.
 */
class IdempotencyStore {

    /** What {@link #claim} found. */
    sealed interface Claim {}

    /** The key was free and now belongs to this request. */
    record Claimed() implements Claim {}

    /** Another request with this key is still running. */
    record InFlight() implements Claim {}

    /** The key was used for a different request. */
    record Mismatch() implements Claim {}

    /** The key's first response, to replay. */
    record Replay(int status, String contentType, String location, String etag, byte[] body) implements Claim {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retention;

    IdempotencyStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    Claim claim(UUID tenant, String key, String requestHash, String method, String path) {
        return transactions.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            // Expired keys of this tenant go first, so the table stays bounded and an old key is free again.
            jdbc.update("delete from idempotency_key where tenant_id = ? and created_at < ?",
                    tenant, Timestamp.from(clock.instant().minus(retention)));
            int inserted = jdbc.update("""
                    insert into idempotency_key (tenant_id, idempotency_key, request_hash, request_method,
                                                 request_path, state, created_at)
                    values (?, ?, ?, ?, ?, 'IN_FLIGHT', ?) on conflict do nothing""",
                    tenant, key, requestHash, method, path, now);
            if (inserted == 1) {
                return new Claimed();
            }
            List<Claim> found = jdbc.query("""
                    select request_hash, state, response_status, response_content_type, response_location,
                           response_etag, response_body
                    from idempotency_key where tenant_id = ? and idempotency_key = ?""",
                    (rs, row) -> {
                        if (!rs.getString("request_hash").equals(requestHash)) {
                            return new Mismatch();
                        }
                        if ("IN_FLIGHT".equals(rs.getString("state"))) {
                            return new InFlight();
                        }
                        return new Replay(rs.getInt("response_status"), rs.getString("response_content_type"),
                                rs.getString("response_location"), rs.getString("response_etag"),
                                rs.getBytes("response_body"));
                    }, tenant, key);
            // The row can vanish between insert and select only if its holder released it: try once more.
            return found.isEmpty() ? new InFlight() : found.getFirst();
        });
    }

    void complete(UUID tenant, String key, int status, String contentType, String location, String etag, byte[] body) {
        transactions.executeWithoutResult(tx -> jdbc.update("""
                update idempotency_key set state = 'COMPLETED', response_status = ?, response_content_type = ?,
                       response_location = ?, response_etag = ?, response_body = ?, completed_at = ?
                where tenant_id = ? and idempotency_key = ?""",
                status, contentType, location, etag, body, Timestamp.from(clock.instant()), tenant, key));
    }

    void release(UUID tenant, String key) {
        transactions.executeWithoutResult(tx -> jdbc.update(
                "delete from idempotency_key where tenant_id = ? and idempotency_key = ?", tenant, key));
    }
}
