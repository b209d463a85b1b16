package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.Component;
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
import javax.swing.table.DefaultTableCellRenderer;
import org.lankit.ui.Views.DeviceRow;

/**
 * The phones and laptops of the team: rename, remove, approve new ones when asked to, and
 * whether phones may edit entries other devices made.
 */
final class DevicesPanel extends JPanel {

    private static final int STATE_COLUMN = 5;

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JCheckBox approveNew = new JCheckBox(Text.get("devices.approveNew"));
    private final JCheckBox teamEdits = new JCheckBox(Text.get("devices.teamEdits"));
    private final JLabel waitingNote = new JLabel(" ");
    private final RowsModel<DeviceRow> model = new RowsModel<>(new String[] {Text.get("devices.column.name"),
        Text.get("devices.column.kind"), Text.get("devices.column.lastSeen"), Text.get("devices.column.connection"),
        Text.get("devices.column.entries"), Text.get("devices.column.state")},
            new Class<?>[] {Object.class, Object.class, Object.class, Object.class, Object.class, Object.class}, DevicesPanel::cell);
    private final JTable table = new JTable(model);
    private final JButton approve = button(Text.get("devices.approve"), "approve", KeyEvent.VK_A);
    private final JButton rename = button(Text.get("devices.rename"), "rename", KeyEvent.VK_R);
    private final JButton remove = button(Text.get("devices.remove"), "revoke", KeyEvent.VK_M);

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
        table.setDefaultRenderer(Object.class, new StateCells());
        table.getSelectionModel().addListSelectionListener(e -> enableButtons());
        add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        row.add(approve);
        row.add(rename);
        row.add(remove);
        add(row, BorderLayout.SOUTH);
        approve.addActionListener(e -> withSelected(d -> background.run(Text.get("devices.approve.failed"), () -> {
            console.approve(d.deviceId());
            return d.name();
        }, name -> done(Text.get("devices.approved", name)))));
        rename.addActionListener(e -> withSelected(this::rename));
        remove.addActionListener(e -> withSelected(this::remove));
        enableButtons();
    }

    void show(List<DeviceRow> rows, int waiting, boolean approvingNew, boolean phonesEditTeam) {
        approveNew.setSelected(approvingNew);
        teamEdits.setSelected(phonesEditTeam);
        waitingNote.setText(waiting == 0 ? " " : Text.plural("devices.waiting", waiting));
        if (rows.equals(model.rows())) return;
        String selected = selected() == null ? null : selected().deviceId();
        model.set(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).deviceId().equals(selected)) table.getSelectionModel().setSelectionInterval(i, i);
        }
        enableButtons();
    }

    private void setApproveNew(boolean on) {
        background.run(Text.get("devices.settingFailed"), () -> {
            console.choices().approveNewDevices(on);
            return on;
        }, now -> status.done(now ? Text.get("devices.approveNew.on") : Text.get("devices.approveNew.off")));
    }

    private void setTeamEdits(boolean on) {
        background.run(Text.get("devices.settingFailed"), () -> {
            console.choices().phonesEditTeamEntries(on);
            return on;
        }, now -> status.done(now ? Text.get("devices.teamEdits.on") : Text.get("devices.teamEdits.off")));
    }

    private void rename(DeviceRow d) {
        Object name = JOptionPane.showInputDialog(this, Text.get("devices.rename.ask", d.name()), Text.get("devices.rename.title"),
                JOptionPane.PLAIN_MESSAGE, null, null, d.name());
        if (name == null) return;
        background.run(Text.get("devices.rename.failed"), () -> {
            console.rename(d.deviceId(), name.toString());
            return name.toString().strip();
        }, newName -> done(Text.get("devices.renamed", newName)));
    }

    private void remove(DeviceRow d) {
        int answer = JOptionPane.showConfirmDialog(this, Text.get("devices.remove.ask", d.name()), Text.get("devices.remove.title"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) return;
        background.run(Text.get("devices.remove.failed"), () -> {
            console.revoke(d.deviceId());
            return d.name();
        }, name -> done(Text.get("devices.removed", name)));
    }

    private void done(String message) {
        status.done(message);
        changed.run();
    }

    private void withSelected(java.util.function.Consumer<DeviceRow> action) {
        DeviceRow d = selected();
        if (d == null) {
            status.info(Text.get("devices.selectFirst"));
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

    /** The state column coloured by the device's state, not by its words (they change with the language). */
    private final class StateCells extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            if (!selected) {
                DeviceRow d = model.rows().get(t.convertRowIndexToModel(row));
                boolean state = t.convertColumnIndexToModel(column) == STATE_COLUMN;
                c.setForeground(state && d.waiting() ? Theme.warning() : state && d.revoked() ? Theme.muted() : t.getForeground());
            }
            return c;
        }
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
