package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.DefaultTableModel;
import org.lankit.app.Promotion;
import org.lankit.peer.EntryMark;
import org.lankit.peer.Receipts;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Form;
import org.lankit.upstream.EntryUpload;

/**
 * A client laptop's screen: which master it is connected to (or the address and join code to
 * join one), and the team's entries as this laptop holds them, kept live; a chosen entry opens
 * in the form to be changed.
 */
final class ClientPanel extends JPanel {

    /** The last column, the entry's uuid, stays in the model and out of sight. */
    private static final int UUID_COLUMN = 4;

    /** One line of the entries table. */
    private record Row(String uuid, String form, String who, String when, String state) {
    }

    /** {@code takeOverProblem}: why this laptop cannot take over as master yet, or null. */
    private record Snapshot(PeerLink.State link, List<Row> rows, List<PeerLink.Found> found, List<Form> forms, String takeOverProblem) {
    }

    private final KitStore store;
    private final PeerLink link;
    private final Background background;
    private final StatusBar status;
    private final JLabel phase = Theme.scale(new JLabel(" "), 1.5f, Font.BOLD);
    private final JLabel detail = new JLabel(" ");
    private final JPanel joinForm = new JPanel(new GridBagLayout());
    private final JTextField masterUrl = new JTextField(28);
    private final JTextField joinCode = new JTextField(12);
    private final JTextField laptopName = new JTextField(20);
    private final JComboBox<PeerLink.Found> found = new JComboBox<>();
    private final JLabel foundLabel = new JLabel(Text.get("client.found"));
    private final ClientEntryForm entryForm;
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {Text.get("client.column.form"),
        Text.get("client.column.who"), Text.get("client.column.when"), Text.get("client.column.state"), "uuid"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JButton edit = new JButton(Text.get("client.edit"));
    private final JButton takeOverButton = new JButton(Text.get("client.takeOver"));
    private final Timer ticker = new Timer(2000, e -> refresh());
    private Snapshot last;
    private boolean refreshing;

    ClientPanel(KitStore store, PeerLink link, Background background, StatusBar status, Runnable becomeMaster, Runnable takeOver) {
        super(new BorderLayout(0, 12));
        this.store = store;
        this.link = link;
        this.background = background;
        this.status = status;
        this.entryForm = new ClientEntryForm(link, background, status, this::refresh);
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        phase.setName("clientPhase");
        detail.setName("clientDetail");
        JPanel top = new JPanel(new BorderLayout(0, 8));
        JPanel words = new JPanel(new java.awt.GridLayout(0, 1, 0, 4));
        words.add(phase);
        words.add(detail);
        top.add(words, BorderLayout.NORTH);
        buildJoinForm(becomeMaster);
        takeOverButton.setName("takeOver");
        takeOverButton.addActionListener(e -> {
            if (TakeOverDialog.confirm(this)) {
                ticker.stop();
                takeOver.run();
            }
        });
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        left.add(joinForm);
        top.add(left, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        entryForm.setVisible(false);
        add(entryForm, BorderLayout.WEST);
        add(entriesList(), BorderLayout.CENTER);
    }

    private JPanel entriesList() {
        table.setName("clientEntries");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getColumnModel().getColumn(3).setPreferredWidth(360); // room for the master's reason for a refusal
        table.removeColumn(table.getColumnModel().getColumn(UUID_COLUMN));
        table.getSelectionModel().addListSelectionListener(e -> edit.setEnabled(chosenUuid() != null));
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && chosenUuid() != null) openChosen();
            }
        });
        edit.setName("editEntry");
        edit.setMnemonic(KeyEvent.VK_E);
        edit.setEnabled(false);
        edit.addActionListener(e -> openChosen());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        bar.add(edit);
        bar.add(takeOverButton);
        JPanel list = new JPanel(new BorderLayout(0, 8));
        list.add(new JScrollPane(table), BorderLayout.CENTER);
        list.add(bar, BorderLayout.SOUTH);
        return list;
    }

    private String chosenUuid() {
        return chosen(UUID_COLUMN);
    }

    private String chosen(int column) {
        int row = table.getSelectedRow();
        return row < 0 ? null : (String) model.getValueAt(table.convertRowIndexToModel(row), column);
    }

    private void openChosen() {
        String uuid = chosenUuid();
        if (uuid == null || link == null) return;
        String whose = chosen(1) + ", " + chosen(2);
        background.call(() -> link.open(uuid), opened -> {
            if (opened.isPresent()) {
                entryForm.edit(opened.get(), whose);
                status.info(Text.get("client.editing"));
            } else {
                status.problem(Text.get("client.entryGone"));
            }
        }, status::problem);
    }

    void start() {
        // after each sync and when a master is found; the ticker covers anything missed
        if (link != null) link.onChange(() -> SwingUtilities.invokeLater(this::refresh));
        ticker.start();
        refresh();
    }

    void stop() {
        ticker.stop();
    }

    private void buildJoinForm(Runnable becomeMaster) {
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        c.gridy = 0;
        foundLabel.setLabelFor(found);
        foundLabel.setDisplayedMnemonic(KeyEvent.VK_F);
        joinForm.add(foundLabel, c);
        c.gridx = 1;
        found.setName("mastersFound");
        found.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focused) {
                String text = value instanceof PeerLink.Found f ? f.name() + "  \u2013  " + f.url() : "";
                return super.getListCellRendererComponent(list, text, index, selected, focused);
            }
        });
        found.addActionListener(e -> {
            if (found.getSelectedItem() instanceof PeerLink.Found f) masterUrl.setText(f.url());
        });
        joinForm.add(found, c);
        foundLabel.setVisible(false);
        found.setVisible(false);
        field(c, 1, Text.get("client.masterUrl"), KeyEvent.VK_M, masterUrl, "masterUrl");
        masterUrl.putClientProperty("JTextField.placeholderText", "http://192.168.1.20:8377");
        field(c, 2, Text.get("client.joinCode"), KeyEvent.VK_J, joinCode, "joinCode");
        field(c, 3, Text.get("client.laptopName"), KeyEvent.VK_N, laptopName, "laptopName");
        JButton join = new JButton(Text.get("client.join"));
        join.setName("join");
        join.setMnemonic(KeyEvent.VK_O);
        join.addActionListener(e -> join(join));
        JButton instead = new JButton(Text.get("client.becomeMaster"));
        instead.setName("becomeMaster");
        instead.addActionListener(e -> {
            ticker.stop();
            becomeMaster.run();
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.add(join);
        buttons.add(instead);
        c.gridx = 1;
        c.gridy = 4;
        joinForm.add(buttons, c);
        c.gridy = 5;
        JLabel hint = new JLabel(Text.get("client.joinHint"));
        hint.setForeground(Theme.muted());
        joinForm.add(hint, c);
        if (link == null) {
            join.setEnabled(false);
            c.gridy = 6;
            JLabel missing = new JLabel(Text.get("client.cannotJoin"));
            missing.setForeground(Theme.warning());
            joinForm.add(missing, c);
        }
    }

    private void field(GridBagConstraints c, int row, String label, int mnemonic, JTextField field, String name) {
        c.gridx = 0;
        c.gridy = row;
        JLabel l = new JLabel(label);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(field);
        field.setName(name);
        joinForm.add(l, c);
        c.gridx = 1;
        joinForm.add(field, c);
    }

    private void join(JButton button) {
        String url = masterUrl.getText().strip();
        String code = joinCode.getText().strip();
        String name = laptopName.getText().strip();
        if (!url.matches("https?://\\S+") || code.isEmpty() || name.isEmpty()) {
            status.problem(Text.get("client.fillIn", "http://192.168.1.20:8377"));
            return;
        }
        button.setEnabled(false);
        status.info(Text.get("client.joining", url));
        background.call(() -> {
            link.join(url, code, name);
            return url;
        }, joined -> {
            button.setEnabled(true);
            status.done(Text.get("client.joined", joined));
            refresh();
        }, problem -> {
            button.setEnabled(true);
            status.problem(Text.get("client.joinFailed", problem));
        });
    }

    private void refresh() {
        if (refreshing) return;
        refreshing = true;
        background.call(this::snapshot, snap -> {
            refreshing = false;
            show(snap);
        }, problem -> refreshing = false);
    }

    private Snapshot snapshot() {
        PeerLink.State state = link == null ? new PeerLink.State(PeerLink.Phase.NOT_JOINED, null, null, 0, null) : link.state();
        String me = org.lankit.peer.PeerLink.load(store).map(org.lankit.peer.PeerLink::deviceId).orElse("");
        EntryRows rows = new EntryRows(store.forms(),
                id -> id == null ? "" : id.equals(me) ? Text.get("client.who.me") : Text.get("client.who.another"),
                s -> new EntryUpload(EntryUpload.State.NOT_SET_UP, null));
        Map<String, String> refused = new HashMap<>();
        store.locallyRejected(5000).forEach(s -> refused.put(s.entry().uuid(),
                Objects.requireNonNullElse(s.upstreamError(), Text.get("client.noReason"))));
        Receipts receipts = link == null ? Receipts.NONE : link.receipts();
        List<Row> list = store.recent(0, 5000).stream().map((StoredEntry s) -> {
            Views.EntryRow r = rows.row(s);
            return new Row(s.entry().uuid(), r.formTitle(), r.who(), Words.when(r.createdAt()),
                    state(s, refused.get(s.entry().uuid()), receipts));
        }).toList();
        return new Snapshot(state, list, link == null ? List.of() : link.mastersFound(),
                link == null ? List.of() : link.forms(), Promotion.problem(store).orElse(null));
    }

    /** The entry's state column: where it stands with the master and the team's server, in words. */
    private static String state(StoredEntry s, String refusedBecause, Receipts receipts) {
        EntryMark mark = EntryMark.of(s.entry().uuid(), s.entry().seq(), s.isLocallyPending(), refusedBecause != null, receipts);
        return switch (mark) {
            case FAILED -> Text.get("client.state.refused", refusedBecause);
            case WAITING -> Words.receipt(mark);
            case ON_MASTER, ON_SERVER -> s.entry().isDeleted() ? Text.get("client.state.deleted") : Words.receipt(mark);
        };
    }

    private void show(Snapshot snap) {
        if (snap.equals(last)) return;
        last = snap;
        PeerLink.State s = snap.link();
        phase.setText(s.phase().words());
        phase.setForeground(s.phase() == PeerLink.Phase.CONNECTED ? Theme.good()
                : s.phase() == PeerLink.Phase.WAITING_FOR_MASTER ? Theme.warning() : detail.getForeground());
        List<String> said = new ArrayList<>();
        if (s.masterUrl() != null) said.add(s.masterName() == null ? Text.get("client.where.master", s.masterUrl())
                : Text.get("client.where.team", s.masterName(), s.masterUrl()));
        if (s.phase() != PeerLink.Phase.NOT_JOINED) {
            said.add(s.waitingToSend() == 0 ? Text.get("client.allSent") : Text.plural("client.waiting", s.waitingToSend()));
        }
        if (s.problem() != null) said.add(s.problem());
        detail.setText(said.isEmpty() ? " " : String.join(" ", said));
        boolean joined = s.phase() != PeerLink.Phase.NOT_JOINED;
        joinForm.setVisible(!joined);
        takeOverButton.setVisible(joined);
        takeOverButton.setEnabled(snap.takeOverProblem() == null);
        takeOverButton.setToolTipText(snap.takeOverProblem() == null
                ? Text.get("client.takeOver.when") : Text.get("client.takeOver.notYet", snap.takeOverProblem()));
        showFound(snap.found());
        entryForm.setVisible(joined && !snap.forms().isEmpty());
        entryForm.show(snap.forms());
        String chosen = chosenUuid();
        model.setRowCount(0);
        snap.rows().forEach(r -> model.addRow(new Object[] {r.form(), r.who(), r.when(), r.state(), r.uuid()}));
        for (int i = 0; i < snap.rows().size(); i++) {
            // the live list keeps the user's choice while it changes under them
            if (snap.rows().get(i).uuid().equals(chosen)) table.setRowSelectionInterval(i, i);
        }
    }

    private void showFound(List<PeerLink.Found> masters) {
        foundLabel.setVisible(!masters.isEmpty());
        found.setVisible(!masters.isEmpty());
        for (PeerLink.Found m : masters) {
            boolean listed = false;
            for (int i = 0; i < found.getItemCount(); i++) listed |= found.getItemAt(i).equals(m);
            if (!listed) found.addItem(m);
        }
    }
}
