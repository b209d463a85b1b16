package org.lankit.sync.expr;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Text to number and back, the same on every device: XPath's number syntax (no '+', no exponent),
 * dates as days since 1970-01-01 (so dates compare and subtract), and numbers printed without a
 * trailing ".0" or an exponent.
 */
final class Numbers {

    private static final double SECONDS_A_DAY = 86_400;
    /** Below this a double is printed whole; above it a double has no fraction anyway. */
    private static final double WHOLE_LIMIT = 1e15;

    private Numbers() {
    }

    static double parse(String text) {
        String s = strip(text);
        if (s.isEmpty()) return Double.NaN;
        if (isDecimal(s)) return Double.parseDouble(s);
        if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') return days(s);
        return Double.NaN;
    }

    static String format(double n) {
        if (Double.isNaN(n)) return "NaN";
        if (Double.isInfinite(n)) return n > 0 ? "Infinity" : "-Infinity";
        if (n == Math.rint(n) && Math.abs(n) < WHOLE_LIMIT) return Long.toString((long) n);
        return new BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString();
    }

    /** "YYYY-MM-DD" as days since 1970-01-01; "YYYY-MM-DDTHH:MM[:SS]" with the time as a fraction of a day. */
    private static double days(String s) {
        try {
            if (s.length() == 10) return LocalDate.parse(s).toEpochDay();
            if (s.charAt(10) != 'T') return Double.NaN;
            LocalDateTime t = LocalDateTime.parse(s);
            return t.toLocalDate().toEpochDay() + (t.toLocalTime().toNanoOfDay() / 1e9) / SECONDS_A_DAY;
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }

    /** '-'? digits ('.' digits?)? | '-'? '.' digits */
    private static boolean isDecimal(String s) {
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        return i == s.length() && digits > 0;
    }

    /** XPath whitespace only (space, tab, CR, LF), as the phone strips it. */
    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) from++;
        while (to > from && isSpace(s.charAt(to - 1))) to--;
        return s.substring(from, to);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
