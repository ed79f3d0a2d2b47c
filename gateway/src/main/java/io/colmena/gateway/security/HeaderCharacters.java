package io.colmena.gateway.security;

/**
 * The header rules of Spring Security's {@code StrictServerWebExchangeFirewall}, written as
 * character loops: a header name or value is refused when it holds an unassigned code point or a
 * control character (Unicode category Cc), except that values may hold a horizontal tab. The
 * firewall applies them to the headers the gateway reads. Printable ASCII, by far the common case,
 * is decided without a Unicode table lookup.
 */
final class HeaderCharacters {

    private HeaderCharacters() {}

    /** The firewall's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for header names. */
    static boolean isAllowedName(String name) {
        return name == null || allowed(name, false);
    }

    /** The firewall's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} for header values. */
    static boolean isAllowedValue(String value) {
        return value == null || allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean refused = type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && c == '\t'));
            if (refused) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
