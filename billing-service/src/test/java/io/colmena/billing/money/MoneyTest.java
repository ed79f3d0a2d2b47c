package io.colmena.billing.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.colmena.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void divisionRoundsHalfUpAwayFromZero() {
        assertThat(Money.divideHalfUp(5, 10)).isEqualTo(1);
        assertThat(Money.divideHalfUp(4, 10)).isEqualTo(0);
        assertThat(Money.divideHalfUp(15, 10)).isEqualTo(2);
        assertThat(Money.divideHalfUp(-15, 10)).isEqualTo(-2);
        assertThat(Money.divideHalfUp(-14, 10)).isEqualTo(-1);
        assertThat(Money.divideHalfUp(80000, 12)).isEqualTo(6667);
    }

    @Test
    void taxIsRoundedPerLineHalfUp() {
        assertThat(Money.tax(999, 1000)).as("99.9 cents").isEqualTo(100);
        assertThat(Money.tax(2500, 2100)).isEqualTo(525);
        assertThat(Money.tax(1, 5000)).as("exactly half a cent").isEqualTo(1);
        assertThat(Money.tax(1, 4999)).isEqualTo(0);
        assertThat(Money.tax(12345, 0)).isEqualTo(0);
    }

    @Test
    void formatsMinorUnitsWithTheCurrencyDecimals() {
        assertThat(Money.format(412400, "EUR")).isEqualTo("4,124.00 EUR");
        assertThat(Money.format(5, "USD")).isEqualTo("0.05 USD");
        assertThat(Money.format(-1099, "USD")).isEqualTo("-10.99 USD");
        assertThat(Money.format(500, "JPY")).isEqualTo("500 JPY");
        assertThat(Money.format(1234, "BHD")).as("three decimals").isEqualTo("1.234 BHD");
    }

    @Test
    void overflowIsAnUnprocessableProblemNotAWrongNumber() {
        assertThatThrownBy(() -> Money.multiply(Long.MAX_VALUE / 2, 3)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void knowsIso4217Codes() {
        assertThat(Money.isCurrency("EUR")).isTrue();
        assertThat(Money.isCurrency("eur")).isFalse();
        assertThat(Money.isCurrency("XYZ")).isFalse();
    }
}
