package io.colmena.billing.stripe;

import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.colmena.platform.web.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook's {@code Stripe-Signature} over the raw request bytes with stripe-java
 * ({@link Webhook.Signature#verifyHeader}), as Stripe specifies
 * (https://docs.stripe.com/webhooks#verify-official-libraries): HMAC-SHA256 of {@code <t>.<raw body>}
 * with the endpoint's secret must equal one of the header's {@code v1} values, and {@code t} must be
 * at most the tolerance (300 s) old by the service's {@link Clock}. Several configured secrets are
 * tried in turn, so a secret can be rotated without losing deliveries; several {@code v1} values in
 * the header are accepted (Stripe sends one per active secret while it rolls a secret).
 *
 * <p>Every failure is a 400 problem, never a 500: a missing header, a header that does not parse, a
 * body that is not UTF-8, a signature that matches no secret, a stale timestamp, a body that is not a
 * Stripe event.
 */
@Component
class StripeSignatureVerifier {

    private static final Pattern ELEMENT = Pattern.compile("[a-z0-9]+=[^,\\s]*");
    private static final Pattern TIMESTAMP = Pattern.compile("t=\\d{1,12}");
    private static final Pattern V1 = Pattern.compile("v1=[0-9a-f]{64}");

    private final Clock clock;

    StripeSignatureVerifier(Clock clock) {
        this.clock = clock;
    }

    /** The verified event, or a 400 problem. {@code secrets} must not be empty. */
    Event verify(byte[] body, String header, List<String> secrets, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw badRequest("stripe-signature-missing", "Missing Stripe signature",
                    "The Stripe-Signature header is required");
        }
        checkShape(header);
        String payload = utf8(body);
        String matched = null;
        boolean stale = false;
        for (String secret : secrets) {
            try {
                Webhook.Signature.verifyHeader(payload, header, secret, tolerance.toSeconds(), clock);
                matched = secret;
                break;
            } catch (SignatureVerificationException e) {
                stale |= e.getMessage() != null && e.getMessage().contains("tolerance");
            } catch (RuntimeException e) {
                throw malformed();
            }
        }
        if (matched == null) {
            throw stale
                    ? badRequest("stripe-signature-stale", "Stale Stripe signature",
                            "The signature's timestamp is older than " + tolerance.toSeconds() + " seconds")
                    : badRequest("stripe-signature-invalid", "Invalid Stripe signature",
                            "The signature does not match the body for any of this endpoint's secrets");
        }
        try {
            Event event = Webhook.constructEvent(payload, header, matched, tolerance.toSeconds(), clock);
            if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
                throw notAnEvent();
            }
            return event;
        } catch (SignatureVerificationException e) {
            throw badRequest("stripe-signature-invalid", "Invalid Stripe signature", "The signature does not verify");
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw notAnEvent();
        }
    }

    private static void checkShape(String header) {
        String[] elements = header.split(",", -1);
        long timestamps = 0;
        long signatures = 0;
        for (String element : elements) {
            if (!ELEMENT.matcher(element).matches()) {
                throw malformed();
            }
            if (element.startsWith("t=")) {
                if (!TIMESTAMP.matcher(element).matches()) {
                    throw malformed();
                }
                timestamps++;
            } else if (V1.matcher(element).matches()) {
                signatures++;
            }
        }
        if (timestamps != 1 || signatures == 0) {
            throw malformed();
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw badRequest("stripe-signature-invalid", "Invalid Stripe signature",
                    "The body is not UTF-8, so it cannot be what Stripe signed");
        }
    }

    private static ProblemException malformed() {
        return badRequest("stripe-signature-malformed", "Malformed Stripe signature",
                "The Stripe-Signature header must look like t=<unix seconds>,v1=<64 hex digits>[,v1=...]");
    }

    private static ProblemException notAnEvent() {
        return badRequest("stripe-payload-malformed", "Not a Stripe event",
                "The signed body is not a Stripe event with id, type and created");
    }

    static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, title, detail);
    }
}
