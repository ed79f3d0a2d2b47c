package io.colmena.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets shared by all gateway instances: one Redis hash per bucket
 * ({@code colmena:rate:{<key>}}), updated by one Lua script ({@code token-bucket.lua}, sent once and
 * then called by its SHA-1 with {@code EVALSHA}) so that refill and take are atomic.
 *
 * <p><b>Connection.</b> One Lettuce connection of its own, to the Redis that
 * {@code spring.data.redis.*} names (standalone: host, port, database, user, password, TLS), made
 * asynchronously: no thread ever waits for Redis here, neither a Netty event loop nor the caller.
 * While the connection is down Lettuce reconnects in the background and <b>rejects</b> commands at
 * once instead of queuing them, so {@link RateLimiter} falls back to memory immediately. Commands
 * go through Lettuce's asynchronous API, which on a busy gateway costs a fraction of the CPU of
 * Spring Data's reactive template (bench/gateway.sh measures it).
 *
 * <p>Why not Spring Cloud Gateway's {@code RedisRateLimiter}: its rate and burst are fixed per
 * route, while here they depend on the caller's plan, which changes at run time; it answers
 * "allowed" when Redis fails, without telling the caller, so no fallback can be applied; and it
 * does not say when the next token comes, which {@code Retry-After} needs. The script follows
 * the same token-bucket arithmetic, with Redis' clock in microseconds.
 */
@Component
public class RedisTokenBuckets implements DisposableBean {

    private static final String SCRIPT = script("io/colmena/gateway/ratelimit/token-bucket.lua");
    private static final String SCRIPT_SHA1 = sha1(SCRIPT);

    private final RedisClient client;
    private final RedisURI uri;
    private final Object connecting = new Object();
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connection;

    /**
     * @param factory Spring Boot's connection factory, read for the address, credentials, TLS and timeouts
     * @param resources Lettuce's shared event loops and metrics (Spring Boot's {@code ClientResources} bean)
     */
    public RedisTokenBuckets(LettuceConnectionFactory factory, ClientResources resources) {
        RedisStandaloneConfiguration standalone = factory.getStandaloneConfiguration();
        Duration commandTimeout = factory.getClientConfiguration().getCommandTimeout();
        RedisURI.Builder builder = RedisURI.builder()
                .withHost(standalone.getHostName())
                .withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase())
                .withSsl(factory.getClientConfiguration().isUseSsl())
                .withTimeout(commandTimeout)
                .withClientName("colmena-gateway-rate-limits");
        char[] password = standalone.getPassword().toOptional().orElse(null);
        if (password != null) {
            if (standalone.getUsername() != null) {
                builder.withAuthentication(standalone.getUsername(), password);
            }
            else {
                builder.withPassword(password);
            }
        }
        this.uri = builder.build();
        Duration connectTimeout = factory.getClientConfiguration().getClientOptions()
                .map(options -> options.getSocketOptions().getConnectTimeout())
                .orElse(SocketOptions.DEFAULT_CONNECT_TIMEOUT_DURATION);
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .build());
    }

    /**
     * Takes one token from bucket {@code key}.
     * @return the decision, delivered on Lettuce's I/O thread (callers move off it, see
     *         {@link RateLimitFilter}); fails (never blocks) when Redis is unreachable, refuses or errs
     */
    Mono<Allowance> take(String key, BucketLimit limit) {
        String[] keys = {"colmena:rate:{" + key + "}"};
        String[] args = {Double.toString(limit.replenishRate()), Integer.toString(limit.burstCapacity())};
        return Mono.fromCompletionStage(() -> connection().thenCompose(redis -> evaluate(redis.async(), keys, args)))
                .onErrorMap(CompletionException.class, ex -> ex.getCause() != null ? ex.getCause() : ex)
                .map(RedisTokenBuckets::allowance);
    }

    /** Starts connecting now (at start-up) rather than on the first request; completes when connected. */
    Mono<Void> connect() {
        return Mono.fromCompletionStage(this::connection)
                .onErrorMap(CompletionException.class, ex -> ex.getCause() != null ? ex.getCause() : ex)
                .then();
    }

    /**
     * The connection, or the attempt under way. A failed attempt is replaced by a new one on the
     * next call ({@link RateLimiter} spaces those calls by its retry interval); once connected,
     * Lettuce itself keeps reconnecting.
     */
    private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        synchronized (connecting) {
            if (connection == current) {
                connection = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
            }
            return connection;
        }
    }

    private static CompletionStage<List<Object>> evaluate(RedisAsyncCommands<String, String> redis, String[] keys,
            String[] args) {
        return redis.<List<Object>>evalsha(SCRIPT_SHA1, ScriptOutputType.MULTI, keys, args)
                .exceptionallyCompose(ex -> unwrap(ex) instanceof RedisNoScriptException
                        // First use on this Redis, or after SCRIPT FLUSH / a restart: EVAL also caches it.
                        ? redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
                        : CompletableFuture.failedStage(ex));
    }

    private static Allowance allowance(List<Object> result) {
        if (result.size() != 3) {
            throw new IllegalStateException("token-bucket.lua answered " + result);
        }
        boolean allowed = ((Number) result.get(0)).longValue() == 1L;
        long remaining = ((Number) result.get(1)).longValue();
        long retryMillis = ((Number) result.get(2)).longValue();
        return new Allowance(allowed, Math.max(0, remaining), Duration.ofMillis(retryMillis));
    }

    private static Throwable unwrap(Throwable ex) {
        return ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
    }

    @Override
    public void destroy() {
        // Closes the connection too. The ClientResources are Spring Boot's and shut down with its context.
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private static String script(String path) {
        try (InputStream in = RedisTokenBuckets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
