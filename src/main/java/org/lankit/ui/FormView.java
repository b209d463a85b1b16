package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.sync.FormRules;
import org.lankit.sync.RuleContext;
import org.lankit.sync.RuleResult;

/**
 * A form as the coordinator or a laptop user fills it in: one question under another, groups as
 * titled sections, repeats as rows with "Add" and "Remove", notes and calculated values as words.
 * The form's own rules ({@link FormRules}, as the master and the phone apply them) run after every change: questions the answers make
 * irrelevant hide, calculated values and filtered choices follow, and after a first "Save" each
 * problem stands under its question. Holds no rule of its own.
 */
final class FormView extends JPanel {

    private final Form form;
    private final FormRules rules;
    private final JPanel body = new JPanel();
    private final JComboBox<String> language = new JComboBox<>();
    private final List<QuestionView> questions = new ArrayList<>();
    private final List<RepeatView> repeats = new ArrayList<>();
    private final Runnable changed = this::changed;
    private boolean editable = true;
    /** Whether problems are shown: only once the user tried to save, then live. */
    private boolean showProblems;
    private boolean refreshQueued;

    FormView(Form form, Map<String, JsonNode> answers) {
        super(new BorderLayout(0, 8));
        this.form = form;
        this.rules = FormRules.of(form);
        setName("formView");
        body.setLayout(new BoxLayout(body, BoxLayout.Y_AXIS));
        if (form.languages().size() >= 2) add(languageSwitch(), BorderLayout.NORTH);
        add(body, BorderLayout.CENTER);
        build(answers);
    }

    private JComponent languageSwitch() {
        language.setName("formLanguage");
        form.languages().forEach(language::addItem);
        language.setSelectedItem(form.defaultLanguage() != null ? form.defaultLanguage() : form.languages().get(0));
        language.addActionListener(e -> questions.forEach(q -> q.showTexts(language())));
        JLabel label = new JLabel(Text.get("form.language"));
        label.setLabelFor(language);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        row.add(label);
        row.add(language);
        return row;
    }

    /** The language the words are shown in: null for the form's default. */
    private String language() {
        Object chosen = language.getSelectedItem();
        return chosen == null || chosen.equals(form.defaultLanguage()) ? null : chosen.toString();
    }

    private void build(Map<String, JsonNode> answers) {
        body.removeAll();
        questions.clear();
        repeats.clear();
        addFields(body, form.fields(), "", answers::get);
        refresh();
    }

    /** Adds views for {@code fields}, each answer read with {@code answer} (by name), paths under {@code prefix}. */
    private void addFields(JPanel into, List<FormField> fields, String prefix, java.util.function.Function<String, JsonNode> answer) {
        for (FormField f : fields) {
            switch (f.type()) {
                case GROUP -> {
                    JPanel section = section(f, prefix + f.name());
                    addFields(section, f.fields(), prefix, answer);
                    into.add(section);
                }
                case REPEAT -> {
                    RepeatView repeat = new RepeatView(f, prefix + f.name(), answer.apply(f.name()));
                    repeats.add(repeat);
                    into.add(repeat.panel);
                }
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, NOTE,
                     CALCULATE, GEOPOINT, IMAGE -> {
                    QuestionView q = new QuestionView(f, prefix + f.name(), answer.apply(f.name()), changed, language());
                    q.setEditable(editable);
                    questions.add(q);
                    into.add(q.panel());
                }
            }
        }
    }

