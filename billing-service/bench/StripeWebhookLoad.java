import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load driver for billing-service's Stripe webhook endpoint (run by bench/stripe-webhooks.sh in
 * source-file mode: {@code java StripeWebhookLoad.java <url> <secret> <fixture> <runId> <deliveries>
 * <concurrency> <duplicatePercent>}).
 *
 * <p>Each unique event is the real {@code invoice.payment_succeeded} fixture with its event id, type
 * ({@code invoice.paid}) and invoice id made unique; {@code duplicatePercent} of the deliveries re-send
 * an event already sent (some of them while the first is still in flight). Every delivery is signed at
 * send time as Stripe does: {@code t=<unix>,v1=HMAC-SHA256(secret, "<t>.<body>")}. Prints one line
 * {@code deliveries unique ok failed seconds perSecond p50ms p99ms maxms}.
 */
public class StripeWebhookLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        String template = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        String run = args[3];
        int deliveries = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int duplicatePercent = Integer.parseInt(args[6]);

        Random random = new Random(42);
        List<String> bodies = new ArrayList<>();
        int[] plan = new int[deliveries];
        for (int i = 0; i < deliveries; i++) {
            if (!bodies.isEmpty() && random.nextInt(100) < duplicatePercent) {
                // mostly recent events (in flight or just done), sometimes old ones
                int window = Math.min(bodies.size(), random.nextBoolean() ? 8 : bodies.size());
                plan[i] = bodies.size() - 1 - random.nextInt(window);
            } else {
                int n = bodies.size();
                bodies.add(template
                        .replace("\"id\": \"invoice.payment_00000000000000\"", "\"id\": \"evt_bench_" + run + "_" + n + "\"")
                        .replace("\"type\": \"invoice.payment_succeeded\"", "\"type\": \"invoice.paid\"")
                        .replace("\"id\": \"in_00000000000000\"", "\"id\": \"in_bench_" + run + "_" + n + "\""));
                plan[i] = n;
            }
        }
        if (!bodies.getFirst().contains("evt_bench_" + run + "_0") || !bodies.getFirst().contains("in_bench_" + run + "_0")) {
            throw new IllegalStateException("The fixture does not have the expected ids");
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[deliveries];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong(-1);
        Semaphore slots = new Semaphore(concurrency);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < deliveries; i++) {
                slots.acquire();
                int index = i;
                pool.submit(() -> {
                    try {
                        String body = bodies.get(plan[index]);
                        long t = System.currentTimeMillis() / 1000;
                        String signature = "t=" + t + ",v1=" + hmac(secret, t + "." + body);
                        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[index] = System.nanoTime() - sent;
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(-1, response.statusCode());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(-1, 0);
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("%d %d %d %d %.2f %.0f %.2f %.2f %.2f %d%n", deliveries, bodies.size(), ok.get(), failed.get(),
                seconds, deliveries / seconds, sorted[deliveries / 2] / 1e6,
                sorted[(int) Math.ceil(deliveries * 0.99) - 1] / 1e6, sorted[deliveries - 1] / 1e6, firstFailure.get());
    }

    private static String hmac(byte[] secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
