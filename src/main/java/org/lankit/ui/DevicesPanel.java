package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import org.lankit.ui.Views.DeviceRow;

/**
 * The phones and laptops of the team: rename, remove, approve new ones when asked to, and
 * whether phones may edit entries other devices made.
 */
final class DevicesPanel extends JPanel {

    private static final String[] COLUMNS = {"Name", "Kind", "Last seen", "Connection", "Entries", "State"};

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JCheckBox approveNew = new JCheckBox("Ask me before a new phone or laptop can send entries (approve new devices)");
    private final JCheckBox teamEdits = new JCheckBox("Let phones edit the team's entries, not only their own");
    private final JLabel waitingNote = new JLabel(" ");
    private final RowsModel<DeviceRow> model = new RowsModel<>(COLUMNS,
            new Class<?>[] {Object.class, Object.class, Object.class, Object.class, Object.class, Object.class}, DevicesPanel::cell);
    private final JTable table = new JTable(model);
    private final JButton approve = button("Approve", "approve", KeyEvent.VK_A);
    private final JButton rename = button("Rename…", "rename", KeyEvent.VK_R);
    private final JButton remove = button("Remove…", "revoke", KeyEvent.VK_M);

    DevicesPanel(MasterConsole console, Background background, StatusBar status, Runnable changed) {
        super(new BorderLayout(0, 8));
        this.console = console;
        this.background = background;
        this.status = status;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        JPanel top = new JPanel(new GridLayout(0, 1, 0, 4));
        approveNew.setName("approveNew");
        approveNew.setMnemonic(KeyEvent.VK_K);
        approveNew.addActionListener(e -> setApproveNew(approveNew.isSelected()));
        waitingNote.setName("waitingNote");
        waitingNote.setForeground(Theme.warning());
        teamEdits.setName("teamEdits");
        teamEdits.setMnemonic(KeyEvent.VK_P);
        teamEdits.addActionListener(e -> setTeamEdits(teamEdits.isSelected()));
        top.add(approveNew);
        top.add(teamEdits);
        top.add(waitingNote);
        add(top, BorderLayout.NORTH);
        table.setName("devicesTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setDefaultRenderer(Object.class, new ColouredCells(value -> value,
                text -> text.startsWith("Waiting") ? Theme.warning() : text.equals("Removed") ? Theme.muted() : null));
        table.getSelectionModel().addListSelectionListener(e -> enableButtons());
        add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        row.add(approve);
        row.add(rename);
        row.add(remove);
        add(row, BorderLayout.SOUTH);
        approve.addActionListener(e -> withSelected(d -> background.run("Could not approve", () -> {
            console.approve(d.deviceId());
            return d.name();
        }, name -> done(name + " can now send entries."))));
        rename.addActionListener(e -> withSelected(this::rename));
        remove.addActionListener(e -> withSelected(this::remove));
        enableButtons();
    }

    void show(List<DeviceRow> rows, int waiting, boolean approvingNew, boolean phonesEditTeam) {
        approveNew.setSelected(approvingNew);
        teamEdits.setSelected(phonesEditTeam);
        waitingNote.setText(waiting == 0 ? " " : Words.plural(waiting, "device waits", "devices wait")
                + " for your approval: select it and press Approve, or Remove it if you do not know it.");
        if (rows.equals(model.rows())) return;
        String selected = selected() == null ? null : selected().deviceId();
        model.set(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).deviceId().equals(selected)) table.getSelectionModel().setSelectionInterval(i, i);
        }
        enableButtons();
    }

    private void setApproveNew(boolean on) {
        background.run("Could not change the setting", () -> {
            console.choices().approveNewDevices(on);
            return on;
        }, now -> status.done(now ? "New phones and laptops now wait until you approve them here."
                : "New phones and laptops can send entries as soon as they scan the QR code."));
    }

    private void setTeamEdits(boolean on) {
        background.run("Could not change the setting", () -> {
            console.choices().phonesEditTeamEntries(on);
            return on;
        }, now -> status.done(now ? "Phones can now edit every entry of the team."
                : "Phones can now edit only the entries they made. Laptops can still edit every entry."));
    }

    private void rename(DeviceRow d) {
        Object name = JOptionPane.showInputDialog(this, "New name for " + d.name() + ":", "Rename", JOptionPane.PLAIN_MESSAGE,
                null, null, d.name());
        if (name == null) return;
        background.run("Could not rename", () -> {
            console.rename(d.deviceId(), name.toString());
            return name.toString().strip();
        }, newName -> done("Renamed to " + newName + "."));
    }

    private void remove(DeviceRow d) {
        int answer = JOptionPane.showConfirmDialog(this, d.name() + " will no longer be able to send entries or see the team's entries.\n"
                + "What it already sent stays. To come back it must scan the QR code again.\n\nRemove " + d.name() + "?",
                "Remove device", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) return;
        background.run("Could not remove", () -> {
            console.revoke(d.deviceId());
            return d.name();
        }, name -> done(name + " was removed from the team."));
    }

    private void done(String message) {
        status.done(message);
        changed.run();
    }

    private void withSelected(java.util.function.Consumer<DeviceRow> action) {
        DeviceRow d = selected();
        if (d == null) {
            status.info("Select a device in the list first.");
        } else {
            action.accept(d);
        }
    }

    private DeviceRow selected() {
        int row = table.getSelectedRow();
        return row < 0 || row >= model.rows().size() ? null : model.rows().get(row);
    }

    private void enableButtons() {
        DeviceRow d = selected();
        approve.setEnabled(d != null && d.waiting());
        rename.setEnabled(d != null && !d.revoked());
        remove.setEnabled(d != null && !d.revoked());
    }

    private static JButton button(String text, String name, int mnemonic) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setMnemonic(mnemonic);
        return b;
    }

    private static Object cell(DeviceRow d, int column) {
        switch (column) {
            case 0: return d.name();
            case 1: return d.kind();
            case 2: return d.lastSeen();
            case 3: return d.connection();
            case 4: return d.entries();
            default: return d.state();
        }
    }
}
