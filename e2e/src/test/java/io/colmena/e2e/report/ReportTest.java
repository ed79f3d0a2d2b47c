package io.colmena.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.e2e.http.Gateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Steps, failures and the summary of the demo's report. */
class ReportTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8),
            new Gateway("http://localhost:1"));

    @Test
    void aFailedStepEndsItsScenarioAndTheLaterScenariosAreSkipped() {
        ScenarioResult first = report.scenario("1", "first", () -> {
            report.step("passes", () -> report.note("observed"));
            report.step("fails", () -> Check.equal("PAID", "PENDING", "status"));
            report.step("never runs", () -> { });
        });
        ScenarioResult second = report.scenario("2", "second", () -> report.step("would pass", () -> { }));
        report.printSummary();

        assertThat(first.status()).isEqualTo(ScenarioResult.Status.FAILED);
        assertThat(first.steps()).extracting(StepResult::title).containsExactly("passes", "fails");
        assertThat(first.failure()).isEqualTo("fails: status: expected PAID but was PENDING");
        assertThat(second.status()).isEqualTo(ScenarioResult.Status.SKIPPED);
        assertThat(report.allPassed()).isFalse();
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("✓ passes", "· observed", "✗ fails", "✗ status: expected PAID but was PENDING",
                "RESULT: FAILED");
    }

    @Test
    void aCallThatGetsNoResponseFailsTheStepWithTheReason() {
        Gateway nowhere = new Gateway("http://127.0.0.1:1");
        Report withNowhere = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8), nowhere);
        ScenarioResult result = withNowhere.scenario("1", "unreachable", () ->
                withNowhere.step("calls", () -> nowhere.get("/api/plans", null)));

        assertThat(result.status()).isEqualTo(ScenarioResult.Status.FAILED);
        assertThat(result.steps().getFirst().calls()).singleElement()
                .satisfies(call -> assertThat(call.status()).isZero());
        assertThat(result.failure()).contains("GET http://127.0.0.1:1/api/plans got no response");
    }
}
