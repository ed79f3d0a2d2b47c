package io.colmena.billing.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A draft invoice as the client sends it ({@code POST /api/invoices}, {@code PUT /api/invoices/{id}}).
 * Totals are never sent: the server computes them from the lines.
 *
 * @param customerId      the CRM customer billed (a CLIENT user with this {@code customer_id} sees it)
 * @param customerName    the bill-to name printed on the invoice
 * @param customerEmail   the bill-to e-mail, optional
 * @param customerAddress the bill-to postal address, optional, may span lines
 * @param currency        ISO 4217 code, upper case; one currency per invoice
 * @param dueDate         the date by which it must be paid (ISO-8601 date)
 * @param notes           free text printed under the lines, optional
 * @param lines           1 to 200 lines
 */
public record InvoiceRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 200) String customerName,
        @Email @Size(max = 254) String customerEmail,
        @Size(max = 500) String customerAddress,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate dueDate,
        @Size(max = 2000) String notes,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {

    /**
     * One line.
     *
     * @param description        what is billed
     * @param quantity           whole units, 1 to 1,000,000
     * @param unitPriceMinor     price of one unit before tax, in minor units of the invoice currency
     *                           (cents for EUR), 0 to 10^12
     * @param taxRateBasisPoints tax rate in basis points: 2100 = 21 %, 0 to 10000
     */
    public record Line(
            @NotBlank @Size(max = 500) String description,
            @Min(1) @Max(1_000_000) long quantity,
            @Min(0) @Max(1_000_000_000_000L) long unitPriceMinor,
            @Min(0) @Max(10_000) int taxRateBasisPoints) {}
}
