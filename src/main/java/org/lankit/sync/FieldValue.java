package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One field's value with its clock and author. {@code base} travels only on push: the hlc of the
 * value the editor saw when it made this edit ("" when the field had no value), absent when the
 * device merely echoes a value it did not touch. The author ({@code by}) is the device inside the
 * clock: the compact JSON form leaves it out, and a reader refuses a {@code by} that names another.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldValue(JsonNode value, String hlc, String by, String base) {

    /** Where the device id starts in a clock's wire form. */
    private static final int DEVICE_AT = 21;

    public FieldValue {
        if (value == null) value = NullNode.getInstance();
    }

    public static FieldValue stored(JsonNode value, Hlc hlc) {
        return new FieldValue(value, hlc.encode(), hlc.deviceId(), null);
    }

    public static FieldValue edit(JsonNode value, Hlc hlc, String base) {
        return new FieldValue(value, hlc.encode(), hlc.deviceId(), base == null ? "" : base);
    }

    /** The device id inside a clock ({@code <13 digits>-<6 digits>-<device>}), null when it has none;
     * whether the clock is well formed is {@link Hlc#isWellFormed}'s to say. */
    public static String deviceOf(String hlc) {
        return hasDevice(hlc) ? hlc.substring(DEVICE_AT) : null;
    }

    /** Whether {@code device} is the device inside {@code hlc}, without cutting it out. */
    static boolean isAuthorOf(String device, String hlc) {
        return hasDevice(hlc) && hlc.length() - DEVICE_AT == device.length()
                && hlc.regionMatches(DEVICE_AT, device, 0, device.length());
    }

    private static boolean hasDevice(String hlc) {
        return hlc != null && hlc.length() > DEVICE_AT && hlc.charAt(DEVICE_AT - 8) == '-' && hlc.charAt(DEVICE_AT - 1) == '-';
    }

    public FieldValue withoutBase() {
        return base == null ? this : new FieldValue(value, hlc, by, null);
    }

    @JsonIgnore
    public boolean isEdit() {
        return base != null;
    }
}
