package io.colmena.identity.mail;

import io.colmena.identity.config.IdentityProperties;
import io.colmena.identity.tenant.Tenant;
import io.colmena.platform.web.ProblemException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mails identity-service sends over SMTP (Spring Mail): invitations, password-reset links and
 * the notice that a tenant's ownership moved.
 *
 * <p>Each is {@code multipart/alternative}, plain text and HTML, in UTF-8, in the tenant's language
 * ({@code locale} of the tenant, e.g. {@code es-ES}; texts in {@code mail/messages*.properties},
 * English for a language without its own file) with the link's expiry in the tenant's time zone.
 * Every value put into the HTML part is HTML-escaped (RFC 2046 §5.1.4 for the alternative parts).
 *
 * <p>Links point at the web app ({@code colmena.identity.app-url}), which posts the token back to
 * the API. Callers send inside their transaction, so a mail that cannot be sent rolls the
 * invitation or reset token back (503 {@code mail-unavailable}) rather than leaving a link nobody
 * received.
 */
@Component
public class IdentityMailer {

    private static final Logger log = LoggerFactory.getLogger(IdentityMailer.class);

    private final JavaMailSender mail;
    private final IdentityProperties properties;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public IdentityMailer(JavaMailSender mail, IdentityProperties properties) {
        this.mail = mail;
        this.properties = properties;
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
    }

    /**
     * Invites {@code to} to join {@code tenant} as {@code role}; the link carries {@code token} and
     * works until {@code expiresAt}.
     */
    public void sendInvitation(Tenant tenant, String to, String inviteeName, String inviterName, String role,
                               String token, Instant expiresAt) {
        Texts texts = new Texts(tenant);
        String link = properties.appUrl() + "/accept-invitation?token=" + encode(token);
        send(to, texts.get("invitation.subject", tenant.name()), new Content(texts, inviteeName,
                texts.get("invitation.body", inviterName, tenant.name(), texts.get("role." + role)),
                texts.get("invitation.action"), link,
                texts.get("invitation.expiry", texts.dateTime(expiresAt)), tenant.name()));
    }

    /** Sends a password-reset link for {@code tenant}'s user {@code to}, valid until {@code expiresAt}. */
    public void sendPasswordReset(Tenant tenant, String to, String name, String token, Instant expiresAt) {
        Texts texts = new Texts(tenant);
        String link = properties.appUrl() + "/reset-password?token=" + encode(token);
        send(to, texts.get("reset.subject"), new Content(texts, name, texts.get("reset.body", tenant.name()),
                texts.get("reset.action"), link, texts.get("reset.expiry", texts.dateTime(expiresAt)), tenant.name()));
    }

    /**
     * Tells {@code to} that {@code tenant}'s ownership moved from {@code previousOwnerName} to
     * {@code newOwnerName} at {@code at}: the new owner ({@code toNewOwner}) and the previous one,
     * who stays on as administrator, each get one, with a link to the web app.
     */
    public void sendOwnershipTransferred(Tenant tenant, String to, boolean toNewOwner, String previousOwnerName,
                                         String newOwnerName, Instant at) {
        Texts texts = new Texts(tenant);
        String subject = toNewOwner ? texts.get("ownership.received.subject", tenant.name())
                : texts.get("ownership.handed-over.subject", newOwnerName, tenant.name());
        String body = toNewOwner ? texts.get("ownership.received.body", previousOwnerName, tenant.name())
                : texts.get("ownership.handed-over.body", newOwnerName, tenant.name());
        send(to, subject, new Content(texts, toNewOwner ? newOwnerName : previousOwnerName, body,
                texts.get("ownership.action"), properties.appUrl(), texts.get("ownership.notice", texts.dateTime(at)),
                tenant.name()));
    }

    /** What an e-mail says, before it is laid out as text and as HTML. */
    private record Content(Texts texts, String name, String body, String action, String link, String footnote,
                           String tenantName) {

        String plain() {
            return texts.get("greeting", name) + "\n\n" + body + "\n\n" + action + ":\n" + link + "\n\n" + footnote
                    + "\n\n-- \n" + texts.get("footer", tenantName) + "\n";
        }

        String html() {
            String href = HtmlUtils.htmlEscape(link);
            return """
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8"><title>%s</title></head>
                    <body style="margin:0;padding:24px;background:#f5f5f4;font-family:Helvetica,Arial,sans-serif;color:#1c1917">
                    <table role="presentation" width="100%%" cellspacing="0" cellpadding="0"><tr><td align="center">
                    <table role="presentation" width="560" cellspacing="0" cellpadding="0" style="max-width:560px;background:#ffffff;border-radius:8px;padding:32px">
                    <tr><td style="font-size:16px;line-height:24px">
                    <p style="margin:0 0 16px">%s</p>
                    <p style="margin:0 0 24px">%s</p>
                    <p style="margin:0 0 24px"><a href="%s" style="display:inline-block;background:#b45309;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">%s</a></p>
                    <p style="margin:0 0 8px;font-size:13px;color:#57534e">%s<br><a href="%s" style="color:#b45309;word-break:break-all">%s</a></p>
                    <p style="margin:16px 0 0;font-size:13px;color:#57534e">%s</p>
                    </td></tr></table>
                    <p style="font-size:12px;color:#78716c">%s</p>
                    </td></tr></table>
                    </body></html>
                    """.formatted(texts.languageTag(), escape(action), escape(texts.get("greeting", name)),
                    escape(body), href, escape(action), escape(texts.get("link-fallback")), href, href,
                    escape(footnote), escape(texts.get("footer", tenantName)));
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
        }
    }

    /** The tenant's language and time zone, and the texts in that language. */
    private final class Texts {

        private final Locale locale;
        private final ZoneId zone;

        Texts(Tenant tenant) {
            this.locale = tenant.locale() == null || tenant.locale().isBlank()
                    ? Locale.ENGLISH : Locale.forLanguageTag(tenant.locale());
            this.zone = zone(tenant.timezone());
        }

        String get(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }

        /** E.g. "21 nov 2026, 14:05 (Europe/Madrid)" for es-ES. */
        String dateTime(Instant instant) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(zone).format(instant) + " (" + zone.getId() + ")";
        }

        String languageTag() {
            return locale.toLanguageTag();
        }

        private static ZoneId zone(String timezone) {
            try {
                return timezone == null || timezone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timezone);
            } catch (DateTimeException e) {
                return ZoneId.of("UTC");
            }
        }
    }

    private void send(String to, String subject, Content content) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            // A bare multipart/alternative, least preferred first (RFC 2046 §5.1.4): no attachments
            // or inline images, so none of Spring's mixed/related nesting.
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(content.plain(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", plain, html));
            mail.send(message);
        } catch (MailException | MessagingException e) {
            log.warn("Could not send '{}' e-mail: {}", subject, e.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "mail-unavailable", "Mail unavailable",
                    "The e-mail could not be sent; nothing was changed, try again shortly");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
