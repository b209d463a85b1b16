package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableCellRenderer;
import org.lankit.store.SummaryFields;
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * The forms phones fill in: see each form's questions, change them, make a new form or import an
 * XLSForm. Saving or importing makes a new form version; entries already made keep the version
 * they were made with. An imported form is shown, not edited: its file is where it changes. The
 * coordinator also chooses here which answers the Entries list shows for the form's entries
 * ({@link SummaryFields}). A problem is said under the buttons that caused it.
 */
final class FormsPanel extends JPanel {

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final DefaultListModel<Form> forms = new DefaultListModel<>();
    private final JList<Form> list = new JList<>(forms);
    private final JLabel heading = Theme.scale(new JLabel(" "), 1.3f, Font.BOLD);
    private final JTextField title = new JTextField(30);
    private final QuestionsModel questions = new QuestionsModel();
    private final JTable table = new JTable(questions) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return importedFrom == null && super.isCellEditable(row, column);
        }
    };
    private final WrappedText importedNote = new WrappedText("", Theme.muted());
    private final JLabel summaryLine = new JLabel(" ");
    private final JButton chooseSummary = new JButton(Text.get("forms.summary.choose"));
    private final WrappedText problem = new WrappedText("", Theme.bad());
    private final List<JButton> editButtons = new ArrayList<>();
    /** The saved form on screen, whose summary can be chosen; null for a new form not saved yet. */
    private Form saved;
    private String editingId;
    /** The file the form on screen was imported from; null for a form made here. */
    private String importedFrom;

    FormsPanel(MasterConsole console, Background background, StatusBar status) {
        super(new BorderLayout());
        this.console = console;
        this.background = background;
        this.status = status;
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        list.setName("formsList");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                Form f = (Form) value;
                return super.getListCellRendererComponent(l, Text.get("forms.listItem", f.title(), f.version()), index, selected, focus);
            }
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && list.getSelectedValue() != null) edit(list.getSelectedValue());
        });
        JPanel left = new JPanel(new BorderLayout(0, 8));
        left.add(new JScrollPane(list), BorderLayout.CENTER);
        JPanel leftButtons = new JPanel(new GridLayout(0, 1, 0, 4));
        leftButtons.add(button(Text.get("forms.new"), "newForm", KeyEvent.VK_N, this::newForm));
        leftButtons.add(button(Text.get("forms.import"), "importXlsForm", KeyEvent.VK_I, this::importXlsForm));
        left.add(leftButtons, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, editor());
        split.setDividerLocation(240);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split, BorderLayout.CENTER);
    }

    /** Reads the forms again (when the screen is shown); an open edit stays as it is. */
    void reload() {
        background.call(console::forms, latest -> {
            if (latest.equals(java.util.Collections.list(forms.elements()))) return;
            String keep = list.getSelectedValue() == null ? editingId : list.getSelectedValue().id();
            forms.clear();
            latest.forEach(forms::addElement);
            for (int i = 0; i < forms.size(); i++) {
                if (forms.get(i).id().equals(keep)) list.setSelectedIndex(i);
            }
            if (list.getSelectedIndex() < 0 && editingId == null && !forms.isEmpty()) list.setSelectedIndex(0);
        }, words -> problem.say(Text.get("forms.problem.read", words)));
    }

    private JPanel editor() {
        JPanel right = new JPanel(new BorderLayout(0, 8));
        right.setBorder(BorderFactory.createEmptyBorder(0, 12, 0, 0));
        JPanel top = new JPanel(new BorderLayout(8, 8));
        top.add(heading, BorderLayout.NORTH);
        JLabel titleLabel = new JLabel(Text.get("forms.title"));
        titleLabel.setDisplayedMnemonic(KeyEvent.VK_T);
        titleLabel.setLabelFor(title);
        title.setName("formTitle");
        top.add(titleLabel, BorderLayout.WEST);
        top.add(title, BorderLayout.CENTER);
        importedNote.setName("importedNote");
        JPanel notes = new JPanel(new BorderLayout(0, 4));
        notes.add(importedNote, BorderLayout.NORTH);
        notes.add(summaryRow(), BorderLayout.SOUTH);
        top.add(notes, BorderLayout.SOUTH);
        right.add(top, BorderLayout.NORTH);
        table.setName("questionsTable");
        table.setSurrendersFocusOnKeystroke(true);
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        JComboBox<FieldType> types = new JComboBox<>(FormDraft.panelTypes());
        types.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(l, QuestionsModel.words((FieldType) value), index, selected, focus);
            }
        });
        table.setDefaultEditor(FieldType.class, new DefaultCellEditor(types));
        table.setDefaultRenderer(FieldType.class, new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                setText(value == null ? "" : QuestionsModel.words((FieldType) value));
            }
        });
        table.getColumnModel().getColumn(0).setCellRenderer(new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                // a long question text is cut in its cell: the whole text shows when the pointer rests on it
                super.setValue(value);
                setToolTipText(value == null || value.toString().isBlank() ? null : QuestionView.wrapped(value.toString(), 360));
            }
        });
        int[] widths = {200, 140, 130, 80, 220, 70, 70};
        for (int i = 0; i < widths.length; i++) table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        right.add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        editButtons.add(button(Text.get("forms.addQuestion"), "addQuestion", KeyEvent.VK_A, () -> select(questions.add())));
        editButtons.add(button(Text.get("forms.removeQuestion"), "removeQuestion", KeyEvent.VK_R,
                () -> withRow(r -> questions.remove(r))));
        editButtons.add(button(Text.get("forms.moveUp"), "moveUp", KeyEvent.VK_U, () -> withRow(r -> select(questions.move(r, -1)))));
        editButtons.add(button(Text.get("forms.moveDown"), "moveDown", KeyEvent.VK_O, () -> withRow(r -> select(questions.move(r, 1)))));
        editButtons.add(button(Text.get("forms.save"), "saveForm", KeyEvent.VK_V, this::save));
        editButtons.forEach(buttons::add);
        JPanel bottom = new JPanel(new BorderLayout(0, 4));
        bottom.add(buttons, BorderLayout.NORTH);
        problem.setName("formProblem");
        problem.setVisible(false);
        bottom.add(problem, BorderLayout.CENTER);
        bottom.add(new WrappedText(Text.get("forms.hint"), Theme.muted()), BorderLayout.SOUTH);
        right.add(bottom, BorderLayout.SOUTH);
        return right;
    }

    private void edit(Form form) {
        editingId = form.id();
        heading.setText(Text.get("forms.heading", form.title(), form.version()));
        title.setText(form.title());
        questions.set(FormDraft.of(form).rows());
        showImported(form.source());
        problem.say(null);
        showSummary(form);
    }

    /** "Shown in the Entries list: Respondent, Village  [Choose…]". */
    private JPanel summaryRow() {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        summaryLine.setName("summaryLine");
        chooseSummary.setName("chooseSummary");
        chooseSummary.setMnemonic(KeyEvent.VK_H);
        chooseSummary.addActionListener(e -> chooseSummary());
        row.add(summaryLine);
        row.add(chooseSummary);
        return row;
    }

    /** Says which answers the Entries list shows for {@code form}'s entries; null: a form not saved yet has none. */
    private void showSummary(Form form) {
        saved = form;
        chooseSummary.setEnabled(form != null);
        if (form == null) {
            summaryLine.setText(Text.get("forms.summary.unsaved"));
            return;
        }
        background.call(() -> new SummaryFields(console.store().settings()).of(form),
                names -> summaryLine.setText(summaryWords(form, names)),
                words -> problem.say(Text.get("forms.problem.summary", words)));
    }

    private static String summaryWords(Form form, List<String> names) {
        List<String> labels = SummaryFields.offered(form).stream().filter(f -> names.contains(f.name()))
                .map(f -> QuestionView.words(f, null).label()).toList();
        return Text.get("forms.summary.line", labels.isEmpty() ? Text.get("forms.summary.none") : String.join(", ", labels));
    }

    /** The coordinator ticks the questions the Entries list shows; kept at once for every version of the form. */
    private void chooseSummary() {
        Form form = saved;
        if (form == null) return;
        problem.say(null);
        background.call(() -> new SummaryFields(console.store().settings()).of(form), now -> {
            JPanel boxes = new JPanel(new GridLayout(0, 1, 0, 2));
            List<JCheckBox> ticks = new ArrayList<>();
            for (FormField f : SummaryFields.offered(form)) {
                JCheckBox box = new JCheckBox(QuestionView.words(f, null).label(), now.contains(f.name()));
                box.setName("summary-" + f.name());
                box.setActionCommand(f.name());
                ticks.add(box);
                boxes.add(box);
            }
            JScrollPane scroll = new JScrollPane(boxes);
            scroll.setPreferredSize(new Dimension(420, Math.min(360, 40 + 28 * ticks.size())));
            JPanel body = new JPanel(new BorderLayout(0, 8));
            body.add(new WrappedText(Text.get("forms.summary.ask", form.title())), BorderLayout.NORTH);
            body.add(scroll, BorderLayout.CENTER);
            int answer = JOptionPane.showConfirmDialog(this, body, Text.get("forms.summary.title"), JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.PLAIN_MESSAGE);
            if (answer != JOptionPane.OK_OPTION) return;
            List<String> chosen = ticks.stream().filter(JCheckBox::isSelected).map(JCheckBox::getActionCommand).toList();
            background.call(() -> {
                new SummaryFields(console.store().settings()).choose(form, chosen);
                return chosen;
            }, kept -> {
                showSummary(form);
                status.done(Text.get("forms.summary.done", form.title()));
            }, words -> problem.say(Text.get("forms.problem.summary", words)));
        }, words -> problem.say(Text.get("forms.problem.summary", words)));
    }

    /** An imported form's questions are shown read-only, with where to change them. */
    private void showImported(String source) {
        importedFrom = source;
        title.setEditable(source == null);
        editButtons.forEach(b -> b.setEnabled(source == null));
        importedNote.say(source == null ? null : Text.get("forms.imported", source));
    }

    private void importXlsForm() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Text.get("forms.import.title"));
        chooser.setFileFilter(new FileNameExtensionFilter(Text.get("forms.import.files"), "xlsx"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        problem.say(null);
        status.info(Text.get("forms.importing", file.getFileName()));
        background.call(() -> console.importForm(file), result -> {
            if (result.saved() == null) {
                status.clear();
                problem.say(Text.get("forms.problem.notImported", file.getFileName()));
                showRefusal(file.getFileName().toString(), result.problems());
                return;
            }
            Form imported = result.saved();
            editingId = imported.id();
            list.clearSelection();
            status.done(Text.get("forms.imported.done", imported.title(), imported.version()));
            reload();
        }, words -> {
            status.clear();
            problem.say(Text.get("forms.problem.import", words));
        });
    }

    /** Every problem, one per line, in a dialog the coordinator can read and copy from. */
    private void showRefusal(String file, List<String> problems) {
        JTextArea text = new JTextArea(String.join("\n", problems.stream().map(p -> "\u2022 " + p).toList()));
        text.setName("importProblems");
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setCaretPosition(0);
        JScrollPane scroll = new JScrollPane(text);
        scroll.setPreferredSize(new Dimension(640, Math.min(420, 60 + 36 * problems.size())));
        JPanel body = new JPanel(new BorderLayout(0, 8));
        body.add(new JLabel(Text.get("forms.refused.intro", file)), BorderLayout.NORTH);
        body.add(scroll, BorderLayout.CENTER);
        JOptionPane.showMessageDialog(this, body, Text.get("forms.refused.title"), JOptionPane.WARNING_MESSAGE);
    }

    private void newForm() {
        String name = JOptionPane.showInputDialog(this, Text.get("forms.new.ask"), Text.get("forms.new.title"), JOptionPane.PLAIN_MESSAGE);
        if (name == null || name.isBlank()) return;
        list.clearSelection();
        editingId = null;
        heading.setText(Text.get("forms.new.heading", name.strip()));
        title.setText(name.strip());
        questions.set(List.of());
        showImported(null);
        problem.say(null);
        showSummary(null);
        select(questions.add());
    }

    private void save() {
        if (table.isEditing()) table.getCellEditor().stopCellEditing();
        FormDraft draft = new FormDraft(editingId, title.getText(), questions.rows());
        try {
            draft.toForm(1); // a mistake in the table is said at once, under the buttons; the save checks again
        } catch (IllegalArgumentException mistake) {
            problem.say(Text.get("forms.problem.notSaved", mistake.getMessage()));
            return;
        }
        problem.say(null);
        background.call(() -> console.saveForm(draft), done -> {
            editingId = done.id();
            list.clearSelection();
            status.done(Text.get("forms.saved", done.title(), done.version()));
            reload();
        }, words -> problem.say(Text.get("forms.problem.notSaved", words)));
    }

    private void withRow(java.util.function.IntConsumer action) {
        if (table.isEditing()) table.getCellEditor().stopCellEditing();
        int row = table.getSelectedRow();
        if (row < 0) {
            problem.say(Text.get("forms.problem.select"));
        } else {
            problem.say(null);
            action.accept(row);
        }
    }

    private void select(int row) {
        if (row >= 0 && row < questions.getRowCount()) table.getSelectionModel().setSelectionInterval(row, row);
    }

    private static JButton button(String text, String name, int mnemonic, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setMnemonic(mnemonic);
        b.addActionListener(e -> action.run());
        return b;
    }
}
