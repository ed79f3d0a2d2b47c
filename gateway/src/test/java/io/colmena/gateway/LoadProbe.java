package io.colmena.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a steady closed-loop load of authenticated GETs through the gateway and counts what the
 * token bucket let through. Robust on a loaded machine because it measures the bucket's
 * arithmetic rather than throughput: it first empties the bucket (until a 429), then keeps
 * {@code workers} requests in flight for {@code window}; as long as 429s keep coming the bucket is
 * drained as fast as it refills, so the 2xx count over the window is {@code rate × window} (± 1).
 */
final class LoadProbe {

    /** What a measured window saw. */
    record Measured(int allowed, int limited, int other, Duration window) {

        /** Allowed requests per second over the window. */
        double allowedPerSecond() {
            return allowed / (window.toNanos() / 1e9);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    LoadProbe(URI uri) {
        this.uri = uri;
    }

    /** Sends until the bucket of {@code token} answers 429 (at most {@code max} requests). */
    int drain(String token, int max) {
        for (int sent = 1; sent <= max; sent++) {
            if (send(token) == 429) {
                return sent;
            }
        }
        throw new AssertionError("No 429 after " + max + " requests: the bucket does not empty");
    }

    /** Empties the bucket, then measures {@code window} with {@code workers} concurrent callers. */
    Measured measure(String token, Duration window, int workers) {
        drain(token, 10_000);
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int status = send(token);
                        (status / 100 == 2 ? allowed : status == 429 ? limited : other).incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        // Requests that started before the end finish a little later; the bucket saw them by then.
        Duration measured = Duration.ofNanos(System.nanoTime() - start);
        return new Measured(allowed.get(), limited.get(), other.get(), measured);
    }

    int send(String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    HttpResponse<String> sendForResponse(String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
