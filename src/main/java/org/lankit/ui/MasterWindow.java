package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.lankit.ui.Views.MasterView;

/**
 * The master's screens, one click (or Ctrl+1…7) apart. Keeps them live: the view is rebuilt off
 * the event thread when the store's sequence advances, and checked once a second for changes that
 * do not advance it (upload states, devices coming and going). The bottom line is cleared when
 * another screen is shown: what it said was about the screen left.
 */
final class MasterWindow extends JPanel {

    private final MasterConsole console;
    private final Background background;
    private final JTabbedPane tabs = new JTabbedPane(JTabbedPane.LEFT);
    private final HomePanel home;
    private final EntriesPanel entries;
    private final DevicesPanel devices;
    private final ConflictsPanel conflicts;
    private final FormsPanel forms;
    /** Each screen by its English name, which links on the home screen use whatever the language shown. */
    private final Map<String, Component> screens = new LinkedHashMap<>();
    private final Timer ticker = new Timer(1000, e -> refresh(false));
    private boolean refreshing;
    private boolean again;
    private boolean stopped;

    MasterWindow(MasterConsole console, BackupExporter backup, Background background, StatusBar status) {
        super(new BorderLayout());
        this.console = console;
        this.background = background;
        Runnable changed = () -> refresh(true);
        home = new HomePanel(console, background, status, this::showTab);
        entries = new EntriesPanel(console, background, status, changed);
        devices = new DevicesPanel(console, background, status, changed);
        conflicts = new ConflictsPanel(console, background, status, changed);
        forms = new FormsPanel(console, background, status);
        tabs.setName("tabs");
        Theme.scale(tabs, 1.15f, java.awt.Font.PLAIN);
        tabs.putClientProperty("JTabbedPane.minimumTabWidth", 130);
        addTab("Home", Text.get("status.tab.home"), home, KeyEvent.VK_H);
        addTab("Entries", Text.get("status.tab.entries"), entries, KeyEvent.VK_E);
        addTab("Devices", Text.get("status.tab.devices"), devices, KeyEvent.VK_D);
        addTab("Conflicts", Text.get("status.tab.conflicts"), conflicts, KeyEvent.VK_C);
        addTab("Forms", Text.get("status.tab.forms"), forms, KeyEvent.VK_F);
        addTab("Settings", Text.get("status.tab.settings"), scrolling(new SettingsPanel(console, background, status, changed)),
                KeyEvent.VK_S);
        addTab("Backup", Text.get("status.tab.backup"), new BackupPanel(backup, console.choices(), background, status),
                KeyEvent.VK_B);
        tabs.addChangeListener(e -> {
            status.clear();
            if (tabs.getSelectedComponent() == forms) forms.reload();
            if (tabs.getSelectedComponent() == entries) entries.shown();
            refresh(false);
        });
        add(tabs, BorderLayout.CENTER);
    }

    MasterConsole console() {
        return console;
    }

    /** Starts the live updates; the first view follows at once. */
    void start() {
        console.store().onSeqAdvanced(seq -> SwingUtilities.invokeLater(() -> refresh(false)));
        ticker.start();
        refresh(true);
    }

    void stop() {
        stopped = true;
        ticker.stop();
    }

    /** Shows the screen with this English name (from links on the home screen). */
    void showTab(String name) {
        Component screen = screens.get(name);
        if (screen != null) tabs.setSelectedComponent(screen);
    }

    /** A screen taller than a small laptop's window (Settings with two servers), in a scroll pane. */
    private static JScrollPane scrolling(JComponent panel) {
        JScrollPane scroll = new JScrollPane(panel);
        scroll.setBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        return scroll;
    }

    private void addTab(String name, String title, JComponent panel, int key) {
        screens.put(name, panel);
        tabs.addTab(title, panel);
        int index = tabs.getTabCount() - 1;
        tabs.setMnemonicAt(index, key);
        String action = "tab" + (index + 1);
        getInputMap(WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_1 + index, KeyEvent.CTRL_DOWN_MASK), action);
        getActionMap().put(action, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                tabs.setSelectedIndex(index);
            }
        });
    }

    /** One rebuild at a time; a request during a rebuild runs once more after it. */
    private void refresh(boolean force) {
        if (stopped) return;
        if (refreshing) {
            again = true;
            return;
        }
        refreshing = true;
        background.call(() -> console.refresh(force), view -> {
            refreshing = false;
            view.ifPresent(this::show);
            if (again) {
                again = false;
                refresh(false);
            }
        }, problem -> refreshing = false);
    }

    private void show(MasterView view) {
        if (stopped) return;
        home.show(view.home());
        entries.show(view.entries());
        devices.show(view.devices(), view.home().devicesWaiting(), view.approveNewDevices(), view.phonesEditTeamEntries());
        conflicts.show(view.conflicts());
        title(conflicts, Text.get("status.tab.conflicts"), view.conflicts().size());
        title(devices, Text.get("status.tab.devices"), view.home().devicesWaiting());
    }

    private void title(Component tab, String name, int count) {
        int i = tabs.indexOfComponent(tab);
        tabs.setTitleAt(i, count > 0 ? Text.get("status.tab.counted", name, count) : name);
    }
}
