package io.colmena.identity.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.platform.test.KeycloakTestUsers;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of identity-service's integration tests: the whole service booted against the local
 * PostgreSQL, Kafka and Keycloak (same context as {@code IdentityServiceIT}), with e-mail caught
 * by GreenMail and a movable clock ({@link TestInfrastructure}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "colmena.security.issuer-uri=${COLMENA_ISSUER_URI:http://localhost:8180/realms/colmena}")
public abstract class IdentityIntegrationTest {

    /** Passes the realm's policy (12+ characters, not the e-mail). */
    protected static final String PASSWORD = "Correct-horse-battery-9";

    @LocalServerPort
    protected int port;

    protected Api api;

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
        TestInfrastructure.clock().reset();
    }

    @AfterEach
    void resetClock() {
        TestInfrastructure.clock().reset();
    }

    /** A registered business. */
    protected record Registered(UUID tenantId, UUID ownerId, String email, String accessToken, String refreshToken) {}

    /** Registers a new business with a fresh e-mail and returns its owner's tokens. */
    protected Registered register(String businessName) {
        String email = "owner-" + UUID.randomUUID() + "@test.colmena.local";
        Api.Response response = api.post("/api/auth/register", null, Map.of(
                "businessName", businessName, "industry", "it-services", "ownerName", "Olga Owner",
                "email", email, "password", PASSWORD));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String access = response.json().get("accessToken").asString();
        JsonNode claims = claims(access);
        return new Registered(UUID.fromString(claims.get("tenant_id").asString()),
                UUID.fromString(claims.get("sub").asString()), email, access,
                response.json().get("refreshToken").asString());
    }

    /** A PLATFORM_ADMIN's access token (a real Keycloak user). */
    protected static String platformAdminToken() {
        return KeycloakTestUsers.create(UUID.randomUUID(), "PLATFORM_ADMIN", null).accessToken();
    }

    /** Puts {@code tenant} on {@code plan} as a platform operator. */
    protected void setPlan(UUID tenant, String plan) {
        Api.Response response = api.put("/api/tenants/" + tenant + "/plan", platformAdminToken(), Map.of("plan", plan));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Logs in and returns the token response. */
    protected JsonNode login(String email, String password) {
        Api.Response response = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The claims of a JWT, unverified (the service verified it). */
    protected static JsonNode claims(String jwt) {
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The plain-text part of the newest e-mail to {@code to}, waiting up to {@code timeout}. */
    protected static Optional<String> awaitMailTo(String to, Duration timeout) {
        return awaitMessageTo(to, timeout).map(message -> part(message, "text/plain"));
    }

    /** The newest e-mail to {@code to}, waiting up to {@code timeout}. */
    protected static Optional<MimeMessage> awaitMessageTo(String to, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] messages = TestInfrastructure.mail().getReceivedMessages();
            Optional<MimeMessage> found = Arrays.stream(messages)
                    .filter(message -> recipient(message).equalsIgnoreCase(to))
                    .reduce((first, second) -> second);
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The decoded content of the first part of {@code message} of {@code mimeType}, searched depth-first. */
    protected static String part(Part message, String mimeType) {
        try {
            if (message.isMimeType(mimeType)) {
                return (String) message.getContent();
            }
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code token=} parameter of the link in a mail body. */
    protected static String tokenFrom(String mailBody) {
        Matcher matcher = Pattern.compile("token=([A-Za-z0-9_%-]+)").matcher(mailBody);
        assertThat(matcher.find()).as("a link with a token in: " + mailBody).isTrue();
        return java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            return "";
        }
    }
}
