package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.colmena.platform.web.ProblemException;
import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.springframework.http.HttpStatus;

/**
 * 402 {@code plan-limit-reached}: one more of something would exceed the tenant's plan. The
 * problem names the limit ({@code limit}), what the plan allows ({@code allowed}), the current
 * usage ({@code usage}), the tenant's plan ({@code plan}) and the smallest plan that lifts the
 * limit ({@code upgradeTo}, {@code null} when none does).
 */
public final class PlanLimitProblems {

    private PlanLimitProblems() {}

    /** Refuses one more user when {@code usage} users already count against {@code plan}. */
    public static void checkUsers(Plan plan, long usage) {
        check("users", plan, usage, Plan::users);
    }

    private static void check(String limit, Plan plan, long usage, ToIntFunction<Plan> allowance) {
        int allowed = allowance.applyAsInt(plan);
        if (Plan.allows(allowed, usage)) {
            return;
        }
        Plan upgradeTo = Arrays.stream(Plan.values())
                .filter(candidate -> candidate.ordinal() > plan.ordinal())
                .filter(candidate -> Plan.allows(allowance.applyAsInt(candidate), usage))
                .findFirst().orElse(null);
        throw new ProblemException(HttpStatus.PAYMENT_REQUIRED, "plan-limit-reached", "Plan limit reached",
                "The " + plan + " plan's '" + limit + "' limit is " + allowed + " and the tenant uses " + usage
                        + (upgradeTo == null ? "" : "; upgrade to " + upgradeTo + " for more"))
                .with("limit", limit)
                .with("allowed", allowed)
                .with("usage", usage)
                .with("plan", plan)
                .with("upgradeTo", upgradeTo);
    }
}
