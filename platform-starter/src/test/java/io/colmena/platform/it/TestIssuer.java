package io.colmena.platform.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A token issuer for the starter's tests: an RSA key whose public half is served as a JWK set over
 * real HTTP, so the production decoder fetches it exactly as it fetches Keycloak's. It can also
 * mint the malformed tokens Keycloak never would (alg none, HS256, wrong issuer, ...).
 */
final class TestIssuer {

    static final String ISSUER = "http://issuer.test/realms/colmena";
    static final String AUDIENCE = "colmena-api";

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    static TestIssuer start() {
        return new TestIssuer();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    /** A valid access token for {@code tenant} with {@code roles}. */
    String accessToken(UUID tenant, String... roles) {
        return sign(claims(tenant, roles).build(), key.getKeyID());
    }

    /** A token built from valid claims changed by {@code change}, signed with the issuer's key under {@code kid}. */
    String token(UUID tenant, Consumer<JWTClaimsSet.Builder> change, String kid) {
        JWTClaimsSet.Builder claims = claims(tenant, "AGENT");
        change.accept(claims);
        return sign(claims.build(), kid);
    }

    /** A token with header {@code alg: none} and no signature. */
    String unsignedToken(UUID tenant) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(claims(tenant, "AGENT").build().toString()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** A token signed with HS256 using the issuer's public key bytes as the HMAC secret (key confusion). */
    String hs256WithPublicKey(UUID tenant) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(tenant, "AGENT").build());
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(UUID tenant, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("azp", "colmena-spa")
                .claim("roles", List.of(roles));
        if (tenant != null) {
            claims.claim("tenant_id", tenant.toString());
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
