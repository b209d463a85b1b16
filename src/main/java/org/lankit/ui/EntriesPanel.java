package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
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
import org.lankit.ui.Views.EntryRow;

/** Every entry on the master: search, filter, details, edit, and CSV export of what is shown. */
final class EntriesPanel extends JPanel {

    private static final String[] COLUMNS = {"Form", "Who", "When", "On this laptop", "At the API"};

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JTextField search = new JTextField(24);
    private final JComboBox<EntryFilter> filter = new JComboBox<>(EntryFilter.values());
    private final JLabel count = new JLabel(" ");
    private final RowsModel<EntryRow> model = new RowsModel<>(COLUMNS,
            new Class<?>[] {String.class, String.class, Long.class, String.class, String.class}, EntriesPanel::cell);
    private final JTable table = new JTable(model);
    private List<EntryRow> all = List.of();

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
        sorter.setSortKeys(List.of(new RowSorter.SortKey(2, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        // times in words; states that need the coordinator stand out
        ColouredCells states = new ColouredCells(value -> value instanceof Long ms ? Words.when(ms) : value,
                text -> text.startsWith("Needs review") ? Theme.warning()
                        : text.startsWith("Not accepted") ? Theme.bad()
                        : text.startsWith("Sent to the API") ? Theme.good() : null);
        table.setDefaultRenderer(Object.class, states);
        table.setDefaultRenderer(Long.class, states);
        table.getColumnModel().getColumn(4).setPreferredWidth(220);
        table.getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "details");
        table.getActionMap().put("details", action(this::openSelected));
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) openSelected();
            }
        });
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(buttons(), BorderLayout.SOUTH);
    }

    /** New rows from the engine; the selection stays on the same entry. */
    void show(List<EntryRow> rows) {
        if (rows.equals(all)) return;
        all = rows;
        apply();
    }

    private void apply() {
        String selected = selectedUuid();
        EntryFilter f = (EntryFilter) filter.getSelectedItem();
        long today = Words.startOfToday();
        List<EntryRow> shown = all.stream().filter(r -> f.shows(r, search.getText(), today)).toList();
        model.set(shown);
        count.setText(shown.size() == all.size() ? Words.plural(all.size(), "entry", "entries")
                : shown.size() + " of " + Words.plural(all.size(), "entry", "entries"));
        for (int i = 0; i < shown.size() && selected != null; i++) {
            if (shown.get(i).uuid().equals(selected)) {
                int view = table.convertRowIndexToView(i);
                table.getSelectionModel().setSelectionInterval(view, view);
            }
        }
    }

    private JPanel toolbar() {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        JLabel searchLabel = new JLabel("Search:");
        searchLabel.setDisplayedMnemonic(KeyEvent.VK_S);
        searchLabel.setLabelFor(search);
        search.setName("search");
        search.putClientProperty("JTextField.placeholderText", "name, village, phone…");
        search.getDocument().addDocumentListener(new DocumentListener() {
            public void insertUpdate(DocumentEvent e) { apply(); }
            public void removeUpdate(DocumentEvent e) { apply(); }
            public void changedUpdate(DocumentEvent e) { apply(); }
        });
        JLabel showLabel = new JLabel("Show:");
        showLabel.setDisplayedMnemonic(KeyEvent.VK_W);
        showLabel.setLabelFor(filter);
        filter.setName("filter");
        filter.addActionListener(e -> apply());
        count.setName("entryCount");
        bar.add(searchLabel);
        bar.add(search);
        bar.add(showLabel);
        bar.add(filter);
        bar.add(count);
        return bar;
    }

    private JPanel buttons() {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        row.add(button("Details…", "details", KeyEvent.VK_T, this::openSelected));
        row.add(button("Edit…", "edit", KeyEvent.VK_I, () -> open(true)));
        row.add(button("Export what is shown to CSV…", "exportCsv", KeyEvent.VK_X, this::exportCsv));
        JLabel plain = new JLabel("CSV files are not encrypted: keep them where only the team can read them.");
        plain.setName("csvPlainNote");
        plain.setForeground(Theme.muted());
        row.add(plain);
        row.add(new JLabel("Double-click or press Enter on an entry to see all its answers."));
        return row;
    }

    private void openSelected() {
        open(false);
    }

    private void open(boolean editing) {
        String uuid = selectedUuid();
        if (uuid == null) {
            status.info("Select an entry in the list first.");
            return;
        }
        background.run("Could not open the entry", () -> console.detail(uuid), detail -> detail.ifPresentOrElse(
                d -> new EntryDialog(SwingUtilities.getWindowAncestor(this), d, editing, console, background, status, changed).setVisible(true),
                () -> status.problem("This entry no longer exists.")));
    }

    private void exportCsv() {
        List<EntryRow> shown = model.rows();
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Export entries to CSV");
        chooser.setSelectedFile(new File("lankit-entries-" + java.time.LocalDate.now() + ".csv"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        background.run("Could not write the CSV file", () -> {
            CsvTable.write(file, shown);
            return file;
        }, written -> status.done("Saved " + Words.plural(shown.size(), "entry", "entries") + " to " + written));
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

    private static Object cell(EntryRow r, int column) {
        switch (column) {
            case 0: return r.formTitle();
            case 1: return r.who();
            case 2: return r.createdAt();
            case 3: return r.onMaster();
            default: return r.atApi();
        }
    }
}
