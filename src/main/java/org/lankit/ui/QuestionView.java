package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;
import org.lankit.sync.Choice;
import org.lankit.sync.FieldTexts;
import org.lankit.sync.FormField;

/**
 * One question of a {@link FormView}: its words above (wrapped, never cut), the control its type
 * needs, and a line for its problem below. Controls are named {@code answer-<path>} and problems
 * {@code problem-<path>}, the path as the form's rules name it ({@code members[0].age}).
 */
final class QuestionView {

    /** The placeholder a text field shows while it can be typed in. */
    private static final String HINT = "lankit.hint";
    private static final int WRAP_WIDTH = 420;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private final FormField field;
    private final String path;
    private final Runnable changed;
    private final JPanel panel = new JPanel(new BorderLayout(0, 2));
    private final JLabel label = new JLabel();
    private final JLabel hint = new JLabel();
    private final JLabel problem = new JLabel();
    private final JComponent control;
    private final List<JCheckBox> boxes = new ArrayList<>();
    private final Map<String, String> choiceLabels = new LinkedHashMap<>();
    /** The value shown without a control: a calculation's result, a photo's name. */
    private JsonNode shownValue;
    private List<String> offered;
    private String language;
    /** The words an answer is shown with, by field name, for the {@code ${name}}s in the label and hint. */
    private Function<String, String> answerWords = name -> "";

    QuestionView(FormField field, String path, JsonNode value, Runnable changed, String language) {
        this.field = field;
        this.path = path;
        this.changed = changed;
        this.shownValue = value == null ? NullNode.getInstance() : value;
        this.control = control(value == null ? NullNode.getInstance() : value);
        control.setName("answer-" + path);
        label.setLabelFor(control);
        label.setName("label-" + path);
        hint.setName("hint-" + path);
        problem.setName("problem-" + path);
        problem.setForeground(Theme.bad());
        problem.setVisible(false);
        hint.setForeground(Theme.muted());
        JPanel words = new JPanel(new BorderLayout());
        words.add(label, BorderLayout.NORTH);
        words.add(hint, BorderLayout.CENTER);
        panel.add(words, BorderLayout.NORTH);
        panel.add(control instanceof JTextArea ? new JScrollPane(control) : control, BorderLayout.CENTER);
        panel.add(problem, BorderLayout.SOUTH);
        panel.setBorder(BorderFactory.createEmptyBorder(6, 4, 6, 4));
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        panel.setName("question-" + path);
        showTexts(language);
    }

    /** The field's words in {@code language} (null: the form's default), the default's where it has none. */
    static FieldTexts words(FormField f, String language) {
        FieldTexts t = language == null ? null : f.translations().get(language);
        String label = f.label() == null || f.label().isBlank() ? f.name() : f.label();
        if (t == null) return new FieldTexts(label, f.hint(), f.constraintMessage(), f.requiredMessage());
        return new FieldTexts(t.label() != null ? t.label() : label, t.hint() != null ? t.hint() : f.hint(),
                t.constraintMessage() != null ? t.constraintMessage() : f.constraintMessage(),
                t.requiredMessage() != null ? t.requiredMessage() : f.requiredMessage());
    }

    void showTexts(String language) {
        this.language = language;
        FieldTexts t = words(field, language);
        label.setText(wrapped(withAnswers(t.label()) + (field.required() ? " *" : ""), WRAP_WIDTH));
        hint.setText(t.hint() == null ? "" : wrapped(withAnswers(t.hint()), WRAP_WIDTH));
        hint.setVisible(t.hint() != null && !t.hint().isBlank());
        if (field.choices() != null) {
            for (Choice c : field.choices()) {
                String text = language == null ? c.label() : c.labels().getOrDefault(language, c.label());
                choiceLabels.put(c.name(), text == null || text.isBlank() ? c.name() : text);
            }
            boxes.forEach(b -> b.setText(choiceLabels.get(b.getActionCommand())));
            control.repaint();
        }
    }

    /** Shows the answers the label's and hint's {@code ${name}}s name ("How old is ${m_name}?"), read with {@code words}. */
    void showAnswersIn(Function<String, String> words) {
        FieldTexts t = words(field, language);
        if (!names(t.label()) && !names(t.hint())) return;
        answerWords = words;
        showTexts(language);
    }

    private static boolean names(String text) {
        return text != null && text.contains("${");
    }

