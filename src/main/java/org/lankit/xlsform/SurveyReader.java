package org.lankit.xlsform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.sync.FieldTexts;
import org.lankit.sync.FieldType;
import org.lankit.sync.FormField;

/**
 * The survey sheet, row by row, into a tree of fields: {@code begin group}/{@code begin repeat}
 * open a field that holds the rows up to its {@code end}. Every problem is collected; reading goes
 * on after one, so the coordinator sees them all at once. Expressions are gathered for
 * {@link ExpressionCheck}, which needs every name first.
 */
final class SurveyReader {

    static final String SHEET = "survey";
    /** As XLSForms and FormShape have them. */
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_.-]{0,63}";

    private final Table survey;
    private final Languages languages;
    private final ChoiceLists lists;
    private final List<Problem> problems;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Integer> nameRows = new HashMap<>();
    private final Map<String, FieldType> answers = new LinkedHashMap<>();
    private final List<ExpressionCheck.Pending> expressions = new ArrayList<>();

    /** A group or repeat being read (the bottom one is the form itself: kind null). */
    private record Open(RowType.Kind kind, Table.Line line, List<FormField> fields) {
    }

    SurveyReader(Table survey, Languages languages, ChoiceLists lists, List<Problem> problems) {
        this.survey = survey;
        this.languages = languages;
        this.lists = lists;
        this.problems = problems;
    }

    /** The form's fields; check {@code problems} before using them. */
    List<FormField> read() {
        if (survey.column("type").isEmpty() || survey.column("name").isEmpty()) {
            problems.add(Problem.ofSheet(SHEET, "has no type or no name column (row 1 holds the column names: type, name,"
                    + " label, …)"));
            return List.of();
        }
        Columns.checkSurvey(survey, problems);
        open.push(new Open(null, null, new ArrayList<>()));
        for (Table.Line line : survey.lines()) readRow(line);
        while (open.size() > 1) {
            Open unclosed = open.pop();
            String what = unclosed.kind() == RowType.Kind.BEGIN_REPEAT ? "repeat" : "group";
            problems.add(survey.problem(unclosed.line(), "type", "this " + what + " is never closed; add an \"end " + what + "\" row"));
        }
        List<FormField> fields = open.pop().fields();
        if (fields.isEmpty() && problems.isEmpty()) problems.add(Problem.ofSheet(SHEET, "has no questions"));
        new ExpressionCheck(survey, answers, lists, problems).check(expressions);
        return fields;
    }

    private void readRow(Table.Line line) {
        String typeCell = survey.cell(line, "type");
        if (typeCell.isEmpty()) {
            problems.add(survey.problem(line, "type", "this row has no type"));
            return;
        }
        RowType type;
        try {
            type = RowType.parse(typeCell);
        } catch (IllegalArgumentException refused) {
            problems.add(survey.problem(line, "type", refused.getMessage()));
            return;
        }
        switch (type.kind()) {
            case BEGIN_GROUP, BEGIN_REPEAT -> begin(line, type.kind());
            case END_GROUP, END_REPEAT -> end(line, type.kind());
            case QUESTION -> open.peek().fields().add(question(line, type));
        }
    }

    private void begin(Table.Line line, RowType.Kind kind) {
        if (kind == RowType.Kind.BEGIN_REPEAT && open.stream().anyMatch(o -> o.kind() == RowType.Kind.BEGIN_REPEAT)) {
            problems.add(survey.problem(line, "type", "a repeat inside a repeat is not supported"));
        }
        open.push(new Open(kind, line, new ArrayList<>()));
    }

    private void end(Table.Line line, RowType.Kind kind) {
        RowType.Kind begins = kind == RowType.Kind.END_GROUP ? RowType.Kind.BEGIN_GROUP : RowType.Kind.BEGIN_REPEAT;
        String what = kind == RowType.Kind.END_GROUP ? "group" : "repeat";
        if (open.size() == 1) {
            problems.add(survey.problem(line, "type", "this \"end " + what + "\" has no \"begin " + what + "\" before it"));
            return;
        }
        Open closing = open.pop();
        if (closing.kind() != begins) {
            problems.add(survey.problem(line, "type", "this \"end " + what + "\" closes the "
                    + (what.equals("group") ? "repeat" : "group") + " begun in row " + closing.line().number()));
        }
        FieldType type = closing.kind() == RowType.Kind.BEGIN_REPEAT ? FieldType.REPEAT : FieldType.GROUP;
        FormField holder = container(closing.line(), type, closing.fields());
        if (type == FieldType.REPEAT) answers.putIfAbsent(holder.name(), type);
        if (closing.fields().isEmpty()) {
            problems.add(survey.problem(closing.line(), "type", "this " + type.wire() + " has no questions"));
        }
        open.peek().fields().add(holder);
    }

    private FormField container(Table.Line line, FieldType type, List<FormField> fields) {
        String name = name(line, type);
        for (String base : List.of("required", "constraint", "calculation", "choice_filter", "default")) {
            if (!survey.cell(line, base).isEmpty()) {
                problems.add(survey.problem(line, base, "a " + type.wire() + " cannot have a " + base + "; put it on its questions"));
            }
        }
        String relevant = expression(line, "relevant", ExpressionCheck.Use.RELEVANT);
        return new FormField(name, text(line, "label"), type, false, null, null, null, text(line, "hint"), relevant,
                null, null, null, null, null, null, text(line, "appearance"), null, fields, translations(line));
    }

    private FormField question(Table.Line line, RowType type) {
        FieldType kind = type.field();
        String appearance = text(line, "appearance");
        if (kind == FieldType.TEXT && appearance != null && appearance.contains("multiline")) kind = FieldType.TEXTAREA;
        String name = name(line, kind);
        String label = text(line, "label");
        if (label == null && kind != FieldType.CALCULATE) {
            problems.add(survey.problem(line, "label", "this question has no label"
                    + (languages.defaultLanguage() == null ? "" : " in " + languages.defaultLanguage())));
        }
        var choices = type.list() == null ? null : lists.choices(type.list());
        if (type.list() != null && !lists.has(type.list())) {
            problems.add(survey.problem(line, "type", "the choice list " + type.list() + " is not in the choices sheet"));
        }
        boolean required = Required.read(survey, line, kind, problems);
        String calculation = calculation(line, type);
        String choiceFilter = optional(line, "choice_filter");
        if (choiceFilter != null && type.list() == null) {
            problems.add(survey.problem(line, "choice_filter", "only select questions take a choice_filter"));
        } else if (choiceFilter != null) {
            checkLater(line, "choice_filter", choiceFilter, ExpressionCheck.Use.CHOICE_FILTER);
        }
        String constraint = optional(line, "constraint");
        if (constraint != null && (!kind.takesAnswer() || kind == FieldType.CALCULATE)) {
            problems.add(survey.problem(line, "constraint", "a " + kind.wire() + " row has no answer to check"));
        } else if (constraint != null) {
            checkLater(line, "constraint", constraint, ExpressionCheck.Use.CONSTRAINT);
        }
        String defaultValue = optional(line, "default");
        if (defaultValue != null) {
            String wrong = DefaultValues.problem(kind, defaultValue, choices == null ? List.of() : choices);
            if (wrong != null) problems.add(survey.problem(line, "default", wrong));
        }
        if (kind.takesAnswer()) answers.putIfAbsent(name, kind);
        return new FormField(name, label, kind, required, null, null, null, text(line, "hint"),
                expression(line, "relevant", ExpressionCheck.Use.RELEVANT), constraint, text(line, "constraint_message"),
                text(line, "required_message"), calculation, defaultValue, choiceFilter, appearance, choices, null,
                translations(line));
    }

    /** A calculate row's calculation (the metadata rows bring their own); other rows take none. */
    private String calculation(Table.Line line, RowType type) {
        String written = survey.cell(line, "calculation");
        if (type.calculation() != null) {
            if (!written.isEmpty()) {
                problems.add(survey.problem(line, "calculation", "this metadata row works out its own value; leave calculation empty"));
            }
            return type.calculation();
        }
        if (type.field() != FieldType.CALCULATE) {
            if (!written.isEmpty()) problems.add(survey.problem(line, "calculation", "only calculate rows take a calculation"));
            return null;
        }
        if (written.isEmpty()) {
            problems.add(survey.problem(line, "calculation", "this calculate row has no calculation"));
            return null;
        }
        checkLater(line, "calculation", written, ExpressionCheck.Use.CALCULATION);
        return written;
    }

    private String expression(Table.Line line, String base, ExpressionCheck.Use use) {
        String written = survey.cell(line, base);
        if (written.isEmpty()) return null;
        checkLater(line, base, written, use);
        return written;
    }

    private String optional(Table.Line line, String base) {
        String cell = survey.cell(line, base);
        return cell.isEmpty() ? null : cell;
    }

    /** Notes an expression for {@link ExpressionCheck}, which runs once every name is known. */
    private void checkLater(Table.Line line, String column, String text, ExpressionCheck.Use use) {
        expressions.add(new ExpressionCheck.Pending(line, column, text, use, inRepeat()));
    }

    /** Whether the row being read is inside a repeat (a begin repeat row's own relevant is not). */
    private boolean inRepeat() {
        return open.stream().anyMatch(o -> o.kind() == RowType.Kind.BEGIN_REPEAT);
    }

    private String name(Table.Line line, FieldType type) {
        String name = survey.cell(line, "name");
        if (name.isEmpty()) {
            problems.add(survey.problem(line, "name", "this " + type.wire() + " row has no name"));
        } else if (!name.matches(NAME)) {
            problems.add(survey.problem(line, "name", "the name \"" + name + "\" may hold only letters, digits, _ - and dots,"
                    + " start with a letter or _, and be at most 64 long"));
        } else {
            Integer first = nameRows.putIfAbsent(name, line.number());
            if (first != null) problems.add(survey.problem(line, "name", "the name " + name + " is already used in row " + first));
        }
        return name;
    }

    /** The default language's words of column {@code base}, or null. */
    private String text(Table.Line line, String base) {
        String words = base.equals("appearance") ? survey.cell(line, base) : languages.text(survey, line, base);
        return words.isEmpty() ? null : words;
    }

    private Map<String, FieldTexts> translations(Table.Line line) {
        Map<String, FieldTexts> out = new LinkedHashMap<>();
        for (String language : languages.all()) {
            if (language.equals(languages.defaultLanguage())) continue;
            String label = languages.others(survey, line, "label").get(language);
            String hint = languages.others(survey, line, "hint").get(language);
            String constraintMessage = languages.others(survey, line, "constraint_message").get(language);
            String requiredMessage = languages.others(survey, line, "required_message").get(language);
            if (label != null || hint != null || constraintMessage != null || requiredMessage != null) {
                out.put(language, new FieldTexts(label, hint, constraintMessage, requiredMessage));
            }
        }
        return out;
    }
}
