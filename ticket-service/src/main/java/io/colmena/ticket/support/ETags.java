package io.colmena.ticket.support;

import io.colmena.platform.web.ProblemException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Entity tags for optimistic locking: a resource's ETag is its version as a strong tag
 * ({@code "3"}), and {@code If-Match} must name it (RFC 9110 §8.8.3 and §13.1.1; weak tags never
 * match because If-Match uses the strong comparison). Following the platform's problem types, a
 * stale tag is a 409 {@code concurrent-modification} and a missing one a 428
 * {@code precondition-required} (RFC 6585 §3).
 */
public final class ETags {

    private static final Pattern STRONG_TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(,|$)");

    private ETags() {}

    /** The ETag of a resource at {@code version}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks {@code ifMatch} against the resource's current {@code version}.
     *
     * @param ifMatch  the header's value; {@code null} when {@code required} is false skips the check
     * @param required whether a missing header is a 428
     * @throws ProblemException 428 when required and missing, 400 when unreadable, 409 when no tag matches
     */
    public static void check(String ifMatch, long version, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                        "Precondition required",
                        "Send If-Match with the ETag you read (GET answers it) so concurrent edits are not lost");
            }
            return;
        }
        if (ifMatch.trim().equals("*")) {
            return;
        }
        Matcher matcher = STRONG_TAG.matcher(ifMatch);
        int position = 0;
        boolean any = false;
        while (position < ifMatch.length() && matcher.find(position) && matcher.start() == position) {
            any = true;
            if (matcher.group(1) == null && matcher.group(2).equals(Long.toString(version))) {
                return;
            }
            position = matcher.end();
        }
        if (!any || position < ifMatch.length()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "If-Match must be a list of entity tags such as \"3\"");
        }
        throw ProblemException.conflict("concurrent-modification",
                        "The ticket was changed by someone else since you read it; read it again and retry")
                .with("currentVersion", version);
    }
}
