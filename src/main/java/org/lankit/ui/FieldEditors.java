package org.lankit.ui;

import java.awt.GridBagConstraints;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import org.lankit.sync.FieldType;
import org.lankit.sync.FormField;

/** One control per question, fitting its type; shared by the master's entry dialog and the client's form. */
final class FieldEditors {

    /** The placeholder a text field shows while it can be typed in. */
    static final String HINT = "lankit.hint";

    private FieldEditors() {
    }

    /** Where {@link #addQuestion} starts: cells anchored top-left, 4 px apart ({@code rightGap} on the right). */
    static GridBagConstraints questionCells(int rightGap) {
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, rightGap);
        c.anchor = GridBagConstraints.NORTHWEST;
        return c;
    }

    /**
     * Adds one question to a {@link java.awt.GridBagLayout} grid in row {@code c.gridy}: its label
     * (" *" when an answer is required) in column 0 and its {@link #editor} in column 1, the label
     * tied to the control for screen readers. Leaves {@code c} at column 1; returns the control.
     */
    static JComponent addQuestion(JPanel grid, GridBagConstraints c, FormField f, String text,
                                  Map<String, Supplier<String>> answers) {
        c.gridx = 0;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        JLabel label = new JLabel(f.label() + (f.required() ? " *" : ""));
        grid.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        JComponent editor = editor(f, text, answers);
        label.setLabelFor(editor);
        grid.add(editor instanceof JTextArea ? new JScrollPane(editor) : editor, c);
        return editor;
    }

    /**
     * A control showing {@code text}, named {@code answer-<field>}; puts a reader of its text
     * (what {@link FieldText#parse} reads) into {@code answers}.
     */
    private static JComponent editor(FormField f, String text, Map<String, Supplier<String>> answers) {
        JComponent editor;
        if (f.type() == FieldType.SELECT_ONE || f.type() == FieldType.BOOLEAN) {
            List<String> items = new ArrayList<>(List.of(""));
            items.addAll(f.type() == FieldType.BOOLEAN ? List.of("yes", "no") : f.options() == null ? List.of() : f.options());
            if (!items.contains(text)) items.add(text);
            JComboBox<String> box = new JComboBox<>(items.toArray(String[]::new));
            box.setSelectedItem(text);
            answers.put(f.name(), () -> (String) box.getSelectedItem());
            editor = box;
        } else if (f.type() == FieldType.TEXTAREA) {
            JTextArea area = new JTextArea(text, 3, 24);
            area.setLineWrap(true);
            area.setWrapStyleWord(true);
            answers.put(f.name(), area::getText);
            editor = area;
        } else {
            JTextField field = new JTextField(text, 24);
            if (f.type() == FieldType.DATE) field.putClientProperty(HINT, "like 2026-11-25");
            if (f.type() == FieldType.SELECT_MULTIPLE) field.putClientProperty(HINT, "choices, separated by commas");
            answers.put(f.name(), field::getText);
            editor = field;
        }
        editor.setName("answer-" + f.name());
        return editor;
    }
}
