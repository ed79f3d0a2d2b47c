package io.colmena.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.identity.support.Api;
import io.colmena.identity.support.IdentityIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The invitation and password-reset e-mails as GreenMail receives them over SMTP: plain text and
 * HTML alternatives, in the tenant's language and time zone, with the same link in both parts and
 * the tenant's own words escaped in the HTML.
 */
class IdentityMailIT extends IdentityIntegrationTest {

    @Test
    void aNewTenantsInvitationIsInSpanishWithTheSameLinkInTextAndHtml() throws Exception {
        Registered owner = register("Taller <Ñandú> & Cía");
        setPlan(owner.tenantId(), "STARTER");
        String email = "agente-" + UUID.randomUUID() + "@test.colmena.local";

        Api.Response invited = api.post("/api/users/invite", owner.accessToken(),
                Map.of("email", email, "name", "Lucía Pérez", "role", "AGENT"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

        MimeMessage message = awaitMessageTo(email, Duration.ofSeconds(20)).orElseThrow();
        assertThat(message.getSubject()).isEqualTo("Te han invitado a Taller <Ñandú> & Cía en Colmena");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        String token = tokenFrom(text);

        assertThat(text).startsWith("Hola, Lucía Pérez:")
                .contains("te ha invitado a unirte a Taller <Ñandú> & Cía en Colmena como agente.")
                .contains("(Europe/Madrid)");
        assertThat(html).contains("<html lang=\"es-ES\">")
                .contains("Taller &lt;Ñandú&gt; &amp; Cía")
                .doesNotContain("<Ñandú>")
                .contains("href=\"http")
                .contains("/accept-invitation?token=");
        assertThat(tokenFrom(html)).as("the same link in both parts").isEqualTo(token);
        assertThat(api.get("/api/auth/invitations/" + token, null).status()).isEqualTo(200);
    }

    @Test
    void anEnglishTenantsResetLinkIsInEnglishInItsTimeZone() throws Exception {
        Registered owner = register("Harbour Tools");
        Api.Response current = api.get("/api/tenants/current", owner.accessToken());
        Api.Response updated = api.put("/api/tenants/current", owner.accessToken(),
                Map.of("name", "Harbour Tools", "industry", "retail", "locale", "en-GB",
                        "timezone", "Europe/London", "settings", Map.of()),
                Map.of("If-Match", current.header("ETag")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        assertThat(api.post("/api/auth/forgot-password", null, Map.of("email", owner.email())).status())
                .isEqualTo(202);

        MimeMessage message = awaitMessageTo(owner.email(), Duration.ofSeconds(20)).orElseThrow();
        assertThat(message.getSubject()).isEqualTo("Reset your Colmena password");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        String text = part(message, "text/plain");
        assertThat(text).contains("reset the password of your Colmena account at Harbour Tools")
                .contains("(Europe/London)")
                .contains("/reset-password?token=");
        assertThat(part(message, "text/html")).contains("<html lang=\"en-GB\">").contains("Choose a new password");
        assertThat(tokenFrom(part(message, "text/html"))).isEqualTo(tokenFrom(text));
    }
}
