package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableRowSorter;
import org.lankit.store.SummaryFields;
import org.lankit.sync.Form;
import org.lankit.ui.ColouredCells.Tone;
import org.lankit.ui.ColouredCells.Toned;
import org.lankit.ui.Views.EntryRow;

/**
 * Every entry on the master, each with the answers its form shows as summary: search, filter by
 * form, worker and state, details, edit, and CSV export of what is shown. A problem here is said
 * under the list, beside the buttons that caused it.
 */
final class EntriesPanel extends JPanel {

    private static final int WHEN = 3;

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JTextField search = new JTextField(20);
    private final JComboBox<Pick> form = new JComboBox<>();
    private final JComboBox<Pick> worker = new JComboBox<>();
    private final JComboBox<EntryFilter> state = new JComboBox<>(EntryFilter.values());
    private final JLabel count = new JLabel(" ");
    private final WrappedText problem = new WrappedText("", Theme.bad());
    private final RowsModel<EntryRow> model = new RowsModel<>(columns(),
            new Class<?>[] {String.class, String.class, String.class, Long.class, Toned.class, Toned.class}, this::cell);
    private final JTable table = new JTable(model);
    private List<EntryRow> all = List.of();
    /** The answers each form shows (field names by form id), as the coordinator chose on the Forms screen. */
    private Map<String, List<String>> summaries = Map.of();
    private Set<String> summariesAskedFor = Set.of();
    private boolean choosing;

    /** A choice of the form or worker list: {@code value} null means every one. */
    private record Pick(String value, String words) {
        @Override
        public String toString() {
            return words;
        }
    }

