package org.lankit.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.lankit.pairing.AddressChange;
import org.lankit.peer.EntryMark;
import org.lankit.sync.Hlc;
import org.lankit.upstream.EntryUpload;

/** Times and states in the plain words the panel shows, in the panel's language. */
final class Words {

    private Words() {
    }

    /**
     * "today 14:05", "yesterday 09:12", "25 Nov 14:05", "25 Nov 2025"; in French "aujourd'hui 14:05",
     * "25 nov. 14:05". The patterns come with the words, the month names from the same language.
     */
    static String when(long epochMs) {
        if (epochMs <= 0) return "";
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime t = Instant.ofEpochMilli(epochMs).atZone(zone);
        LocalDate today = LocalDate.now(zone);
        LocalDate day = t.toLocalDate();
        String time = format(t, Text.get("words.pattern.time"));
        if (day.equals(today)) return Text.get("words.today", time);
        if (day.equals(today.minusDays(1))) return Text.get("words.yesterday", time);
        if (day.getYear() == today.getYear()) return Text.get("words.dayAndTime", format(t, Text.get("words.pattern.day")), time);
        return format(t, Text.get("words.pattern.dayYear"));
    }

    private static String format(ZonedDateTime t, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Text.locale()).format(t);
    }

    /** When a value was written, from its clock; "" when the clock is unreadable. */
    static String whenHlc(String hlc) {
        return Hlc.isWellFormed(hlc) ? when(Hlc.parse(hlc).wallMs()) : "";
    }

    /** "just now", "5 minutes ago", "today 14:05", "never". */
    static String ago(long epochMs, long nowMs) {
        if (epochMs <= 0) return Text.get("words.never");
        long minutes = (nowMs - epochMs) / 60_000;
        if (minutes < 1) return Text.get("words.justNow");
        if (minutes < 60) return Text.plural("words.minutesAgo", minutes);
        return when(epochMs);
    }

    static long startOfToday() {
        return LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** An entry's state with the team's servers, saying why nothing moves when none is set up. */
    static String atApi(EntryUpload upload) {
        return switch (upload.state()) {
            case UPLOADED -> Text.get("words.api.uploaded");
            case REFUSED -> Text.get("words.api.refused",
                    upload.error() == null || upload.error().isBlank() ? Text.get("words.api.seeSettings") : upload.error());
            case WAITING -> Text.get("words.api.waiting");
            case NOT_SET_UP -> Text.get("words.api.notSetUp");
        };
    }

    /**
     * An entry's receipt as the phones show it: the ticks, then the words (which a screen reader reads).
     */
    static String receipt(EntryMark mark) {
        return switch (mark) {
            case WAITING -> Text.get("words.receipt.waiting");
            case FAILED -> Text.get("words.receipt.failed");
            case ON_MASTER -> "\u2713 " + Text.get("words.receipt.onMaster");
            case ON_SERVER -> "\u2713\u2713 " + Text.get("words.receipt.onServer");
        };
    }

    /**
     * What to check when a phone cannot open the join page, line by line (short lines: a wrapping
     * HTML label makes the home screen's layout slow), for the operating system named {@code osName}.
     */
    static List<String> joinHelp(String osName) {
        List<String> lines = new ArrayList<>(List.of(Text.get("words.joinHelp.title"), Text.get("words.joinHelp.sameWifi")));
        if (osName.startsWith("Windows")) lines.add(Text.get("words.joinHelp.windows"));
        if (osName.startsWith("Mac")) lines.add(Text.get("words.joinHelp.mac"));
        return lines;
    }

    /** What the coordinator tells field workers when phones were left at this laptop's former address. */
    static List<String> addressMoved(AddressChange.Moved moved) {
        return List.of(Text.get("words.addressMoved.was", moved.previous()),
                Text.plural("words.addressMoved.stranded", moved.phones(), moved.stranded()),
                Text.get("words.addressMoved.tap", moved.current()));
    }

    static String deviceKind(String kind) {
        if ("phone".equals(kind)) return Text.get("words.kind.phone");
        if ("client".equals(kind)) return Text.get("words.kind.client");
        if ("master".equals(kind)) return Text.get("words.kind.master");
        return kind == null ? "" : kind;
    }

    /** How a device reaches the master: secure (its own certificate) or plain http, readable on the WiFi. */
    static String connection(boolean secure) {
        return secure ? Text.get("words.connection.secure") : Text.get("words.connection.plain");
    }
}
