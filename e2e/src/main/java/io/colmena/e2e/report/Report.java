package io.colmena.e2e.report;

import io.colmena.e2e.http.HttpCall;
import io.colmena.e2e.http.Gateway;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs scenarios as steps and prints each step as it ends: ✓ or ✗, its time, the HTTP calls it made
 * through the gateway (method, path, status, body excerpt; identical consecutive calls folded into one
 * line with a count) and its notes; then a summary. A failed step ends its scenario; once a scenario
 * failed, the later ones are skipped, since each builds on the ones before.
 */
public final class Report {

    private final PrintStream out;
    private final List<ScenarioResult> scenarios = new ArrayList<>();
    private final long started = System.nanoTime();
    private List<StepResult> steps;
    private List<HttpCall> calls = new ArrayList<>();
    private List<String> notes = new ArrayList<>();

    /** Prints to {@code out}; hears the calls of {@code gateway}. */
    public Report(PrintStream out, Gateway gateway) {
        this.out = out;
        gateway.listener(this::heard);
    }

    /** A scenario's steps. */
    @FunctionalInterface
    public interface ScenarioBody {
        void run();
    }

    /** A step that returns nothing. */
    @FunctionalInterface
    public interface StepBody {
        void run() throws Exception;
    }

    /** Runs scenario {@code id} unless an earlier one failed; answers what happened. */
    public ScenarioResult scenario(String id, String title, ScenarioBody body) {
        out.printf(Locale.ROOT, "%n── Scenario %s · %s%n", id, title);
        steps = new ArrayList<>();
        long start = System.nanoTime();
        ScenarioResult result;
        if (scenarios.stream().anyMatch(s -> s.status() != ScenarioResult.Status.PASSED)) {
            out.println("   – skipped: an earlier scenario did not pass, and this one builds on it");
            result = new ScenarioResult(id, title, ScenarioResult.Status.SKIPPED, List.of(), 0,
                    "an earlier scenario did not pass");
        } else {
            String failure = null;
            try {
                body.run();
            } catch (StepStopped e) {
                failure = e.getMessage();
            }
            result = new ScenarioResult(id, title, failure == null ? ScenarioResult.Status.PASSED
                    : ScenarioResult.Status.FAILED, List.copyOf(steps), millisSince(start), failure);
        }
        scenarios.add(result);
        return result;
    }

    /** Runs one step; a failure is printed and ends the scenario. */
    public void step(String title, StepBody body) {
        step(title, () -> {
            body.run();
            return null;
        });
    }

    /** Runs one step and answers its result; a failure is printed and ends the scenario. */
    public <T> T step(String title, Callable<T> body) {
        calls = new ArrayList<>();
        notes = new ArrayList<>();
        long start = System.nanoTime();
        try {
            T value = body.call();
            finish(new StepResult(title, true, List.copyOf(calls), List.copyOf(notes), millisSince(start), null));
            return value;
        } catch (Exception | AssertionError e) {
            String reason = e instanceof CheckFailed || e instanceof Gateway.GatewayUnreachable
                    ? e.getMessage() : e.toString();
            finish(new StepResult(title, false, List.copyOf(calls), List.copyOf(notes), millisSince(start), reason));
            throw new StepStopped(title + ": " + reason);
        }
    }

    /** A fact the current step observed, printed under its calls. */
    public void note(String text) {
        notes.add(text);
    }

    /** The scenarios so far. */
    public List<ScenarioResult> scenarios() {
        return List.copyOf(scenarios);
    }

    /** Whether every scenario passed. */
    public boolean allPassed() {
        return !scenarios.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
    }

    /** Prints the summary table. */
    public void printSummary() {
        out.printf(Locale.ROOT, "%n══ Summary%n");
        int steps = 0;
        int passed = 0;
        int httpCalls = 0;
        for (ScenarioResult scenario : scenarios) {
            String mark = switch (scenario.status()) {
                case PASSED -> "✓";
                case FAILED -> "✗";
                case SKIPPED -> "–";
            };
            long ok = scenario.steps().stream().filter(StepResult::passed).count();
            int calls = scenario.steps().stream().mapToInt(s -> s.calls().size()).sum();
            out.printf(Locale.ROOT, "  %s %-2s %-90s %2d/%-2d steps %4d calls %6.1f s%n", mark, scenario.id(),
                    scenario.title(), ok, scenario.steps().size(), calls, scenario.millis() / 1000.0);
            steps += scenario.steps().size();
            passed += (int) ok;
            httpCalls += calls;
        }
        long failedScenarios = scenarios.stream().filter(s -> !s.passed()).count();
        out.printf(Locale.ROOT, "  %d scenarios, %d passed; %d steps, %d passed; %d HTTP calls through the gateway; %.1f s%n",
                scenarios.size(), scenarios.size() - failedScenarios, steps, passed, httpCalls,
                millisSince(started) / 1000.0);
        scenarios.stream().filter(s -> s.status() == ScenarioResult.Status.FAILED).forEach(s ->
                out.printf(Locale.ROOT, "  ✗ %s failed at %s%n", s.id(), s.failure()));
        out.println(allPassed() ? "  RESULT: PASSED" : "  RESULT: FAILED");
    }

    private synchronized void heard(HttpCall call) {
        calls.add(call);
    }

    private void finish(StepResult step) {
        steps.add(step);
        out.printf(Locale.ROOT, "  %s %s  (%d ms)%n", step.passed() ? "✓" : "✗", step.title(), step.millis());
        for (int i = 0; i < step.calls().size(); ) {
            HttpCall call = step.calls().get(i);
            int same = 1;
            while (i + same < step.calls().size() && similar(call, step.calls().get(i + same))) {
                same++;
            }
            String excerpt = step.calls().get(i + same - 1).excerpt();
            out.printf(Locale.ROOT, "      %-6s %s → %d%s%s%n", call.method(), call.path(), call.status(),
                    same > 1 ? " ×" + same : "", excerpt.isEmpty() ? "" : "  " + excerpt);
            i += same;
        }
        step.notes().forEach(note -> out.printf(Locale.ROOT, "      · %s%n", note));
        if (!step.passed()) {
            out.printf(Locale.ROOT, "      ✗ %s%n", step.failure());
        }
    }

    private static boolean similar(HttpCall a, HttpCall b) {
        return a.method().equals(b.method()) && a.path().equals(b.path()) && a.status() == b.status();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Ends a scenario after a failed step (already printed). */
    static final class StepStopped extends RuntimeException {

        StepStopped(String message) {
            super(message);
        }
    }
}
