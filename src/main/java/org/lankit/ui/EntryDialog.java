package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import org.lankit.ui.Views.EntryDetail;
import org.lankit.ui.Views.FieldLine;

/** One entry with every answer, who wrote it and when; "Edit" turns the answers into fields to change. */
final class EntryDialog extends JDialog {

    private final EntryDetail detail;
    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final Map<String, Supplier<String>> shown = new LinkedHashMap<>();
    private final JScrollPane center = new JScrollPane();
    /** The entry's questions to change, made when "Edit" is pressed. */
    private FormView form;
    private final JLabel problem = new JLabel(" ");
    private final JButton edit = new JButton("Edit");
    private final JButton save = new JButton("Save changes");

    EntryDialog(Window owner, EntryDetail detail, boolean editing, MasterConsole console, Background background,
                StatusBar status, Runnable changed) {
        super(owner, detail.formTitle(), ModalityType.APPLICATION_MODAL);
        this.detail = detail;
        this.console = console;
        this.background = background;
        this.status = status;
        this.changed = changed;
        setName("entryDialog");
        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 12, 16));
        content.add(header(), BorderLayout.NORTH);
        center.setViewportView(answersGrid());
        content.add(center, BorderLayout.CENTER);
        content.add(buttons(), BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        setEditing(editing && !detail.deleted());
        pack();
        setSize(Math.min(getWidth() + 40, 900), Math.min(getHeight(), 680));
        setMinimumSize(new Dimension(520, 360));
        setLocationRelativeTo(owner);
    }

    private JPanel header() {
        JPanel p = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.WEST;
        c.weightx = 1;
        p.add(Theme.scale(new JLabel(detail.formTitle() + " (version " + detail.formVersion() + ")"), 1.3f, Font.BOLD), c);
        p.add(new JLabel("Entered by " + detail.createdBy() + ", " + detail.createdAt()), c);
        p.add(new JLabel("On this laptop: " + detail.onMaster() + "   ·   At the API: " + detail.atApi()), c);
        return p;
    }

    /** Every answer as words, with who wrote it and when. */
    private JPanel answersGrid() {
        JPanel grid = new JPanel(new GridBagLayout());
        grid.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        GridBagConstraints c = FieldEditors.questionCells(8);
        int row = 0;
        for (FieldLine line : detail.lines()) {
            c.gridy = row++;
            JComponent shownAnswer = FieldEditors.addQuestion(grid, c, line.field(), line.text(), shown);
            readOnly(shownAnswer);
            c.gridx = 2;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            JLabel who = new JLabel(line.by().isEmpty() ? "" : line.by() + ", " + line.when());
            who.setForeground(Theme.muted());
            grid.add(who, c);
        }
        return grid;
    }

    private static void readOnly(JComponent answer) {
        if (answer instanceof JTextField t) {
            t.setEditable(false);
        } else if (answer instanceof JTextArea a) {
            a.setEditable(false);
        } else {
            answer.setEnabled(false);
        }
    }

    private JPanel buttons() {
        JPanel bottom = new JPanel(new BorderLayout());
        problem.setName("dialogProblem");
        problem.setForeground(Theme.bad());
        bottom.add(problem, BorderLayout.NORTH);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        edit.setName("editEntry");
        edit.setMnemonic(KeyEvent.VK_E);
        edit.setEnabled(!detail.deleted() && detail.form() != null);
        edit.setToolTipText(detail.deleted() ? "This entry was deleted."
                : detail.form() == null ? "The form of this entry is missing, so it cannot be edited here."
                : "Change answers; phones and laptops get the change.");
        edit.addActionListener(e -> setEditing(true));
        save.setName("saveEntry");
        save.setMnemonic(KeyEvent.VK_S);
        save.addActionListener(e -> save());
        JButton close = new JButton("Close");
        close.setName("closeEntry");
        close.addActionListener(e -> dispose());
        row.add(edit);
        row.add(save);
        row.add(close);
        bottom.add(row, BorderLayout.CENTER);
        return bottom;
    }

    private void setEditing(boolean on) {
        if (on && form == null) {
            form = new FormView(detail.form(), detail.answers());
            JPanel column = new ColumnPanel(new BorderLayout());
            column.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
            column.add(form, BorderLayout.NORTH);
            center.setViewportView(column);
        }
        edit.setVisible(!on);
        save.setVisible(on);
        getRootPane().setDefaultButton(on ? save : null);
        if (on) form.firstControl().requestFocusInWindow();
    }

    private void save() {
        Optional<String> first = form.check();
        if (first.isPresent()) {
            problem.setText("Not saved: " + first.get() + ".");
            return;
        }
        Map<String, JsonNode> answers = form.answersToSave();
        save.setEnabled(false);
        background.call(() -> console.edit(detail.uuid(), answers), result -> {
            status.done(result);
            changed.run();
            dispose();
        }, words -> {
            save.setEnabled(true);
            problem.setText(words);
        });
    }
}
