package org.lankit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** Rows of one repeat (members of one household). */
    public static final int MAX_ROWS = 100;
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,12})?");
    private static final int MIN_UUID = 8;
    private static final int MAX_UUID = 64;
    /** What a form without expressions is evaluated with: nothing reads the day. */
    private static final RuleContext NO_EXPRESSIONS = new RuleContext("", "");

    private EntryValidator() {
    }

    /** The first problem of {@code entry} against {@code form} (null: unknown form). How far ahead its
     * clocks may run is the master's check of the values new to it ({@link ClockLimit}). Expressions
     * see today and now on this computer's clock. */
    public static Optional<String> check(Entry entry, Form form) {
        return Optional.ofNullable(problem(entry, form, null));
    }

    /** As {@link #check(Entry, Form)}, with the day and time the form's expressions see. */
    public static Optional<String> check(Entry entry, Form form, RuleContext context) {
        return Optional.ofNullable(problem(entry, form, context));
    }

    private static String problem(Entry e, Form form, RuleContext context) {
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
        }
        if (e.deleted() != null) {
            String p = clockProblem(e.deleted());
            if (p == null && !e.deleted().value().isBoolean()) p = "must be true or false";
            if (p != null) return "deleted: " + p;
        }
        FormRules rules = FormRules.of(form);
        RuleContext today = !rules.hasExpressions() ? NO_EXPRESSIONS : context != null ? context : RuleContext.now(Clock.systemDefaultZone());
        Optional<RuleProblem> shown = rules.firstProblem(new EntryAnswers(e.fields()), today);
        if (shown.isPresent()) return shown.get().sentence();
        return unseenShapeProblem(e, form, rules.hasExpressions());
    }

    /**
     * The rules check the answers of the questions shown; what they do not look at (a hidden
     * question's answer, a value sent for a calculate or a note) must still have its shape before
     * it is stored.
     */
    private static String unseenShapeProblem(Entry e, Form form, boolean someHidden) {
        for (Map.Entry<String, FieldValue> f : e.fields().entrySet()) {
            FormField def = form.fieldOrNull(f.getKey());
            if (!someHidden && seenByRules(def.type())) continue;
            String p = valueProblem(def, f.getValue().value());
            if (p != null) return inWords(def, p);
        }
        return null;
    }

    private static boolean seenByRules(FieldType type) {
        return switch (type) {
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, GEOPOINT, IMAGE, REPEAT -> true;
            case CALCULATE, NOTE, GROUP -> false;
        };
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
        return switch (def.type()) {
            case TEXT, CALCULATE -> def.type() == FieldType.CALCULATE && (value.isNumber() || value.isBoolean())
                    ? null : textProblem(value, MAX_TEXT);
            case TEXTAREA -> textProblem(value, MAX_TEXTAREA);
            case INTEGER -> value.isIntegralNumber() ? rangeProblem(def, value.decimalValue()) : "must be a whole number";
            case DECIMAL -> value.isNumber() ? rangeProblem(def, value.decimalValue()) : "must be a number";
            case DATE -> value.isTextual() && isDate(value.asText()) ? null : "must be a date like 2026-11-25";
            case TIME -> value.isTextual() && isTime(value.asText()) ? null : "must be a time like 14:30";
            case SELECT_ONE -> value.isTextual() && options(def).contains(value.asText()) ? null : "must be one of " + options(def);
            case SELECT_MULTIPLE -> choicesProblem(def, value);
            case BOOLEAN -> value.isBoolean() ? null : "must be yes or no (true or false)";
            case GEOPOINT -> value.isTextual() && isGeopoint(value.asText()) ? null
                    : "must be a location like \"-1.2921 36.8219\" (latitude, longitude)";
            case IMAGE -> value.isTextual() && AttachmentName.isValid(value.asText()) ? null : "must name a photo sent with the entry";
            case REPEAT -> rowsProblem(def, value);
            case NOTE, GROUP -> "takes no answer";
        };
    }

    private static String choicesProblem(FormField def, JsonNode value) {
        if (!value.isArray()) return "must be a list of choices";
        Set<String> seen = new HashSet<>();
        for (JsonNode choice : value) {
            if (!choice.isTextual() || !options(def).contains(choice.asText())) return "must only hold " + options(def);
            if (!seen.add(choice.asText())) return "lists a choice twice";
        }
        return null;
    }

    /** A repeat's answer: a list of rows, each an object of its own fields' answers. */
    private static String rowsProblem(FormField def, JsonNode value) {
        String shape = rowsShapeProblem(def, value);
        if (shape != null) return shape;
        int row = 0;
        for (JsonNode r : value) {
            row++;
            for (var answer : (Iterable<Map.Entry<String, JsonNode>>) r::fields) {
                FormField child = FormField.find(def.fields(), answer.getKey());
                String p = valueProblem(child, answer.getValue());
                if (p != null) return "row " + row + ": " + inWords(child, p);
            }
        }
        return null;
    }

    /** A repeat's answer as a list of rows naming only the repeat's questions, without looking at their values. */
    static String rowsShapeProblem(FormField def, JsonNode value) {
        if (!value.isArray()) return "must be a list of rows";
        if (value.size() > MAX_ROWS) return "has more than " + MAX_ROWS + " rows";
        int row = 0;
        for (JsonNode r : value) {
            row++;
            if (!r.isObject()) return "row " + row + " must be an object of answers";
            for (var names = r.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                FormField child = FormField.find(def.fields(), name);
                if (child == null || !child.type().takesAnswer()) return "row " + row + ": " + name + " is not a question of " + def.name();
            }
        }
        return null;
    }

    /** {@code HH:MM} or {@code HH:MM:SS}, 24-hour clock. */
    private static boolean isTime(String text) {
        if (text.length() != 5 && text.length() != 8) return false;
        if (text.charAt(2) != ':' || !digits(text, 0, 2) || !digits(text, 3, 5)) return false;
        if (text.length() == 8 && (text.charAt(5) != ':' || !digits(text, 6, 8))) return false;
        int hours = Integer.parseInt(text, 0, 2, 10);
        int minutes = Integer.parseInt(text, 3, 5, 10);
        int seconds = text.length() == 8 ? Integer.parseInt(text, 6, 8, 10) : 0;
        return hours < 24 && minutes < 60 && seconds < 60;
    }

    /** "latitude longitude [altitude [accuracy]]", space separated, as ODK writes a point. */
    private static boolean isGeopoint(String text) {
        String[] parts = text.strip().split(" +");
        if (parts.length < 2 || parts.length > 4) return false;
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!DECIMAL_NUMBER.matcher(parts[i]).matches()) return false;
            n[i] = Double.parseDouble(parts[i]);
        }
        return Math.abs(n[0]) <= 90 && Math.abs(n[1]) <= 180 && (n.length < 4 || n[3] >= 0);
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

    /** No answer: null, "" or an empty list. */
    static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isArray() && value.isEmpty());
    }
}
