package io.colmena.e2e.report;

import java.util.List;

/**
 * What one scenario did.
 *
 * @param id      its number in the journey
 * @param title   what it shows
 * @param status  PASSED, FAILED or SKIPPED (an earlier scenario failed; this one needs its results)
 * @param steps   its steps, in order
 * @param millis  how long it took, in milliseconds
 * @param failure why it failed or was skipped, or {@code null}
 */
public record ScenarioResult(String id, String title, Status status, List<StepResult> steps, long millis,
                             String failure) {

    /** How a scenario ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /** Whether it passed. */
    public boolean passed() {
        return status == Status.PASSED;
    }
}