    private String withAnswers(String text) {
        if (!names(text)) return text;
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(answerWords.apply(m.group(1)));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /**
     * Words for a label that wraps at {@code width} pixels (scaled with the font by FlatLaf) instead
     * of running off the side; the form's text is shown as text, never as markup.
     */
    static String wrapped(String text, int width) {
        String safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
        return "<html><body style='width: " + width + "px'>" + safe + "</body></html>";
    }

    private JComponent control(JsonNode value) {
        return switch (field.type()) {
            case TEXT, INTEGER, DECIMAL, DATE, TIME, GEOPOINT -> textField(value);
            case TEXTAREA -> {
                JTextArea area = new JTextArea(FieldText.text(value), 3, 30);
                area.setLineWrap(true);
                area.setWrapStyleWord(true);
                listen(area);
                yield area;
            }
            case SELECT_ONE -> {
                List<String> names = new ArrayList<>(List.of(""));
                names.addAll(field.options() == null ? List.of() : field.options());
                JComboBox<String> box = new JComboBox<>(names.toArray(String[]::new));
                box.setRenderer(new FormView.ChoiceLabels(choiceLabels));
                box.setSelectedItem(value.isTextual() ? value.asText() : "");
                box.addActionListener(e -> changed.run());
                yield box;
            }
            case BOOLEAN -> {
                JComboBox<String> box = new JComboBox<>(new String[] {"", "yes", "no"});
                // the box holds the values entries keep; it shows them in the panel's language
                box.setRenderer(new FormView.ChoiceLabels(Map.of("yes", Text.get("form.yes"), "no", Text.get("form.no"))));
                box.setSelectedItem(FieldText.text(value));
                box.addActionListener(e -> changed.run());
                yield box;
            }
            case SELECT_MULTIPLE -> {
                JPanel list = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
                List<String> chosen = new ArrayList<>();
                if (value.isArray()) value.forEach(v -> chosen.add(v.asText()));
                for (String name : field.options() == null ? List.<String>of() : field.options()) {
                    JCheckBox box = new JCheckBox(name, chosen.contains(name));
                    box.setActionCommand(name);
                    box.setName("choice-" + path + "-" + name);
                    box.addItemListener(e -> changed.run());
                    boxes.add(box);
                    list.add(box);
                }
                yield list;
            }
            case CALCULATE -> new JLabel(FieldText.text(value));
            case IMAGE -> new JLabel(value.isTextual() ? Text.get("form.photo.attached", value.asText())
                    : Text.get("form.photo.none"));
            case NOTE -> new JLabel();
            case GROUP, REPEAT -> throw new IllegalArgumentException(field.name() + " holds questions; FormView lays it out");
        };
    }

    private JTextField textField(JsonNode value) {
        JTextField text = new JTextField(FieldText.text(value), 24);
        String example = switch (field.type()) {
            case DATE -> Text.get("form.example.date");
            case TIME -> Text.get("form.example.time");
            case GEOPOINT -> Text.get("form.example.location");
            case INTEGER -> Text.get("form.example.wholeNumber");
            case DECIMAL -> Text.get("form.example.number");
            case TEXT, TEXTAREA, SELECT_ONE, SELECT_MULTIPLE, BOOLEAN, NOTE, CALCULATE, IMAGE, GROUP, REPEAT -> null;
        };
        if (example != null) {
            text.putClientProperty(HINT, example);
            text.putClientProperty("JTextField.placeholderText", example);
        }
        listen(text);
        return text;
    }

    private void listen(JTextComponent text) {
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed.run();
            }
        });
    }

    FormField field() {
        return field;
    }

    String path() {
        return path;
    }

    boolean isTopLevel() {
        return path.indexOf('[') < 0;
    }

    JComponent panel() {
        return panel;
    }

    JComponent control() {
        return control;
    }

    /** The answer as the entry holds it; null for none, and for text a number question cannot read. */
    JsonNode value() {
        return switch (field.type()) {
            case SELECT_MULTIPLE -> {
                ArrayNode chosen = JsonNodeFactory.instance.arrayNode();
                boxes.stream().filter(JCheckBox::isSelected).forEach(b -> chosen.add(b.getActionCommand()));
                yield chosen.isEmpty() ? NullNode.getInstance() : chosen;
            }
            case CALCULATE, IMAGE -> shownValue;
            case NOTE -> NullNode.getInstance();
            case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, GEOPOINT, SELECT_ONE, BOOLEAN -> unreadable().isPresent()
                    ? NullNode.getInstance() : FieldText.parse(field, typed());
            case GROUP, REPEAT -> NullNode.getInstance();
        };
    }

    /** Why the typed text is not an answer of this type (a number question holding "lots"); empty when it is. */
    Optional<String> unreadable() {
        try {
            return switch (field.type()) {
                case TEXT, TEXTAREA, INTEGER, DECIMAL, DATE, TIME, GEOPOINT, SELECT_ONE, BOOLEAN -> {
                    FieldText.parse(field, typed());
                    yield Optional.empty();
                }
                case SELECT_MULTIPLE, CALCULATE, IMAGE, NOTE, GROUP, REPEAT -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private String typed() {
        if (control instanceof JTextComponent t) return t.getText();
        if (control instanceof JComboBox<?> box) return box.getSelectedItem() == null ? "" : box.getSelectedItem().toString();
        return "";
    }

    void showCalculated(JsonNode value) {
        if (field.type() != org.lankit.sync.FieldType.CALCULATE) return;
        shownValue = value == null ? NullNode.getInstance() : value;
        ((JLabel) control).setText(FieldText.text(shownValue));
    }

    /** Offers only {@code names} (a choice filter's result; empty: every choice); a picked choice no longer offered is cleared. */
    void offer(Optional<List<String>> names) {
        List<String> now = names.orElse(null);
        if (java.util.Objects.equals(now, offered)) return;
        offered = now;
        if (control instanceof JComboBox<?> && field.type() == org.lankit.sync.FieldType.SELECT_ONE) {
            @SuppressWarnings("unchecked")
            JComboBox<String> box = (JComboBox<String>) control;
            Object picked = box.getSelectedItem();
            box.removeAllItems();
            box.addItem("");
            for (String name : field.options()) if (now == null || now.contains(name)) box.addItem(name);
            box.setSelectedItem(now == null || now.contains(picked) ? picked : "");
        }
        for (JCheckBox b : boxes) {
            boolean shown = now == null || now.contains(b.getActionCommand());
            b.setVisible(shown);
            if (!shown) b.setSelected(false);
        }
    }

    void showProblem(String words) {
        problem.setText(words == null ? "" : words);
        problem.setVisible(words != null);
    }

    void setEditable(boolean on) {
        if (control instanceof JTextComponent t) {
            t.setEditable(on);
            // a hint shown while only reading would look like an answer
            if (t instanceof JTextField) t.putClientProperty("JTextField.placeholderText", on ? t.getClientProperty(HINT) : null);
        } else if (control instanceof JComboBox<?> box) {
            box.setEnabled(on);
        }
        boxes.forEach(b -> b.setEnabled(on));
    }
}
