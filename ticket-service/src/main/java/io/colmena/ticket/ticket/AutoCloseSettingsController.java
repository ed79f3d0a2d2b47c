package io.colmena.ticket.ticket;

import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * When tickets waiting for the client close by themselves: a reminder event after
 * {@code remindAfterDays}, the close after {@code closeAfterDays} (and never sooner than the gap
 * between the two after the reminder). Staff read; OWNER and ADMIN write. Applies to tickets that
 * start waiting afterwards.
 */
@RestController
@RequestMapping("/api/tickets/settings/auto-close")
@Tag(name = "Ticket settings")
@PreAuthorize("hasAnyRole('OWNER','ADMIN','AGENT')")
class AutoCloseSettingsController {

    /**
     * @param closeAfterDays  0 (off) to 365 days of WAITING_CLIENT before closing
     * @param remindAfterDays 1 to {@code closeAfterDays - 1} days before the reminder (ignored when off)
     */
    record AutoCloseSettingsBody(@NotNull @Min(0) @Max(365) Integer closeAfterDays,
                                 @NotNull @Min(0) @Max(364) Integer remindAfterDays) {}

    private final AutoCloseSettings settings;
    private final Clock clock;

    AutoCloseSettingsController(AutoCloseSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "Read auto-close settings")
    @GetMapping
    @Transactional(readOnly = true)
    public AutoCloseSettingsBody get() {
        AutoCloseSettings.Days days = settings.current();
        return new AutoCloseSettingsBody(days.closeAfterDays(), days.remindAfterDays());
    }

    /** Replaces them; 422 {@code invalid-auto-close} unless 1 ≤ remindAfterDays &lt; closeAfterDays (or closeAfterDays = 0). */
    @Operation(summary = "Replace auto-close settings (OWNER, ADMIN)")
    @PutMapping
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @Transactional
    public AutoCloseSettingsBody put(@Valid @RequestBody AutoCloseSettingsBody body) {
        if (body.closeAfterDays() > 0 && (body.remindAfterDays() < 1 || body.remindAfterDays() >= body.closeAfterDays())) {
            throw ProblemException.unprocessable("invalid-auto-close",
                    "remindAfterDays must be at least 1 and less than closeAfterDays");
        }
        settings.put(new AutoCloseSettings.Days(body.closeAfterDays(), body.remindAfterDays()), clock.instant());
        return body;
    }
}
