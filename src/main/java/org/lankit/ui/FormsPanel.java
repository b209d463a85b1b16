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
import org.lankit.sync.FieldType;
import org.lankit.sync.Form;

/**
 * The forms phones fill in: see each form's questions, change them, make a new form or import an
 * XLSForm. Saving or importing makes a new form version; entries already made keep the version
 * they were made with. An imported form is shown, not edited: its file is where it changes.
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
    private final JLabel importedNote = new JLabel(" ");
    private final List<JButton> editButtons = new ArrayList<>();
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
                return super.getListCellRendererComponent(l, f.title() + "  (version " + f.version() + ")", index, selected, focus);
            }
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && list.getSelectedValue() != null) edit(list.getSelectedValue());
        });
        JPanel left = new JPanel(new BorderLayout(0, 8));
        left.add(new JScrollPane(list), BorderLayout.CENTER);
        JPanel leftButtons = new JPanel(new GridLayout(0, 1, 0, 4));
        leftButtons.add(button("New form…", "newForm", KeyEvent.VK_N, this::newForm));
        leftButtons.add(button("Import XLSForm…", "importXlsForm", KeyEvent.VK_I, this::importXlsForm));
        left.add(leftButtons, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, editor());
        split.setDividerLocation(240);
        split.setBorder(BorderFactory.createEmptyBorder());
        add(split, BorderLayout.CENTER);
    }

    /** Reads the forms again (when the screen is shown); an open edit stays as it is. */
    void reload() {
        background.run("Could not read the forms", console::forms, latest -> {
            if (latest.equals(java.util.Collections.list(forms.elements()))) return;
            String keep = list.getSelectedValue() == null ? editingId : list.getSelectedValue().id();
            forms.clear();
            latest.forEach(forms::addElement);
            for (int i = 0; i < forms.size(); i++) {
                if (forms.get(i).id().equals(keep)) list.setSelectedIndex(i);
            }
            if (list.getSelectedIndex() < 0 && editingId == null && !forms.isEmpty()) list.setSelectedIndex(0);
        });
    }

    private JPanel editor() {
        JPanel right = new JPanel(new BorderLayout(0, 8));
        right.setBorder(BorderFactory.createEmptyBorder(0, 12, 0, 0));
        JPanel top = new JPanel(new BorderLayout(8, 8));
        top.add(heading, BorderLayout.NORTH);
        JLabel titleLabel = new JLabel("Title:");
        titleLabel.setDisplayedMnemonic(KeyEvent.VK_T);
        titleLabel.setLabelFor(title);
        title.setName("formTitle");
        top.add(titleLabel, BorderLayout.WEST);
        top.add(title, BorderLayout.CENTER);
        importedNote.setName("importedNote");
        importedNote.setForeground(Theme.muted());
        top.add(importedNote, BorderLayout.SOUTH);
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
        int[] widths = {200, 140, 130, 80, 220, 70, 70};
        for (int i = 0; i < widths.length; i++) table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        right.add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        editButtons.add(button("Add question", "addQuestion", KeyEvent.VK_A, () -> select(questions.add())));
        editButtons.add(button("Remove question", "removeQuestion", KeyEvent.VK_R, () -> withRow(r -> questions.remove(r))));
        editButtons.add(button("Move up", "moveUp", KeyEvent.VK_U, () -> withRow(r -> select(questions.move(r, -1)))));
        editButtons.add(button("Move down", "moveDown", KeyEvent.VK_O, () -> withRow(r -> select(questions.move(r, 1)))));
        editButtons.add(button("Save as new version", "saveForm", KeyEvent.VK_V, this::save));
        editButtons.forEach(buttons::add);
        JPanel bottom = new JPanel(new BorderLayout(0, 4));
        bottom.add(buttons, BorderLayout.NORTH);
        JLabel hint = new JLabel("Phones and laptops use a saved form from their next sync. Entries already made keep their version.");
        hint.setForeground(Theme.muted());
        bottom.add(hint, BorderLayout.SOUTH);
        right.add(bottom, BorderLayout.SOUTH);
        return right;
    }

    private void edit(Form form) {
        editingId = form.id();
        heading.setText(form.title() + " – version " + form.version());
        title.setText(form.title());
        questions.set(FormDraft.of(form).rows());
        showImported(form.source());
    }

    /** An imported form's questions are shown read-only, with where to change them. */
    private void showImported(String source) {
        importedFrom = source;
        title.setEditable(source == null);
        editButtons.forEach(b -> b.setEnabled(source == null));
        importedNote.setText(source == null ? " " : "Imported from " + source + ". To change this form, change the file"
                + " and import it again (Import XLSForm…); that makes the next version.");
    }

    private void importXlsForm() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Import XLSForm");
        chooser.setFileFilter(new FileNameExtensionFilter("XLSForms (.xlsx)", "xlsx"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        status.info("Importing " + file.getFileName() + "…");
        background.run("Not imported", () -> console.importForm(file), result -> {
            if (result.saved() == null) {
                status.problem(file.getFileName() + " was not imported.");
                showRefusal(file.getFileName().toString(), result.problems());
                return;
            }
            Form saved = result.saved();
            editingId = saved.id();
            list.clearSelection();
            status.done("Imported \u201c" + saved.title() + "\u201d as version " + saved.version()
                    + ". Phones and laptops get it at their next sync.");
            reload();
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
        body.add(new JLabel("Nothing was imported. Change these in " + file + ", then import it again:"), BorderLayout.NORTH);
        body.add(scroll, BorderLayout.CENTER);
        JOptionPane.showMessageDialog(this, body, "Not imported", JOptionPane.WARNING_MESSAGE);
    }

    private void newForm() {
        String name = JOptionPane.showInputDialog(this, "Title of the new form:", "New form", JOptionPane.PLAIN_MESSAGE);
        if (name == null || name.isBlank()) return;
        list.clearSelection();
        editingId = null;
        heading.setText(name.strip() + " – new form, not saved yet");
        title.setText(name.strip());
        questions.set(List.of());
        showImported(null);
        select(questions.add());
    }

    private void save() {
        if (table.isEditing()) table.getCellEditor().stopCellEditing();
        FormDraft draft = new FormDraft(editingId, title.getText(), questions.rows());
        background.run("Not saved", () -> console.saveForm(draft), saved -> {
            editingId = saved.id();
            list.clearSelection();
            status.done("Saved \u201c" + saved.title() + "\u201d as version " + saved.version()
                    + ". Phones and laptops get it at their next sync.");
            reload();
        });
    }

    private void withRow(java.util.function.IntConsumer action) {
        if (table.isEditing()) table.getCellEditor().stopCellEditing();
        int row = table.getSelectedRow();
        if (row < 0) {
            status.info("Select a question first.");
        } else {
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