    EntriesPanel(MasterConsole console, Background background, StatusBar status, Runnable changed) {
        super(new BorderLayout(0, 8));
        this.console = console;
        this.background = background;
        this.status = status;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        add(toolbar(), BorderLayout.NORTH);
        table.setName("entriesTable");
        table.setAutoCreateRowSorter(false);
        TableRowSorter<RowsModel<EntryRow>> sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(WHEN, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        ColouredCells cells = new ColouredCells(value -> value instanceof Long ms ? Words.when(ms) : value, text -> null);
        table.setDefaultRenderer(Object.class, cells);
        table.setDefaultRenderer(Long.class, cells);
        table.setDefaultRenderer(Toned.class, cells);
        int[] widths = {130, 260, 140, 110, 150, 200};
        for (int i = 0; i < widths.length; i++) table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        table.getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "details");
        table.getActionMap().put("details", action(() -> open(false)));
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) open(false);
            }
        });
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(bottom(), BorderLayout.SOUTH);
        form.addItem(new Pick(null, Text.get("entries.form.all")));
        worker.addItem(new Pick(null, Text.get("entries.worker.all")));
    }

    private static String[] columns() {
        return new String[] {Text.get("entries.column.form"), Text.get("entries.column.summary"),
                Text.get("entries.column.worker"), Text.get("entries.column.when"), Text.get("entries.column.onLaptop"),
                Text.get("entries.column.atApi")};
    }

    /** New rows from the engine; the selection stays on the same entry. */
    void show(List<EntryRow> rows) {
        if (rows.equals(all)) return;
        all = rows;
        Set<String> formIds = rows.stream().map(EntryRow::formId).collect(Collectors.toSet());
        if (!summariesAskedFor.containsAll(formIds)) reloadSummaries();
        offerChoices();
        apply();
    }

    /** The screen is shown again: an old problem goes, and the summaries are read again (the Forms screen may have changed them). */
    void shown() {
        problem.say(null);
        reloadSummaries();
    }

    private void reloadSummaries() {
        Set<String> asked = all.stream().map(EntryRow::formId).collect(Collectors.toSet());
        summariesAskedFor = asked;
        background.call(() -> {
            SummaryFields chosen = new SummaryFields(console.store().settings());
            Map<String, List<String>> byForm = new HashMap<>();
            for (Form f : console.forms()) byForm.put(f.id(), chosen.of(f));
            return byForm;
        }, byForm -> {
            if (byForm.equals(summaries)) return;
            summaries = byForm;
            apply();
        }, words -> problem.say(Text.get("entries.problem.summary", words)));
    }

    /** The entry's summary: the answers its form shows, in the form's order, those not given left out. */
    String summary(EntryRow row) {
        return summaries.getOrDefault(row.formId(), List.of()).stream().map(row.answers()::get)
                .filter(text -> text != null && !text.isBlank()).collect(Collectors.joining(" \u00b7 "));
    }

    /** The form and worker lists offer what the entries hold; a choice still offered stays chosen. */
    private void offerChoices() {
        Map<String, String> forms = new LinkedHashMap<>();
        all.forEach(r -> forms.putIfAbsent(r.formId(), r.formTitle()));
        Set<String> workers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.forEach(r -> workers.add(r.who()));
        choosing = true;
        offer(form, forms);
        Map<String, String> byName = new LinkedHashMap<>();
        workers.forEach(w -> byName.put(w, w));
        offer(worker, byName);
        choosing = false;
    }

    private static void offer(JComboBox<Pick> box, Map<String, String> choices) {
        Set<String> now = new LinkedHashSet<>();
        for (int i = 1; i < box.getItemCount(); i++) now.add(box.getItemAt(i).value());
        if (now.equals(choices.keySet())) return;
        Pick chosen = (Pick) box.getSelectedItem();
        Pick everyone = box.getItemAt(0);
        box.removeAllItems();
        box.addItem(everyone);
        choices.forEach((value, words) -> box.addItem(new Pick(value, words)));
        box.setSelectedItem(chosen != null && choices.containsKey(chosen.value()) ? chosen : everyone);
    }

    private EntrySearch asked() {
        return new EntrySearch(search.getText(), picked(form), picked(worker), (EntryFilter) state.getSelectedItem());
    }

    private static String picked(JComboBox<Pick> box) {
        Pick p = (Pick) box.getSelectedItem();
        return p == null ? null : p.value();
    }

    private void apply() {
        if (choosing) return;
        String selected = selectedUuid();
        EntrySearch asked = asked();
        long today = Words.startOfToday();
        List<EntryRow> shown = all.stream().filter(r -> asked.shows(r, today)).toList();
        model.set(shown);
        count.setText(shown.size() == all.size() ? Text.plural("entries.count", all.size())
                : Text.plural("entries.countShown", all.size(), shown.size()));
        for (int i = 0; i < shown.size() && selected != null; i++) {
            if (shown.get(i).uuid().equals(selected)) {
                int view = table.convertRowIndexToView(i);
                table.getSelectionModel().setSelectionInterval(view, view);
            }
        }
    }

    private JPanel toolbar() {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        search.setName("search");
        search.putClientProperty("JTextField.placeholderText", Text.get("entries.search.placeholder"));
        search.getDocument().addDocumentListener(new DocumentListener() {
            public void insertUpdate(DocumentEvent e) { apply(); }
            public void removeUpdate(DocumentEvent e) { apply(); }
            public void changedUpdate(DocumentEvent e) { apply(); }
        });
        form.setName("formFilter");
        worker.setName("workerFilter");
        state.setName("filter");
        form.addActionListener(e -> apply());
        worker.addActionListener(e -> apply());
        state.addActionListener(e -> apply());
        count.setName("entryCount");
        bar.add(labelled(Text.get("entries.search"), KeyEvent.VK_S, search));
        bar.add(search);
        bar.add(labelled(Text.get("entries.form"), KeyEvent.VK_O, form));
        bar.add(form);
        bar.add(labelled(Text.get("entries.worker"), KeyEvent.VK_K, worker));
        bar.add(worker);
        bar.add(labelled(Text.get("entries.show"), KeyEvent.VK_W, state));
        bar.add(state);
        return bar;
    }

    private static JLabel labelled(String words, int mnemonic, JComponent control) {
        JLabel label = new JLabel(words);
        label.setDisplayedMnemonic(mnemonic);
        label.setLabelFor(control);
        return label;
    }

    private JPanel bottom() {
        JPanel bottom = new JPanel(new BorderLayout(0, 4));
        problem.setName("entriesProblem");
        problem.setVisible(false);
        bottom.add(problem, BorderLayout.NORTH);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        row.add(button(Text.get("entries.details"), "details", KeyEvent.VK_T, () -> open(false)));
        row.add(button(Text.get("entries.edit"), "edit", KeyEvent.VK_I, () -> open(true)));
        row.add(button(Text.get("entries.exportCsv"), "exportCsv", KeyEvent.VK_X, this::exportCsv));
        JPanel counted = new JPanel(new BorderLayout());
        counted.add(row, BorderLayout.WEST);
        // the count under the list, where it stays in sight however long the filters' words are
        counted.add(count, BorderLayout.EAST);
        bottom.add(counted, BorderLayout.CENTER);
        JPanel notes = new JPanel(new BorderLayout());
        JLabel plain = new JLabel(Text.get("entries.csvNotEncrypted"));
        plain.setForeground(Theme.muted());
        plain.setName("csvPlainNote");
        notes.add(plain, BorderLayout.NORTH);
        notes.add(new WrappedText(Text.get("entries.openHint"), Theme.muted()), BorderLayout.SOUTH);
        bottom.add(notes, BorderLayout.SOUTH);
        return bottom;
    }

    private void open(boolean editing) {
        problem.say(null);
        String uuid = selectedUuid();
        if (uuid == null) {
            problem.say(Text.get("entries.problem.select"));
            return;
        }
        background.call(() -> console.detail(uuid), detail -> detail.ifPresentOrElse(
                d -> new EntryDialog(SwingUtilities.getWindowAncestor(this), d, editing, console, background, status, changed).setVisible(true),
                () -> problem.say(Text.get("entries.problem.gone"))),
                words -> problem.say(Text.get("entries.problem.open", words)));
    }

    private void exportCsv() {
        problem.say(null);
        List<EntryRow> shown = model.rows();
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Text.get("entries.exportCsv.title"));
        chooser.setSelectedFile(new File("lankit-entries-" + java.time.LocalDate.now() + ".csv"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        Map<String, String> summaryOf = new HashMap<>();
        shown.forEach(r -> summaryOf.put(r.uuid(), summary(r)));
        background.call(() -> {
            CsvTable.write(file, shown, summaryOf::get);
            return file;
        }, written -> status.done(Text.plural("entries.exported", shown.size(), written)),
                words -> problem.say(Text.get("entries.problem.csv", words)));
    }

    private String selectedUuid() {
        int view = table.getSelectedRow();
        return view < 0 ? null : model.rows().get(table.convertRowIndexToModel(view)).uuid();
    }

    private static JButton button(String text, String name, int mnemonic, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setMnemonic(mnemonic);
        b.addActionListener(e -> action.run());
        return b;
    }

    private static AbstractAction action(Runnable run) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                run.run();
            }
        };
    }

    private Object cell(EntryRow r, int column) {
        return switch (column) {
            case 0 -> r.formTitle();
            case 1 -> summary(r);
            case 2 -> r.who();
            case WHEN -> r.createdAt();
            case 4 -> new Toned(r.onMaster(), r.needsReview() ? Tone.WARNING : Tone.PLAIN);
            default -> new Toned(r.atApi(), r.apiRefused() ? Tone.BAD : r.sentToApi() ? Tone.GOOD : Tone.PLAIN);
        };
    }
}
