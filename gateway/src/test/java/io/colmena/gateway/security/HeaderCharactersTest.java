package io.colmena.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character loops against the regular expressions of Spring Security's strict firewall. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsPatternsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(HeaderCharacters.isAllowedName(text)).as("name with U+%04X", codePoint)
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.isAllowedValue(text)).as("value with U+%04X", codePoint)
                    .isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void headerInjectionAndLoneSurrogatesAreJudgedAsByTheFirewall() {
        for (String text : new String[] {"Bearer abc\r\nX-Tenant-Id: other", "abc\u0000", "\ud800", "x\udc00y", "",
                "Taller Ñandú & Cía", "a\tb"}) {
            assertThat(HeaderCharacters.isAllowedValue(text)).as(text).isEqualTo(VALUES.matcher(text).matches());
            assertThat(HeaderCharacters.isAllowedName(text)).as(text).isEqualTo(NAMES.matcher(text).matches());
        }
        assertThat(HeaderCharacters.isAllowedValue("Bearer abc\r\nX-Tenant-Id: other")).isFalse();
        assertThat(HeaderCharacters.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.isAllowedName("a\tb")).isFalse();
    }
}