    private JPanel section(FormField group, String path) {
        JPanel section = new JPanel();
        section.setLayout(new BoxLayout(section, BoxLayout.Y_AXIS));
        section.setName("section-" + path);
        section.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createEmptyBorder(8, 0, 4, 0),
                BorderFactory.createTitledBorder(QuestionView.words(group, language()).label())));
        section.setAlignmentX(Component.LEFT_ALIGNMENT);
        return section;
    }

    /** The answers as typed values: repeats as lists of rows, calculated values as last worked out. */
    Map<String, JsonNode> answers() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (QuestionView q : questions) {
            if (q.isTopLevel() && q.field().type().takesAnswer()) out.put(q.field().name(), q.value());
        }
        for (RepeatView r : repeats) out.put(r.field.name(), r.value());
        return out;
    }

    /**
     * Checks the answers against the form's rules and shows every problem under its question,
     * returning the first one (empty: the entry may be saved). From now on problems follow the
     * answers live.
     */
    Optional<String> check() {
        showProblems = true;
        return refresh().values().stream().findFirst();
    }

    /** The answers to save: those of questions the rules hide are left out, as the phone does. */
    Map<String, JsonNode> answersToSave() {
        Map<String, JsonNode> answers = answers();
        return evaluate(answers).withoutHidden(answers);
    }

    void setEditable(boolean on) {
        editable = on;
        questions.forEach(q -> q.setEditable(on));
        repeats.forEach(r -> r.setEditable(on));
    }

    /** The first control the user can type in, to put the focus there. */
    JComponent firstControl() {
        return questions.stream().filter(q -> q.panel().isVisible()).map(QuestionView::control).findFirst().orElse(this);
    }

    private void changed() {
        if (refreshQueued) return;
        refreshQueued = true;
        SwingUtilities.invokeLater(() -> {
            refreshQueued = false;
            refresh();
        });
    }

    /** Runs the rules on the answers as they are and shows what they say; returns the problems. */
    private Map<String, String> refresh() {
        Map<String, String> unreadable = new LinkedHashMap<>();
        questions.forEach(q -> q.unreadable().ifPresent(words -> unreadable.put(q.path(), words)));
        Map<String, JsonNode> answers = answers();
        RuleResult result = evaluate(answers);
        for (QuestionView q : questions) {
            q.panel().setVisible(result.relevant(q.path()));
            result.calculated(q.path()).ifPresent(q::showCalculated);
            q.offer(result.choices(q.path()));
            q.showAnswersIn(name -> answerWords(q.path(), name, answers, result));
        }
        repeats.forEach(r -> r.panel.setVisible(result.relevant(r.path)));
        // in the order of the questions on screen, a number the rules could not read among them
        Map<String, String> problems = new LinkedHashMap<>();
        for (QuestionView q : questions) {
            String words = unreadable.getOrDefault(q.path(), result.problems().get(q.path()));
            if (words != null && q.panel().isVisible()) problems.put(q.path(), words);
            q.showProblem(showProblems ? words : null);
        }
        for (RepeatView r : repeats) {
            String words = result.problems().get(r.path);
            if (words != null) problems.put(r.path, words);
            r.showProblem(showProblems ? words : null);
        }
        revalidate();
        repaint();
        return problems;
    }

    /** An answer in words for a {@code ${name}} in the question at {@code path}: its own row's first, as the rules read it. */
    private static String answerWords(String path, String name, Map<String, JsonNode> answers, RuleResult result) {
        int row = path.lastIndexOf("].");
        if (row > 0) {
            String inRow = path.substring(0, row + 2) + name;
            Optional<JsonNode> calculated = result.calculated(inRow);
            if (calculated.isPresent()) return FieldText.text(calculated.get());
            String repeat = path.substring(0, path.indexOf('['));
            int index = Integer.parseInt(path, path.indexOf('[') + 1, row, 10);
            JsonNode rows = answers.get(repeat);
            JsonNode v = rows == null ? null : rows.path(index).get(name);
            if (v != null) return FieldText.text(v);
        }
        return result.calculated(name).map(FieldText::text).orElseGet(() -> FieldText.text(answers.get(name)));
    }

    private RuleResult evaluate(Map<String, JsonNode> answers) {
        return rules.evaluate(answers, RuleContext.now(Clock.systemDefaultZone()));
    }

    /** A repeat: its rows, each with its own questions, and buttons to add and remove rows. */
    private final class RepeatView {
        final FormField field;
        final String path;
        final JPanel panel = new JPanel(new BorderLayout(0, 4));
        final JPanel rowsPanel = new JPanel();
        final JButton add = new JButton();
        final JLabel problem = new JLabel();
        final List<List<QuestionView>> rows = new ArrayList<>();
        final List<JButton> removes = new ArrayList<>();

        RepeatView(FormField field, String path, JsonNode value) {
            this.field = field;
            this.path = path;
            String label = QuestionView.words(field, language()).label();
            panel.setName("repeat-" + path);
            panel.setAlignmentX(Component.LEFT_ALIGNMENT);
            panel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createEmptyBorder(8, 0, 4, 0),
                    BorderFactory.createTitledBorder(label)));
            rowsPanel.setLayout(new BoxLayout(rowsPanel, BoxLayout.Y_AXIS));
            add.setText(Text.get("form.repeat.add", label.toLowerCase(java.util.Locale.ROOT)));
            add.setName("add-" + path);
            add.addActionListener(e -> {
                addRow(JsonNodeFactory.instance.objectNode());
                layoutRows();
                changed();
            });
            problem.setForeground(Theme.bad());
            problem.setVisible(false);
            JPanel bottom = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
            bottom.add(add);
            bottom.add(Box.createHorizontalStrut(8));
            bottom.add(problem);
            panel.add(rowsPanel, BorderLayout.CENTER);
            panel.add(bottom, BorderLayout.SOUTH);
            if (value != null && value.isArray()) value.forEach(this::addRow);
            layoutRows();
        }

        private void addRow(JsonNode row) {
            int index = rows.size();
            List<QuestionView> rowQuestions = new ArrayList<>();
            for (FormField child : rowQuestions(field.fields())) {
                JsonNode v = row.isObject() ? row.get(child.name()) : null;
                QuestionView q = new QuestionView(child, path + "[" + index + "]." + child.name(), v, changed, language());
                q.setEditable(editable);
                rowQuestions.add(q);
                questions.add(q);
            }
            rows.add(rowQuestions);
            JButton remove = new JButton(Text.get("form.repeat.remove"));
            remove.setName("remove-" + path + "[" + index + "]");
            remove.addActionListener(e -> removeRow(rows.indexOf(rowQuestions)));
            remove.setEnabled(editable);
            removes.add(remove);
        }

        /** A row's questions and notes in form order, its groups opened (a row is one section already). */
        private static List<FormField> rowQuestions(List<FormField> fields) {
            List<FormField> out = new ArrayList<>();
            for (FormField f : fields) {
                if (f.type() == org.lankit.sync.FieldType.GROUP) out.addAll(rowQuestions(f.fields()));
                else out.add(f);
            }
            return out;
        }

        private void removeRow(int index) {
            if (index < 0) return;
            // the rows after it move up one place: their paths change, so they are built again
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < rows.size(); i++) if (i != index) kept.add(rowValue(rows.get(i)));
            rows.forEach(questions::removeAll);
            rows.clear();
            removes.clear();
            kept.forEach(this::addRow);
            layoutRows();
            changed();
        }

        private void layoutRows() {
            rowsPanel.removeAll();
            String label = QuestionView.words(field, language()).label();
            for (int i = 0; i < rows.size(); i++) {
                JPanel row = new JPanel();
                row.setLayout(new BoxLayout(row, BoxLayout.Y_AXIS));
                row.setName("row-" + path + "[" + i + "]");
                JPanel head = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
                head.add(Theme.scale(new JLabel(label + " " + (i + 1)), 1f, Font.BOLD));
                head.add(Box.createHorizontalStrut(12));
                head.add(removes.get(i));
                head.setAlignmentX(Component.LEFT_ALIGNMENT);
                row.add(head);
                rows.get(i).forEach(q -> row.add(q.panel()));
                row.setAlignmentX(Component.LEFT_ALIGNMENT);
                row.setBorder(BorderFactory.createEmptyBorder(4, 8, 8, 0));
                rowsPanel.add(row);
            }
            rowsPanel.revalidate();
        }

        private ObjectNode rowValue(List<QuestionView> row) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (QuestionView q : row) {
                JsonNode v = q.value();
                if (!v.isNull()) o.set(q.field().name(), v);
            }
            return o;
        }

        JsonNode value() {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            rows.forEach(r -> list.add(rowValue(r)));
            return list;
        }

        void setEditable(boolean on) {
            add.setVisible(on);
            removes.forEach(b -> b.setEnabled(on));
        }

        void showProblem(String words) {
            problem.setText(words == null ? "" : words);
            problem.setVisible(words != null);
        }
    }

    /** A renderer that shows a choice's label while the combo box holds its name. */
    static final class ChoiceLabels extends DefaultListCellRenderer {
        private final Map<String, String> labels;

        ChoiceLabels(Map<String, String> labels) {
            this.labels = labels;
        }

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focused) {
            String text = value == null || value.toString().isEmpty() ? " " : labels.getOrDefault(value.toString(), value.toString());
            return super.getListCellRendererComponent(list, text, index, selected, focused);
        }
    }
}
