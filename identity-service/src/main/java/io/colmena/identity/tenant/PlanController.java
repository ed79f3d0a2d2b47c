package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's plans and their limits ({@code GET /api/plans}). */
@RestController
@Tag(name = "Plans", description = "Plans and their limits")
public class PlanController {

    /**
     * One plan.
     *
     * @param plan   FREE, STARTER, PRO or ENTERPRISE, from smallest to largest
     * @param limits its limits ({@code -1} = unlimited)
     */
    public record PlanResponse(Plan plan, PlanLimits limits) {}

    /**
     * Every plan with its limits, smallest first: the table of ARCHITECTURE.md §4 (from seed 002),
     * read from {@link Plan}. Any authenticated caller.
     */
    @GetMapping("/api/plans")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Plans and their limits")
    public List<PlanResponse> plans() {
        return Arrays.stream(Plan.values()).map(plan -> new PlanResponse(plan, PlanLimits.of(plan))).toList();
    }
}
