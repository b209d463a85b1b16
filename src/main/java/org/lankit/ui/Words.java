package org.lankit.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lankit.pairing.AddressChange;
import org.lankit.sync.Hlc;
import org.lankit.upstream.EntryUpload;

/** Times and states in the plain words the panel shows. */
final class Words {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Words() {
    }

    /** "today 14:05", "yesterday 09:12", "25 Nov 14:05", "25 Nov 2025". */
    static String when(long epochMs) {
        if (epochMs <= 0) return "";
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime t = Instant.ofEpochMilli(epochMs).atZone(zone);
        LocalDate today = LocalDate.now(zone);
        LocalDate day = t.toLocalDate();
        if (day.equals(today)) return "today " + TIME.format(t);
        if (day.equals(today.minusDays(1))) return "yesterday " + TIME.format(t);
        if (day.getYear() == today.getYear()) return DAY.format(t) + " " + TIME.format(t);
        return DAY_YEAR.format(t);
    }

    /** When a value was written, from its clock; "" when the clock is unreadable. */
    static String whenHlc(String hlc) {
        return Hlc.isWellFormed(hlc) ? when(Hlc.parse(hlc).wallMs()) : "";
    }

    /** "just now", "5 minutes ago", "today 14:05", "never". */
    static String ago(long epochMs, long nowMs) {
        if (epochMs <= 0) return "never";
        long minutes = (nowMs - epochMs) / 60_000;
        if (minutes < 1) return "just now";
        if (minutes < 60) return minutes == 1 ? "1 minute ago" : minutes + " minutes ago";
        return when(epochMs);
    }

    static long startOfToday() {
        return LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** An entry's state with the team's servers, saying why nothing moves when none is set up. */
    static String atApi(EntryUpload upload) {
        return switch (upload.state()) {
            case UPLOADED -> "Sent to the API";
            case REFUSED -> "Not accepted: " + (upload.error() == null || upload.error().isBlank() ? "see Settings" : upload.error());
            case WAITING -> "Waiting to be sent";
            case NOT_SET_UP -> "Not sent (API not set up)";
        };
    }

    /**
     * What to check when a phone cannot open the join page, line by line (short lines: a wrapping
     * HTML label makes the home screen's layout slow), for the operating system named {@code osName}.
     */
    static List<String> joinHelp(String osName) {
        List<String> lines = new ArrayList<>(List.of("Page does not open on the phone?",
                "Connect the phone to the same WiFi as this laptop (not a guest WiFi)."));
        if (osName.startsWith("Windows")) lines.add("If Windows asked about the firewall, choose Allow.");
        if (osName.startsWith("Mac")) lines.add("If macOS asked to accept incoming connections, choose Allow.");
        return lines;
    }

    /** What the coordinator tells field workers when phones were left at this laptop's former address. */
    static List<String> addressMoved(AddressChange.Moved moved) {
        return List.of("This laptop's address changed (it was " + moved.previous() + ").",
                moved.stranded() + " of " + Words.plural(moved.phones(), "phone", "phones") + " did not reach it since. On each, tap",
                "“Did the master laptop get a new address?” and type " + moved.current() + ".");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String deviceKind(String kind) {
        if ("phone".equals(kind)) return "Phone";
        if ("client".equals(kind)) return "Laptop";
        if ("master".equals(kind)) return "This laptop";
        return kind == null ? "" : kind;
    }

    /** How a device reaches the master: secure (its own certificate) or plain http, readable on the WiFi. */
    static String connection(boolean secure) {
        return secure ? "Secure (https)" : "Plain http";
    }
}
