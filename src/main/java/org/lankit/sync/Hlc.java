package org.lankit.sync;

import java.util.regex.Pattern;

/**
 * A hybrid logical clock timestamp: wall milliseconds, a counter for events within one
 * millisecond, and the device that made it. The wire form pads both numbers so that plain
 * string order equals clock order, with the device id breaking ties.
 */
public record Hlc(long wallMs, int counter, String deviceId) implements Comparable<Hlc> {

    public static final int MAX_COUNTER = 999_999;
    private static final long MAX_WALL = 9_999_999_999_999L;
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern WIRE = Pattern.compile("\\d{13}-\\d{6}-[A-Za-z0-9_]{1,40}");

    public Hlc {
        if (wallMs < 0 || wallMs > MAX_WALL) throw new IllegalArgumentException("wall time out of range: " + wallMs);
        if (counter < 0 || counter > MAX_COUNTER) throw new IllegalArgumentException("counter out of range: " + counter);
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("bad device id: " + deviceId);
        }
    }

    public static boolean isValidDeviceId(String id) {
        return id != null && DEVICE_ID.matcher(id).matches();
    }

    public static boolean isWellFormed(String text) {
        return text != null && WIRE.matcher(text).matches();
    }

    public static Hlc parse(String text) {
        if (!isWellFormed(text)) throw new IllegalArgumentException("not a clock value: " + text);
        return new Hlc(Long.parseLong(text.substring(0, 13)), Integer.parseInt(text.substring(14, 20)), text.substring(21));
    }

    public String encode() {
        return String.format("%013d-%06d-%s", wallMs, counter, deviceId);
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
}
