package org.lankit.sync;

/**
 * A hybrid logical clock timestamp: wall milliseconds, a counter for events within one
 * millisecond, and the device that made it. The wire form pads both numbers so that plain
 * string order equals clock order, with the device id breaking ties:
 * {@code 13 digits - 6 digits - 1 to 40 of [A-Za-z0-9_]}. The wire form is read by plain
 * character checks (no regular expression, nothing allocated to check it): the master checks
 * every clock of every push.
 */
public record Hlc(long wallMs, int counter, String deviceId) implements Comparable<Hlc> {

    public static final int MAX_COUNTER = 999_999;
    private static final long MAX_WALL = 9_999_999_999_999L;
    private static final int WALL_DIGITS = 13;
    private static final int COUNTER_DIGITS = 6;
    private static final int COUNTER_AT = WALL_DIGITS + 1;
    private static final int DEVICE_AT = COUNTER_AT + COUNTER_DIGITS + 1;
    private static final int MAX_DEVICE_ID = 40;
    /** The characters of a device id, {@code [A-Za-z0-9_]}, by ASCII code. */
    private static final boolean[] ID_CHAR = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) ID_CHAR[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) ID_CHAR[c] = true;
        for (char c = '0'; c <= '9'; c++) ID_CHAR[c] = true;
        ID_CHAR['_'] = true;
    }

    public Hlc {
        if (wallMs < 0 || wallMs > MAX_WALL) throw new IllegalArgumentException("wall time out of range: " + wallMs);
        if (counter < 0 || counter > MAX_COUNTER) throw new IllegalArgumentException("counter out of range: " + counter);
        if (!isValidDeviceId(deviceId)) throw new IllegalArgumentException("bad device id: " + deviceId);
    }

    public static boolean isValidDeviceId(String id) {
        return id != null && isDeviceIdFrom(id, 0);
    }

    public static boolean isWellFormed(String text) {
        return text != null && text.length() > DEVICE_AT
                && allDigits(text, 0, WALL_DIGITS) && text.charAt(WALL_DIGITS) == '-'
                && allDigits(text, COUNTER_AT, COUNTER_AT + COUNTER_DIGITS) && text.charAt(DEVICE_AT - 1) == '-'
                && isDeviceIdFrom(text, DEVICE_AT);
    }

    public static Hlc parse(String text) {
        requireWellFormed(text);
        return new Hlc(number(text, 0, WALL_DIGITS), (int) number(text, COUNTER_AT, COUNTER_AT + COUNTER_DIGITS),
                text.substring(DEVICE_AT));
    }

    /** The wall time of a clock in wire form, without making an {@link Hlc}. */
    public static long wallMsOf(String text) {
        requireWellFormed(text);
        return number(text, 0, WALL_DIGITS);
    }

    /** Whether a clock in wire form was made by {@code deviceId}, without making an {@link Hlc}. */
    public static boolean isStampedBy(String text, String deviceId) {
        requireWellFormed(text);
        return deviceId != null && text.length() - DEVICE_AT == deviceId.length()
                && text.regionMatches(DEVICE_AT, deviceId, 0, deviceId.length());
    }

    public String encode() {
        StringBuilder out = new StringBuilder(DEVICE_AT + deviceId.length());
        padded(out, wallMs, WALL_DIGITS).append('-');
        padded(out, counter, COUNTER_DIGITS).append('-');
        return out.append(deviceId).toString();
    }

    @Override
    public int compareTo(Hlc other) {
        int byWall = Long.compare(wallMs, other.wallMs);
        if (byWall != 0) return byWall;
        int byCounter = Integer.compare(counter, other.counter);
        return byCounter != 0 ? byCounter : deviceId.compareTo(other.deviceId);
    }

    @Override
    public String toString() {
        return encode();
    }

    private static void requireWellFormed(String text) {
        if (!isWellFormed(text)) throw new IllegalArgumentException("not a clock value: " + text);
    }

    private static boolean isDeviceIdFrom(String text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > MAX_DEVICE_ID) return false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ID_CHAR.length || !ID_CHAR[c]) return false;
        }
        return true;
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The number written by the ASCII digits from {@code from} to {@code to} (checked before). */
    private static long number(String text, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) n = n * 10 + (text.charAt(i) - '0');
        return n;
    }

    private static StringBuilder padded(StringBuilder out, long n, int width) {
        String digits = Long.toString(n);
        for (int i = digits.length(); i < width; i++) out.append('0');
        return out.append(digits);
    }
}
