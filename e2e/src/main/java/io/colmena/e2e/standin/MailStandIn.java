package io.colmena.e2e.standin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server identity-service sends its e-mails to (default {@code localhost:1025}, identity's
 * {@code spring.mail} default), played by GreenMail inside this JVM: it accepts every message, keeps it in
 * memory, and lets a scenario read what was sent to an address.
 */
public final class MailStandIn implements AutoCloseable {

    private final GreenMail greenMail;

    private MailStandIn(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * An e-mail received.
     *
     * @param to      the first recipient, lower case
     * @param subject its subject
     * @param body    its text body (for a multipart message, every text part)
     */
    public record Mail(String to, String subject, String body) {

        /** The first link in the body whose URL contains {@code marker} (e.g. {@code /accept-invitation?token=}). */
        public Optional<String> link(String marker) {
            Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(marker) + "[^\\s\"'<>]*").matcher(body);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }
    }

    /**
     * Starts SMTP on {@code port} of 127.0.0.1.
     *
     * @throws IllegalStateException when the port is taken
     */
    public static MailStandIn start(int port) {
        StripeStandIn.requireFree(port, "SMTP stand-in");
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailStandIn(greenMail);
    }

    /** The port it listens on. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * The newest e-mail to {@code address} whose subject contains {@code subjectPart}, waiting up to
     * {@code timeout} for it.
     */
    public Optional<Mail> await(String address, String subjectPart, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            Optional<Mail> found = Arrays.stream(greenMail.getReceivedMessages()).map(MailStandIn::read)
                    .filter(m -> m.to().equalsIgnoreCase(address) && m.subject().contains(subjectPart))
                    .reduce((first, second) -> second);
            if (found.isPresent()) {
                return found;
            }
            greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    /** Every e-mail received so far, oldest first. */
    public java.util.List<Mail> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailStandIn::read).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * What a person reads: the decoded plain text of {@code part}, from a multipart its first
     * {@code text/plain} part (the HTML alternative says the same), or, without one, its text parts joined.
     */
    private static String text(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                joined.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return joined.toString();
        }
        return "";
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            String recipient = to == null || to.length == 0 ? ""
                    : ((jakarta.mail.internet.InternetAddress) to[0]).getAddress().toLowerCase(Locale.ROOT);
            return new Mail(recipient, message.getSubject() == null ? "" : message.getSubject(), text(message));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("Unreadable e-mail in the SMTP stand-in", e);
        }
    }
}
