package io.colmena.gateway;

import io.colmena.platform.test.KeycloakTestUsers;
import io.colmena.platform.test.KeycloakTestUsers.TestUser;
import io.colmena.platform.test.LocalInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real tokens of the local Keycloak realm for gateway tests, and forgeries made from them.
 * Users come from {@link KeycloakTestUsers}; for an ID token the test sets the user's password
 * through the admin API and runs the password grant with {@code scope=openid}.
 */
final class RealmTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private RealmTokens() {}

    /** A new OWNER of {@code tenant}. */
    static TestUser owner(UUID tenant) {
        return KeycloakTestUsers.create(tenant, "OWNER", null);
    }

    /** The grant response (access_token, id_token, ...) of a password grant with {@code scope=openid}. */
    static JsonNode openIdTokens(TestUser user) {
        String password = "Gateway-test-" + UUID.randomUUID();
        String admin = adminToken();
        send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/colmena/users/" + user.userId() + "/reset-password"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}")), 204);
        return token(LocalInfrastructure.issuerUri(), Map.of("grant_type", "password", "scope", "openid",
                "client_id", env("COLMENA_IDENTITY_CLIENT_ID", "colmena-identity"),
                "client_secret", env("COLMENA_IDENTITY_CLIENT_SECRET", "colmena-identity-local-secret"),
                "username", user.email(), "password", password));
    }

    /** A partner client made for a test: Keycloak's internal id, its {@code client_id} and secret. */
    record PartnerClient(String id, String clientId, String secret) {

        /** A fresh client-credentials access token (it carries {@code client_id} and {@code tenant_id}). */
        String accessToken() {
            return token(LocalInfrastructure.issuerUri(), Map.of("grant_type", "client_credentials",
                    "client_id", clientId, "client_secret", secret)).get("access_token").asString();
        }

        /** Removes the client from the realm. */
        void delete() {
            send(HttpRequest.newBuilder(adminUri("/clients/" + id)).header("Authorization", "Bearer " + adminToken())
                    .DELETE(), 204);
        }
    }

    /**
     * A confidential client with a service account bound to {@code tenant}, as identity-service
     * makes for partners: scope {@code colmena-api}, attribute {@code tenant_id} on its service
     * account user.
     */
    static PartnerClient partnerClient(UUID tenant) {
        String admin = adminToken();
        String clientId = "gateway-test-partner-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("enabled", true)
                .put("publicClient", false).put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false).put("secret", secret);
        HttpResponse<String> created = send(HttpRequest.newBuilder(adminUri("/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode scope : JSON.readTree(send(HttpRequest.newBuilder(adminUri("/client-scopes"))
                .header("Authorization", "Bearer " + admin).GET(), 200).body())) {
            if ("colmena-api".equals(scope.get("name").asString())) {
                send(HttpRequest.newBuilder(adminUri("/clients/" + id + "/default-client-scopes/" + scope.get("id").asString()))
                        .header("Authorization", "Bearer " + admin).PUT(HttpRequest.BodyPublishers.noBody()), 204);
            }
        }
        JsonNode account = JSON.readTree(send(HttpRequest.newBuilder(adminUri("/clients/" + id + "/service-account-user"))
                .header("Authorization", "Bearer " + admin).GET(), 200).body());
        ObjectNode update = ((ObjectNode) account).deepCopy();
        update.putObject("attributes").putArray("tenant_id").add(tenant.toString());
        send(HttpRequest.newBuilder(adminUri("/users/" + account.get("id").asString()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))), 204);
        return new PartnerClient(id, clientId, secret);
    }

    /** The realm's RS256 signing key as PEM text (what an attacker would use as an HMAC secret). */
    static String signingKeyPem(String kid) {
        JsonNode keys = JSON.readTree(send(HttpRequest.newBuilder(
                URI.create(LocalInfrastructure.issuerUri() + "/protocol/openid-connect/certs")).GET(), 200).body());
        for (JsonNode key : keys.get("keys")) {
            if (kid.equals(key.get("kid").asString())) {
                try {
                    RSAPublicKeySpec spec = new RSAPublicKeySpec(
                            new BigInteger(1, B64D.decode(key.get("n").asString())),
                            new BigInteger(1, B64D.decode(key.get("e").asString())));
                    byte[] der = KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded();
                    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                            + "\n-----END PUBLIC KEY-----\n";
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new IllegalStateException("No key " + kid + " in the realm");
    }

    static ObjectNode header(String jwt) {
        return (ObjectNode) JSON.readTree(B64D.decode(jwt.split("\\.")[0]));
    }

    static ObjectNode payload(String jwt) {
        return (ObjectNode) JSON.readTree(B64D.decode(jwt.split("\\.")[1]));
    }

    static String encode(JsonNode json) {
        return B64.encodeToString(JSON.writeValueAsBytes(json));
    }

    /** {@code jwt} with another header, the signature kept. */
    static String withHeader(String jwt, JsonNode header) {
        String[] parts = jwt.split("\\.");
        return encode(header) + "." + parts[1] + "." + parts[2];
    }

    /** {@code jwt} with another payload, the signature kept. */
    static String withPayload(String jwt, JsonNode payload) {
        String[] parts = jwt.split("\\.");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The payload of {@code jwt} under {@code alg: none}, without a signature. */
    static String unsigned(String jwt) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + jwt.split("\\.")[1] + ".";
    }

    /** The payload of {@code jwt} signed with HS256 using {@code secret} as the key. */
    static String hs256(String jwt, String kid, String secret) {
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid);
        String signingInput = encode(header) + "." + jwt.split("\\.")[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String adminToken() {
        return token(keycloak() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", env("KEYCLOAK_ADMIN_USERNAME", "admin"), "password", env("KEYCLOAK_ADMIN_PASSWORD", "admin")))
                .get("access_token").asString();
    }

    private static URI adminUri(String path) {
        return URI.create(keycloak() + "/admin/realms/colmena" + path);
    }

    private static JsonNode token(String realmUri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(realmUri + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200).body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Keycloak is not reachable", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String keycloak() {
        return env("COLMENA_KEYCLOAK_URL", "http://localhost:8180");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
