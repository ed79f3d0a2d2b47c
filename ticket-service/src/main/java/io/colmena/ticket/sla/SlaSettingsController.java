package io.colmena.ticket.sla;

import io.colmena.platform.web.ProblemException;
import io.colmena.ticket.sla.BusinessCalendar.Window;
import io.colmena.ticket.sla.BusinessCalendars.Holiday;
import io.colmena.ticket.sla.SlaPolicies.SlaPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's SLA configuration: business hours (time zone and working windows), holidays, and one
 * policy per priority. Staff (OWNER, ADMIN, AGENT) read; OWNER and ADMIN write. A change applies to
 * SLA clocks from their next start, resume or retarget; due times already computed stay as they are.
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "SLA settings", description = "Business hours, holidays and SLA policies of the tenant")
@PreAuthorize("hasAnyRole('OWNER','ADMIN','AGENT')")
class SlaSettingsController {

    /**
     * @param day   MONDAY ... SUNDAY
     * @param start local time the window opens ({@code "09:00"})
     * @param end   local time it closes, exclusive; {@code "00:00"} means the end of the day
     */
    record WorkingWindow(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {}

    /**
     * @param timeZone     IANA time zone id ({@code "Europe/Madrid"})
     * @param workingHours at least one window; windows of one day must not overlap
     * @param configured   false while the tenant uses the default (Monday–Friday 09:00–17:00 UTC)
     */
    record BusinessHoursResponse(String timeZone, List<WorkingWindow> workingHours, boolean configured) {}

    record BusinessHoursRequest(@NotBlank String timeZone, @NotEmpty @Size(max = 70) List<@Valid @NotNull WorkingWindow> workingHours) {}

    /** A day without business time, a local date of the tenant's time zone. */
    record HolidayResponse(LocalDate date, String name) {}

    record HolidayRequest(@NotBlank @Size(max = 200) String name) {}

    /** Targets in business minutes, each 1 to 525600 (a year). */
    record SlaPolicyRequest(@NotNull @Min(1) @Max(525_600) Integer firstResponseMinutes,
                            @NotNull @Min(1) @Max(525_600) Integer resolutionMinutes) {}

    /** The policy of one priority; both targets are null when the priority has none (no SLA clocks). */
    record SlaPolicyResponse(Priority priority, Integer firstResponseMinutes, Integer resolutionMinutes) {}

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;

    SlaSettingsController(BusinessCalendars calendars, SlaPolicies policies) {
        this.calendars = calendars;
        this.policies = policies;
    }

    /** The tenant's business hours. */
    @Operation(summary = "Read business hours")
    @GetMapping("/settings/business-hours")
    @Transactional(readOnly = true)
    public BusinessHoursResponse businessHours() {
        return toResponse(calendars.hours());
    }

    /** Replaces the tenant's business hours. 400 {@code invalid-business-hours} for an unknown zone or overlapping windows. */
    @Operation(summary = "Replace business hours (OWNER, ADMIN)")
    @PutMapping("/settings/business-hours")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @Transactional
    public BusinessHoursResponse replaceBusinessHours(@Valid @RequestBody BusinessHoursRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw invalidHours("Unknown time zone '" + request.timeZone() + "': use an IANA id such as Europe/Madrid");
        }
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        try {
            for (WorkingWindow window : request.workingHours()) {
                week.computeIfAbsent(window.day(), day -> new ArrayList<>())
                        .add(new Window(window.start().withSecond(0).withNano(0), window.end().withSecond(0).withNano(0)));
            }
            calendars.replaceHours(zone, week);
        } catch (IllegalArgumentException e) {
            throw invalidHours(e.getMessage());
        }
        return toResponse(calendars.hours());
    }

    /** The tenant's holidays, oldest first. */
    @Operation(summary = "List holidays")
    @GetMapping("/settings/holidays")
    @Transactional(readOnly = true)
    public List<HolidayResponse> holidays() {
        return calendars.holidays().stream().map(h -> new HolidayResponse(h.date(), h.name())).toList();
    }

    /** Adds (or renames) the holiday on {@code date} ({@code yyyy-MM-dd}). */
    @Operation(summary = "Add or rename a holiday (OWNER, ADMIN)")
    @PutMapping("/settings/holidays/{date}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @Transactional
    public HolidayResponse putHoliday(@PathVariable LocalDate date, @Valid @RequestBody HolidayRequest request) {
        calendars.putHoliday(new Holiday(date, request.name().strip()));
        return new HolidayResponse(date, request.name().strip());
    }

    /** Removes the holiday on {@code date}; 404 when there is none. */
    @Operation(summary = "Remove a holiday (OWNER, ADMIN)")
    @DeleteMapping("/settings/holidays/{date}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @Transactional
    public ResponseEntity<Void> removeHoliday(@PathVariable LocalDate date) {
        if (!calendars.removeHoliday(date)) {
            throw ProblemException.notFound("Holiday", date);
        }
        return ResponseEntity.noContent().build();
    }

    /** One entry per priority, LOW to URGENT. */
    @Operation(summary = "List SLA policies")
    @GetMapping("/sla-policies")
    @Transactional(readOnly = true)
    public List<SlaPolicyResponse> slaPolicies() {
        List<SlaPolicy> all = policies.all();
        List<SlaPolicyResponse> response = new ArrayList<>();
        for (Priority priority : Priority.values()) {
            response.add(all.stream().filter(p -> p.priority() == priority).findFirst()
                    .map(p -> new SlaPolicyResponse(priority, p.firstResponseMinutes(), p.resolutionMinutes()))
                    .orElse(new SlaPolicyResponse(priority, null, null)));
        }
        return response;
    }

    /** Sets the policy of {@code priority} (LOW, MEDIUM, HIGH, URGENT). */
    @Operation(summary = "Set the SLA policy of a priority (OWNER, ADMIN)")
    @PutMapping("/sla-policies/{priority}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @Transactional
    public SlaPolicyResponse putSlaPolicy(@PathVariable Priority priority, @Valid @RequestBody SlaPolicyRequest request) {
        policies.put(new SlaPolicy(priority, request.firstResponseMinutes(), request.resolutionMinutes()));
        return new SlaPolicyResponse(priority, request.firstResponseMinutes(), request.resolutionMinutes());
    }

    /** Removes the policy of {@code priority}: new tickets of that priority get no clocks. 404 when there is none. */
    @Operation(summary = "Remove the SLA policy of a priority (OWNER, ADMIN)")
    @DeleteMapping("/sla-policies/{priority}")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    @Transactional
    public ResponseEntity<Void> removeSlaPolicy(@PathVariable Priority priority) {
        if (!policies.remove(priority)) {
            throw ProblemException.notFound("SLA policy", priority);
        }
        return ResponseEntity.noContent().build();
    }

    private static BusinessHoursResponse toResponse(BusinessCalendars.Hours hours) {
        List<WorkingWindow> windows = new ArrayList<>();
        hours.week().forEach((day, list) -> list.forEach(w -> windows.add(new WorkingWindow(day, w.start(), w.end()))));
        return new BusinessHoursResponse(hours.timeZone().getId(), windows, hours.configured());
    }

    private static ProblemException invalidHours(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-business-hours", "Invalid business hours", detail);
    }
}
