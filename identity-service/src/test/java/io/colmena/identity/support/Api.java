package io.colmena.identity.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the booted service: JSON in, status + JSON out. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public Api(int port) {
        this.port = port;
    }

    /** An answer. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = builder(path, token);
        headers.forEach(request::header);
        return send(request.GET());
    }

    public Response post(String path, String token, Object body) {
        return send(withBody(builder(path, token), body, "POST"));
    }

    public Response put(String path, String token, Object body) {
        return send(withBody(builder(path, token), body, "PUT"));
    }

    public Response put(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = builder(path, token);
        headers.forEach(request::header);
        return send(withBody(request, body, "PUT"));
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, Object body, String method) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
