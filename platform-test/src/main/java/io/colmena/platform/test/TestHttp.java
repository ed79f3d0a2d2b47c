package io.colmena.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls from tests to a booted service or the gateway: JSON bodies get
 * {@code Content-Type: application/json} unless a header says otherwise, a token becomes
 * {@code Authorization: Bearer <token>}.
 */
public final class TestHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {}

    /** Sends {@code method uri} with an optional JSON (or other) body and answers the body as text. */
    public static HttpResponse<String> send(String method, URI uri, String token, String body,
                                            Map<String, String> headers) {
        return send(request(method, uri, token, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** Like {@link #send} but answers the raw body (PDFs, CSV files). */
    public static HttpResponse<byte[]> sendForBytes(String method, URI uri, String token, String body,
                                                    Map<String, String> headers) {
        return send(request(method, uri, token, body, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest request(String method, URI uri, String token, String body,
                                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request.build();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
