package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an entry against its form and the size limits before anything is stored: field names,
 * types, ranges, options, required fields, clock formats. Returns the first problem in words a
 * coordinator can act on, or empty when the entry is fine. A value someone typed is named by its
 * question's label ("Household size must be at most 50"), as the person saw it; a malformed
 * message from a device (unknown field, bad clock) is named by its key, for whoever wrote the device.
 */
public final class EntryValidator {

    public static final int MAX_TEXT = 2_000;
    public static final int MAX_TEXTAREA = 10_000;
    public static final int MAX_FIELDS = 200;
    private static final int MIN_UUID = 8;
    private static final int MAX_UUID = 64;

    private EntryValidator() {
    }

    /** The first problem of {@code entry} against {@code form} (null: unknown form). How far ahead its
     * clocks may run is the master's check of the values new to it ({@link ClockLimit}). */
    public static Optional<String> check(Entry entry, Form form) {
        return Optional.ofNullable(problem(entry, form));
    }

    private static String problem(Entry e, Form form) {
        if (!isUuid(e.uuid())) return "uuid must be 8-64 letters, digits or dashes";
        if (form == null) return "unknown form " + e.formId();
        if (e.createdAt() <= 0) return "createdAt must be the creation time in epoch milliseconds";
        if (!Hlc.isValidDeviceId(e.createdBy())) return "createdBy must be a device id";
        if (e.fields().size() > MAX_FIELDS) return "too many fields";
        for (Map.Entry<String, FieldValue> f : e.fields().entrySet()) {
            FormField def = form.fieldOrNull(f.getKey());
            if (def == null) return "field " + f.getKey() + " is not in form " + form.id();
            if (f.getValue() == null) return "field " + f.getKey() + " must be an object {value, hlc, by}";
            String p = clockProblem(f.getValue());
            if (p != null) return "field " + f.getKey() + ": " + p;
            p = valueProblem(def, f.getValue().value());
            if (p != null) return inWords(def, p);
        }
        if (e.deleted() != null) {
            String p = clockProblem(e.deleted());
            if (p == null && !e.deleted().value().isBoolean()) p = "must be true or false";
            if (p != null) return "deleted: " + p;
        }
        for (FormField def : form.fields()) {
            FieldValue v = e.fields().get(def.name());
            if (def.required() && (v == null || isEmpty(v.value()))) return inWords(def, "is required");
        }
        return null;
    }

    /** The same as matching {@code [A-Za-z0-9-]{8,64}}, checked character by character (once per pushed entry). */
    private static boolean isUuid(String uuid) {
        if (uuid == null || uuid.length() < MIN_UUID || uuid.length() > MAX_UUID) return false;
        for (int i = 0; i < uuid.length(); i++) {
            char c = uuid.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }

    private static String clockProblem(FieldValue v) {
        if (!Hlc.isWellFormed(v.hlc())) return "hlc is not a clock value";
        if (v.base() != null && !v.base().isEmpty() && !Hlc.isWellFormed(v.base())) return "base is not a clock value";
        if (!Hlc.isValidDeviceId(v.by())) return "by must be a device id";
        return null;
    }

    /** {@code problem} (such as "must be at most 50") said of the question as people see it. */
    private static String inWords(FormField def, String problem) {
        String label = def.label() == null || def.label().isBlank() ? def.name() : def.label().strip();
        return label + " " + problem;
    }

    /** The value rules every device applies; null and "" mean "no answer". */
    public static String valueProblem(FormField def, JsonNode value) {
        if (isEmpty(value)) return null;
        switch (def.type()) {
            case TEXT:
                return textProblem(value, MAX_TEXT);
            case TEXTAREA:
                return textProblem(value, MAX_TEXTAREA);
            case INTEGER:
                if (!value.isIntegralNumber()) return "must be a whole number";
                return rangeProblem(def, value.decimalValue());
            case DECIMAL:
                if (!value.isNumber()) return "must be a number";
                return rangeProblem(def, value.decimalValue());
            case DATE:
                return value.isTextual() && isDate(value.asText()) ? null : "must be a date like 2026-11-25";
            case SELECT_ONE:
                if (!value.isTextual() || !options(def).contains(value.asText())) return "must be one of " + options(def);
                return null;
            case SELECT_MULTIPLE:
                if (!value.isArray()) return "must be a list of choices";
                Set<String> seen = new HashSet<>();
                for (JsonNode choice : value) {
                    if (!choice.isTextual() || !options(def).contains(choice.asText())) return "must only hold " + options(def);
                    if (!seen.add(choice.asText())) return "lists a choice twice";
                }
                return null;
            case BOOLEAN:
                return value.isBoolean() ? null : "must be yes or no (true or false)";
            default:
                return "unsupported field type";
        }
    }

    /**
     * Whether {@link LocalDate#parse} takes {@code text}. The usual form, {@code yyyy-mm-dd} in ASCII
     * digits, is checked by hand (the parser costs more than the rest of a field's checks); any
     * other text goes to the parser.
     */
    private static boolean isDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && digits(text, 0, 4) && digits(text, 5, 7) && digits(text, 8, 10)) {
            int year = Integer.parseInt(text, 0, 4, 10);
            int month = Integer.parseInt(text, 5, 7, 10);
            int day = Integer.parseInt(text, 8, 10, 10);
            return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year));
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException ex) {
            return false;
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        }
        return true;
    }

    private static java.util.List<String> options(FormField def) {
        return def.options() == null ? java.util.List.of() : def.options();
    }

    private static String textProblem(JsonNode value, int max) {
        if (!value.isTextual()) return "must be text";
        return value.asText().length() > max ? "is longer than " + max + " characters" : null;
    }

    private static String rangeProblem(FormField def, BigDecimal n) {
        if (def.min() != null && n.compareTo(def.min()) < 0) return "must be at least " + def.min().toPlainString();
        if (def.max() != null && n.compareTo(def.max()) > 0) return "must be at most " + def.max().toPlainString();
        return null;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isArray() && value.isEmpty());
    }
}
