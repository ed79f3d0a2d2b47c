package io.colmena.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.colmena.events.identity.Plan;
import io.colmena.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class PlanLimitProblemsTest {

    @Test
    void roomUnderTheLimitPasses() {
        assertThatCode(() -> PlanLimitProblems.checkUsers(Plan.STARTER, 2)).doesNotThrowAnyException();
        assertThatCode(() -> PlanLimitProblems.checkUsers(Plan.ENTERPRISE, 10_000)).doesNotThrowAnyException();
    }

    @Test
    void aFullPlanIsA402NamingTheSmallestPlanThatLiftsTheLimit() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> PlanLimitProblems.checkUsers(Plan.FREE, 1));

        assertThat(problem.status().value()).isEqualTo(402);
        assertThat(problem.type().toString()).endsWith("/plan-limit-reached");
        assertThat(problem.properties()).containsEntry("limit", "users").containsEntry("allowed", 1)
                .containsEntry("usage", 1L).containsEntry("upgradeTo", Plan.STARTER);
    }

    @Test
    void theUpgradeSkipsPlansThatWouldStillBeFull() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> PlanLimitProblems.checkUsers(Plan.FREE, 5));

        assertThat(problem.properties()).containsEntry("upgradeTo", Plan.PRO);
    }
}
