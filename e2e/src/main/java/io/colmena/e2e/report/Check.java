package io.colmena.e2e.report;

import io.colmena.e2e.http.Response;
import java.util.Arrays;
import java.util.Objects;

/** Expectations of the scenarios; each failure is a {@link CheckFailed} with a message a person can act on. */
public final class Check {

    private Check() {}

    /** The response has one of the {@code expected} statuses; answers it. */
    public static Response status(Response response, int... expected) {
        if (Arrays.stream(expected).noneMatch(s -> s == response.status())) {
            String problem = response.problemType().isEmpty() ? ""
                    : " problem '" + response.problemType() + "': " + Objects.toString(response.field("detail"), "");
            throw new CheckFailed(response.method() + " " + response.path() + " answered " + response.status()
                    + problem + " where " + Arrays.toString(expected) + " was expected"
                    + (problem.isEmpty() ? ": " + shorten(response.text()) : ""));
        }
        return response;
    }

    /** The response is the RFC 9457 problem {@code type} with {@code status}. */
    public static Response problem(Response response, int status, String type) {
        status(response, status);
        if (!response.problemType().equals(type)) {
            throw new CheckFailed(response.method() + " " + response.path() + " answered " + status + " with problem '"
                    + response.problemType() + "' where '" + type + "' was expected: " + shorten(response.text()));
        }
        return response;
    }

    /** {@code condition} holds; else fails with {@code message}. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new CheckFailed(message);
        }
    }

    /** {@code actual} equals {@code expected}. */
    public static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new CheckFailed(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
