package io.colmena.e2e.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The scenarios' only way into Colmena: HTTP calls to the gateway (default {@code http://localhost:8080}).
 * Every call is handed to a listener (the report) with its method, path, status, a body excerpt and its time.
 *
 * <p>Timeouts: 5 s to connect, 60 s for a response (the gateway itself gives up after 30 s with a 504).
 */
public final class Gateway {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int EXCERPT = 140;
    private static final int RATE_LIMIT_RETRIES = 3;
    private static final Pattern SECRET = Pattern.compile(
            "(\"(?:accessToken|refreshToken|clientSecret|client_secret|token)\"\\s*:\\s*\")([^\"]{10})[^\"]{6,}(\")");

    private final String baseUrl;
    private final HttpClient client;
    private volatile Consumer<HttpCall> listener = call -> { };

    /** A client of the gateway at {@code baseUrl} (no trailing slash). */
    public Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The gateway's base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Who hears about each call. */
    public void listener(Consumer<HttpCall> listener) {
        this.listener = listener;
    }

    /** {@code GET path} with a bearer token ({@code null}: none). */
    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    /** {@code POST path} with a JSON body ({@code null}: none). */
    public Response post(String path, String token, JsonNode body) {
        return send("POST", path, token, body == null ? null : Json.write(body), Map.of());
    }

    /** {@code PUT path} with a JSON body. */
    public Response put(String path, String token, JsonNode body) {
        return send("PUT", path, token, body == null ? null : Json.write(body), Map.of());
    }

    /** {@code DELETE path}. */
    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /**
     * Sends one request, as a well-behaved client: a {@code 429} (the gateway's rate limit; nothing reached
     * the service, so any method may be sent again) is retried after its {@code Retry-After} seconds, at most
     * {@value #RATE_LIMIT_RETRIES} times; the listener hears every attempt. A body is sent as
     * {@code application/json} unless {@code headers} name another {@code Content-Type}. A failure to
     * connect is reported as status 0 and thrown as {@link GatewayUnreachable}.
     */
    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest request = request(method, path, token, body, headers);
        for (int attempt = 0; ; attempt++) {
            Response response = sendOnce(method, path, request);
            if (response.status() != 429 || attempt == RATE_LIMIT_RETRIES) {
                return response;
            }
            long wait = response.header("Retry-After").map(Gateway::seconds).orElse(1L);
            try {
                Thread.sleep(Duration.ofSeconds(Math.clamp(wait, 1, 10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    private Response sendOnce(String method, String path, HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return record(method, path, response, started);
        } catch (IOException e) {
            listener.accept(new HttpCall(method, path, 0, "no response: " + e, millisSince(started)));
            throw new GatewayUnreachable(method + " " + baseUrl + path + " got no response: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnreachable(method + " " + path + " interrupted", e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Sends {@code count} identical {@code GET path} requests at once (all written before any answer is
     * awaited), for rate-limit checks. Answers in the order sent; the listener hears them once all are back,
     * grouped by status, so the report shows "200 ×n" and "429 ×m".
     */
    public List<Response> burst(String path, String token, int count) {
        List<CompletableFuture<HttpResponse<byte[]>>> pending = new ArrayList<>(count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pending.add(client.sendAsync(request("GET", path, token, null, Map.of()),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<HttpResponse<byte[]>> answers = pending.stream().map(CompletableFuture::join).toList();
        answers.stream().sorted(java.util.Comparator.comparingInt(HttpResponse::statusCode))
                .forEach(http -> listener.accept(new HttpCall("GET", path, http.statusCode(),
                        excerpt(new Response("GET", path, http.statusCode(), http.headers(), http.body())),
                        millisSince(started))));
        return answers.stream().map(http -> new Response("GET", path, http.statusCode(), http.headers(), http.body()))
                .toList();
    }

    private HttpRequest request(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(RESPONSE_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return builder.build();
    }

    private Response record(String method, String path, HttpResponse<byte[]> http, long started) {
        Response response = new Response(method, path, http.statusCode(), http.headers(), http.body());
        listener.accept(new HttpCall(method, path, http.statusCode(), excerpt(response), millisSince(started)));
        return response;
    }

    private static String excerpt(Response response) {
        String type = response.contentType();
        if (type.equals("application/pdf")) {
            return "<PDF, " + response.body().length + " bytes>";
        }
        if (response.body().length == 0) {
            return "";
        }
        String text = SECRET.matcher(response.text().replaceAll("\\s+", " ")).replaceAll("$1$2…$3");
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The gateway did not answer at all (not running, connection refused, timeout). */
    public static final class GatewayUnreachable extends RuntimeException {

        GatewayUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
