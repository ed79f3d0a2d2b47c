package io.colmena.billing.money;

import io.colmena.platform.web.ProblemException;
import java.util.Currency;
import java.util.Locale;

/**
 * Integer arithmetic on amounts in minor units (cents, yen...): the only money arithmetic of the
 * service. No floating point or {@code BigDecimal} is involved anywhere.
 *
 * <p><b>Rounding rule</b> (documented in the README): a division that does not come out even is
 * rounded <em>half up</em>, i.e. to the nearest minor unit with ties away from zero (the
 * "commercial rounding" that the EU VAT Directive 2006/112/EC leaves to national rules and that
 * Spain, Germany and France use). Tax is computed and rounded <em>per line</em>; the invoice's
 * tax is the sum of the rounded line taxes, so the lines printed on the PDF always add up to the
 * printed totals.
 */
public final class Money {

    /** One hundred percent in basis points. */
    public static final int BASIS_POINTS = 10_000;

    private Money() {}

    /** {@code numerator / denominator} rounded half up (ties away from zero); {@code denominator > 0}. */
    public static long divideHalfUp(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        long quotient = numerator / denominator;
        long remainder = Math.abs(numerator % denominator);
        if (remainder * 2 >= denominator) {
            quotient += numerator < 0 ? -1 : 1;
        }
        return quotient;
    }

    /** {@code a * b}, or a 422 problem when it does not fit in a long. */
    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    /** {@code a + b}, or a 422 problem when it does not fit in a long. */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    /** Tax on {@code netMinor} at {@code rateBasisPoints} (2100 = 21 %), rounded half up. */
    public static long tax(long netMinor, int rateBasisPoints) {
        return divideHalfUp(multiply(netMinor, rateBasisPoints), BASIS_POINTS);
    }

    /**
     * {@code amountMinor} as text with its currency's decimals and no floating point:
     * {@code format(123456, "EUR")} is {@code "1,234.56 EUR"}, {@code format(500, "JPY")} is {@code "500 JPY"}.
     */
    public static String format(long amountMinor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long absolute = Math.abs(amountMinor);
        String whole = String.format(Locale.ROOT, "%,d", absolute / scale);
        String text = digits == 0 ? whole
                : whole + "." + String.format(Locale.ROOT, "%0" + digits + "d", absolute % scale);
        return (amountMinor < 0 ? "-" : "") + text + " " + currency;
    }

    /** Whether {@code code} is an ISO 4217 currency Java knows. */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ProblemException tooLarge() {
        return ProblemException.unprocessable("amount-too-large", "An amount is too large to be represented");
    }
}
