package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Optional;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import org.lankit.ui.Views.EntryDetail;
import org.lankit.ui.Views.FieldLine;

/** One entry with every answer, who wrote it and when; "Edit" turns the answers into fields to change. */
final class EntryDialog extends JDialog {

    private static final int QUESTION_WIDTH = 240;
    private static final int ANSWER_WIDTH = 340;

    private final EntryDetail detail;
    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JScrollPane center = new JScrollPane();
    /** The entry's questions to change, made when "Edit" is pressed. */
    private FormView form;
    private final WrappedText problem = new WrappedText("", Theme.bad());
    private final JButton edit = new JButton(Text.get("entry.edit"));
    private final JButton save = new JButton(Text.get("entry.save"));

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
        p.add(Theme.scale(new JLabel(Text.get("entry.heading", detail.formTitle(), detail.formVersion())), 1.3f, Font.BOLD), c);
        p.add(new JLabel(Text.get("entry.enteredBy", detail.createdBy(), detail.createdAt())), c);
        p.add(new JLabel(Text.get("entry.states", detail.onMaster(), detail.atApi())), c);
        return p;
    }

    /**
     * Every answer as words, not as boxes to type in (they cannot be changed until "Edit"), each
     * question and answer wrapped at its column's width, with who wrote it and when under it.
     */
    private JPanel answersGrid() {
        JPanel grid = new ColumnPanel(new GridBagLayout());
        grid.setName("entryAnswers");
        grid.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(5, 4, 5, 12);
        c.anchor = GridBagConstraints.NORTHWEST;
        c.gridy = 0;
        for (FieldLine line : detail.lines()) {
            c.gridx = 0;
            c.weightx = 0;
            JLabel question = new JLabel(QuestionView.wrapped(QuestionView.words(line.field(), null).label(), QUESTION_WIDTH));
            question.setForeground(Theme.muted());
            grid.add(question, c);
            c.gridx = 1;
            c.weightx = 1;
            boolean none = line.text().isEmpty();
            JLabel answer = new JLabel(QuestionView.wrapped(none ? Text.get("entry.noAnswer") : line.text(), ANSWER_WIDTH));
            answer.setName("shown-" + line.field().name());
            if (none) answer.setForeground(Theme.muted());
            question.setLabelFor(answer);
            // who wrote the answer and when, in small words under it, so the answer keeps the width
            JPanel cell = new JPanel(new BorderLayout(0, 1));
            cell.add(answer, BorderLayout.NORTH);
            if (!line.by().isEmpty()) {
                JLabel who = Theme.scale(new JLabel(Text.get("entry.byWhen", line.by(), line.when())), 0.9f, Font.PLAIN);
                who.setForeground(Theme.muted());
                cell.add(who, BorderLayout.SOUTH);
            }
            grid.add(cell, c);
            c.gridy++;
        }
        c.weighty = 1;
        grid.add(new JPanel(), c);
        return grid;
    }

    private JPanel buttons() {
        JPanel bottom = new JPanel(new BorderLayout());
        problem.setName("dialogProblem");
        problem.setVisible(false);
        bottom.add(problem, BorderLayout.NORTH);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        edit.setName("editEntry");
        edit.setMnemonic(KeyEvent.VK_E);
        edit.setEnabled(!detail.deleted() && detail.form() != null);
        edit.setToolTipText(Text.get(detail.deleted() ? "entry.edit.deleted"
                : detail.form() == null ? "entry.edit.noForm" : "entry.edit.hint"));
        edit.addActionListener(e -> setEditing(true));
        save.setName("saveEntry");
        save.setMnemonic(KeyEvent.VK_S);
        save.addActionListener(e -> save());
        JButton close = new JButton(Text.get("entry.close"));
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
            problem.say(Text.get("entry.notSaved", first.get()));
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
            problem.say(words);
        });
    }
}
