package io.colmena.e2e.report;

import io.colmena.e2e.http.HttpCall;
import java.util.List;

/**
 * What one step did.
 *
 * @param title   what the step shows, in the words of a user
 * @param passed  whether every expectation held
 * @param calls   the HTTP calls it made through the gateway, in order
 * @param notes   facts it observed besides the calls (e.g. what the Stripe stand-in received)
 * @param millis  how long it took, in milliseconds
 * @param failure why it failed, or {@code null}
 */
public record StepResult(String title, boolean passed, List<HttpCall> calls, List<String> notes, long millis,
                         String failure) {}
