package io.colmena.billing.metrics;

import io.colmena.billing.config.BillingProperties;
import io.colmena.billing.money.Money;
import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/billing/metrics} (PLATFORM_ADMIN): MRR, ARR, churn, revenue by month, breakdown by
 * plan and the MRR movement ledger, for one currency.
 *
 * <p>Parameters: {@code currency} (ISO 4217, default {@code colmena.billing.metrics-currency}),
 * {@code from}/{@code to} (ISO-8601 instants; default the current calendar month in UTC up to now) for
 * churn and movements, {@code months} (1–36, default 12) for revenue by month. 400 problem for an
 * unknown currency, {@code from} not before {@code to}, or months out of range.
 */
@RestController
@Tag(name = "Revenue metrics")
class MetricsController {

    private final RevenueMetrics metrics;
    private final BillingProperties properties;
    private final Clock clock;

    MetricsController(RevenueMetrics metrics, BillingProperties properties, Clock clock) {
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Revenue metrics: MRR, ARR, churn, revenue by month, by plan, MRR movement ledger")
    @GetMapping("/api/billing/metrics")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public MetricsResponse metrics(@RequestParam(required = false) String currency,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                   @RequestParam(defaultValue = "12") int months) {
        String code = currency == null ? properties.metricsCurrency() : currency.trim().toUpperCase();
        Instant now = clock.instant();
        Instant start = from != null ? from
                : YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to != null ? to : now.plusSeconds(1);
        if (!Money.isCurrency(code) || !start.isBefore(end) || months < 1 || months > 36) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Invalid metrics query",
                    "currency must be an ISO 4217 code, from before to, and months between 1 and 36");
        }
        return metrics.compute(code, start, end, months);
    }
}
