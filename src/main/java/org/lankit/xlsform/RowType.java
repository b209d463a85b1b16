package org.lankit.xlsform;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lankit.sync.FieldType;

/**
 * A survey row's {@code type} cell read: a question of a {@link FieldType} (with its choice list
 * for selects), or the start or end of a group or repeat. The metadata rows {@code start},
 * {@code end} and {@code today} become calculations of {@code now()} / {@code today()}: the
 * time the device last worked out the form's values.
 */
record RowType(Kind kind, FieldType field, String list, String calculation) {

    enum Kind { QUESTION, BEGIN_GROUP, END_GROUP, BEGIN_REPEAT, END_REPEAT }

    private static final Map<String, FieldType> SIMPLE = Map.of("text", FieldType.TEXT, "integer", FieldType.INTEGER,
            "int", FieldType.INTEGER, "decimal", FieldType.DECIMAL, "date", FieldType.DATE, "time", FieldType.TIME,
            "note", FieldType.NOTE, "calculate", FieldType.CALCULATE, "geopoint", FieldType.GEOPOINT,
            "image", FieldType.IMAGE);
    private static final Set<String> OTHER_METADATA = Set.of("deviceid", "username", "phonenumber", "subscriberid",
            "simserial", "email", "audit", "start-geopoint", "uri:username", "uri:email", "uri:phonenumber",
            "uri:subscriberid", "uri:simserial", "uri:deviceid");

    /** Throws with the words to show when the type is not supported. */
    static RowType parse(String cell) {
        String text = cell.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        RowType known = switch (text) {
            case "begin group", "begin_group" -> structure(Kind.BEGIN_GROUP);
            case "end group", "end_group" -> structure(Kind.END_GROUP);
            case "begin repeat", "begin_repeat" -> structure(Kind.BEGIN_REPEAT);
            case "end repeat", "end_repeat" -> structure(Kind.END_REPEAT);
            case "start", "end" -> new RowType(Kind.QUESTION, FieldType.CALCULATE, null, "now()");
            case "today" -> new RowType(Kind.QUESTION, FieldType.CALCULATE, null, "today()");
            default -> null;
        };
        if (known != null) return known;
        if (SIMPLE.containsKey(text)) return new RowType(Kind.QUESTION, SIMPLE.get(text), null, null);
        String[] words = cell.strip().split("\\s+");
        String head = words[0].toLowerCase(Locale.ROOT);
        if (head.equals("select_one") || head.equals("select_multiple")) return select(head, words);
        throw new IllegalArgumentException(refusal(text, cell.strip()));
    }

    private static RowType select(String head, String[] words) {
        FieldType type = head.equals("select_one") ? FieldType.SELECT_ONE : FieldType.SELECT_MULTIPLE;
        if (words.length == 1) throw new IllegalArgumentException(head + " needs the name of its choice list (" + head + " yes_no)");
        if (words.length == 3 && words[2].equalsIgnoreCase("or_other")) {
            throw new IllegalArgumentException("\"or_other\" is not supported; add an \"other\" choice to list " + words[1]
                    + " and a text question shown when it is chosen (relevant)");
        }
        if (words.length > 2) throw new IllegalArgumentException("\"" + String.join(" ", words) + "\" is not a type; write "
                + head + " followed by one list name");
        return new RowType(Kind.QUESTION, type, words[1], null);
    }

    private static RowType structure(Kind kind) {
        return new RowType(kind, null, null, null);
    }

    private static String refusal(String type, String asWritten) {
        if (OTHER_METADATA.contains(type)) {
            return "the metadata \"" + asWritten + "\" is not supported (the kit records which device made each entry"
                    + " and when); delete this row";
        }
        return switch (type) {
            case "datetime" -> "dateTime questions are not supported; ask a date and a time";
            case "geotrace", "geoshape" -> "lines and areas (" + asWritten + ") are not supported; use geopoint";
            case "begin loop", "begin_loop" -> "loops are not supported; use begin repeat";
            default -> type.startsWith("select_one_from_file") || type.startsWith("select_multiple_from_file")
                    ? "choices from a file are not supported; put the choices in the choices sheet"
                    : "the type \"" + asWritten + "\" is not supported (forms.md lists the types that are)";
        };
    }
}
