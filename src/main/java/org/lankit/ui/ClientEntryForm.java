package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/** A client laptop's form for a new entry: the team's form, one control per question, and "Save entry". */
final class ClientEntryForm extends JPanel {

    private final PeerLink link;
    private final Background background;
    private final StatusBar status;
    private final Runnable saved;
    private final JLabel title = Theme.scale(new JLabel(" "), 1.2f, Font.BOLD);
    private final JPanel grid = new JPanel(new GridBagLayout());
    private final JLabel problem = new JLabel(" ");
    private final JButton save = new JButton("Save entry");
    private final Map<String, Supplier<String>> answers = new LinkedHashMap<>();
    private Form form;

    ClientEntryForm(PeerLink link, Background background, StatusBar status, Runnable saved) {
        super(new BorderLayout(0, 8));
        this.link = link;
        this.background = background;
        this.status = status;
        this.saved = saved;
        setName("clientEntryForm");
        setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 12));
        add(title, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(grid);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(scroll, BorderLayout.CENTER);
        problem.setName("entryProblem");
        problem.setForeground(Theme.bad());
        save.setName("saveNewEntry");
        save.setMnemonic(KeyEvent.VK_S);
        save.addActionListener(e -> save());
    }

    /** Shows {@code latest} with empty answers, unless it is the form already shown. */
    void show(Form latest) {
        if (latest.equals(form)) return;
        form = latest;
        title.setText("New entry: " + latest.title());
        grid.removeAll();
        answers.clear();
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.NORTHWEST;
        int row = 0;
        for (FormField f : latest.fields()) {
            c.gridy = row++;
            c.gridx = 0;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            JLabel label = new JLabel(f.label() + (f.required() ? " *" : ""));
            grid.add(label, c);
            c.gridx = 1;
            c.weightx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            JComponent editor = FieldEditors.editor(f, "", answers);
            if (editor instanceof javax.swing.JTextField t) t.putClientProperty("JTextField.placeholderText", t.getClientProperty(FieldEditors.HINT));
            label.setLabelFor(editor);
            grid.add(editor instanceof JTextArea ? new JScrollPane(editor) : editor, c);
        }
        // the button right under the questions, where the eye ends
        c.gridy = row++;
        c.fill = GridBagConstraints.NONE;
        grid.add(save, c);
        c.gridy = row++;
        c.gridx = 0;
        c.gridwidth = 2;
        grid.add(problem, c);
        c.gridy = row;
        c.weighty = 1;
        grid.add(new JPanel(), c);
        revalidate();
        repaint();
    }

    private void save() {
        Form shown = form;
        Map<String, JsonNode> values = new LinkedHashMap<>();
        try {
            for (FormField f : shown.fields()) {
                JsonNode value = FieldText.parse(f, answers.get(f.name()).get());
                if (!value.isNull()) values.put(f.name(), value); // no answer: the question is left out
            }
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        save.setEnabled(false);
        background.call(() -> {
            link.save(shown, values);
            return shown;
        }, done -> {
            save.setEnabled(true);
            problem.setText(" ");
            form = null;
            show(done); // empty answers for the next household
            status.done("Entry saved on this laptop; it goes to the master with the next sync.");
            saved.run();
        }, words -> {
            save.setEnabled(true);
            problem.setText(words);
        });
    }
}
