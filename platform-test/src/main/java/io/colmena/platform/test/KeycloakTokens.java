package io.colmena.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens from the real Keycloak that {@code ./platform infra up} runs. */
public final class KeycloakTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens() {}

    /** A client-credentials token of identity-service's own client ({@code colmena-identity}). */
    public static String serviceToken() {
        return clientCredentials(LocalInfrastructure.env("COLMENA_IDENTITY_CLIENT_ID", "colmena-identity"),
                LocalInfrastructure.env("COLMENA_IDENTITY_CLIENT_SECRET", "colmena-identity-local-secret"));
    }

    /** A client-credentials token for {@code clientId}. */
    public static String clientCredentials(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(LocalInfrastructure.issuerUri() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + clientId + ": "
                        + response.statusCode() + " " + response.body() + " (is './platform infra up' done?)");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + LocalInfrastructure.issuerUri()
                    + ": run './platform infra up'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
