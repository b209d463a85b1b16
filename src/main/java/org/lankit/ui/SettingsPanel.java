package org.lankit.ui;

import java.awt.Desktop;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.lankit.pairing.LanAddress;
import org.lankit.secure.DataKeys;
import org.lankit.store.KitStore;
import org.lankit.sync.Form;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.TargetSettings;

/**
 * The few things a coordinator may need to change: names, port, QR address, the team's servers
 * (a main one and, if wanted, a second one such as a CouchDB copy), the data folder and its passphrase.
 */
final class SettingsPanel extends JPanel {

    private static final String AUTOMATIC = "Automatic (Wi-Fi first)";
    /** The second server's target id. */
    static final String MIRROR = "mirror";

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JTextField team = named(new JTextField(24), "teamName");
    private final JTextField port = named(new JTextField(6), "port");
    private final JComboBox<String> address = named(new JComboBox<>(), "lanAddress");
    private final TargetEditor main;
    private final JCheckBox mirrorOn = named(new JCheckBox("Also send to a second server, for example a CouchDB copy"), "mirrorOn");
    private final TargetEditor mirror;
    private final JTextField dataDir = named(new JTextField(30), "dataDir");
    private final FormGrid.Row passphraseRow;
    private boolean passphraseSet;
    private boolean loading;

    /** What the screen shows, read off the event thread. */
    private record Loaded(String team, int port, String lanHost, List<String> addresses, Servers servers, Path dataDir,
                          boolean passphrase) {
    }

    /** The team's servers as set up, how uploads to each stand, and the kit's forms for the form ids. */
    private record Servers(List<TargetSettings> targets, Map<String, UpstreamStatus> statuses, List<Form> forms) {

        Optional<TargetSettings> target(String id) {
            return targets.stream().filter(t -> t.id().equals(id)).findFirst();
        }
    }

    SettingsPanel(MasterConsole console, Background background, StatusBar status, Runnable changed) {
        this.console = console;
        this.background = background;
        this.status = status;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        FormGrid grid = new FormGrid(this);
        grid.section("This team");
        grid.row("Team name:", KeyEvent.VK_T, team, "Shown to phones and laptops.");
        grid.row("Port:", KeyEvent.VK_P, port, "Change it only if another program needs this port.");
        grid.row("", 0, button("Save", "saveTeam", KeyEvent.VK_S, this::saveTeam),
                "The name and port apply the next time Lankit starts; after a port change phones must scan the new QR code.");
        grid.row("Address in the QR code:", KeyEvent.VK_Q, address, "When this laptop has several networks, pick the one the phones use.");
        address.addActionListener(e -> chooseAddress());
        grid.section("The team's server");
        main = new TargetEditor(TargetSettings.MAIN, "", true, this::testApi, grid);
        mirrorOn.setMnemonic(KeyEvent.VK_L);
        mirrorOn.addActionListener(e -> showMirror());
        grid.row("", 0, mirrorOn, "");
        mirror = new TargetEditor(MIRROR, "mirror-", false, this::testApi, grid);
        mirror.visible(false);
        JPanel apiButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        apiButtons.add(button("Save server settings", "saveApi", KeyEvent.VK_A, this::saveApi));
        apiButtons.add(Box.createHorizontalStrut(8));
        apiButtons.add(button("Send refused entries again", "retryFailed", KeyEvent.VK_R, this::retryFailed));
        grid.row("", 0, apiButtons, "Saved settings are used at once; an empty address means no server.");
        grid.section("Data");
        dataDir.setEditable(false);
        grid.row("Data folder:", KeyEvent.VK_D, dataDir, "");
        grid.row("", 0, button("Open folder", "openDataDir", KeyEvent.VK_O, this::openFolder), "");
        passphraseRow = grid.row("", 0, button("Protect with a passphrase\u2026", "passphrase", KeyEvent.VK_H, this::editPassphrase), " ");
        grid.end();
        load();
    }

    private void load() {
        background.run("Could not read the settings", () -> new Loaded(
                console.choices().teamName().orElse(""), console.choices().port(), console.choices().lanHost().orElse(null),
                LanAddress.candidates().stream().map(a -> a.address().getHostAddress() + "  \u2013  " + a.displayName()).toList(),
                servers(), console.store().dataDir(), DataKeys.hasPassphrase(console.store().dataDir())),
                this::show);
    }

    /** Off the event thread. */
    private Servers servers() {
        ApiLink api = console.api();
        return new Servers(api == null ? console.choices().targets() : api.targets(), api == null ? Map.of() : api.statuses(),
                console.store().forms().latest());
    }

    private void show(Loaded l) {
        loading = true;
        team.setText(l.team());
        port.setText(Integer.toString(l.port()));
        List<String> items = new ArrayList<>(List.of(AUTOMATIC));
        items.addAll(l.addresses());
        address.removeAllItems();
        items.forEach(address::addItem);
        items.stream().filter(i -> l.lanHost() != null && i.startsWith(l.lanHost() + " ")).findFirst().ifPresent(address::setSelectedItem);
        show(l.servers());
        dataDir.setText(l.dataDir().toAbsolutePath().toString());
        showPassphrase(l.passphrase());
        loading = false;
    }

    private void show(Servers s) {
        main.show(s.target(TargetSettings.MAIN), s.forms(), s.statuses().get(TargetSettings.MAIN));
        mirror.show(s.target(MIRROR), s.forms(), s.statuses().get(MIRROR));
        mirrorOn.setSelected(s.target(MIRROR).isPresent());
        showMirror();
    }

    private void showMirror() {
        mirror.visible(mirrorOn.isSelected());
    }

    private void saveTeam() {
        String name = team.getText().strip();
        String portText = port.getText().strip();
        background.run("Not saved", () -> {
            if (name.isEmpty() || name.length() > 60) throw new IllegalArgumentException("the team name needs 1 to 60 characters");
            int p;
            try {
                p = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1024 || p > 65535) throw new IllegalArgumentException("the port must be a number from 1024 to 65535");
            console.choices().teamName(name);
            console.choices().port(p);
            return p;
        }, p -> status.done("Saved. The name and port apply the next time Lankit starts."));
    }

    private void chooseAddress() {
        if (loading || address.getSelectedItem() == null) return;
        String item = (String) address.getSelectedItem();
        String host = item.equals(AUTOMATIC) ? null : item.substring(0, item.indexOf(' '));
        background.run("Not saved", () -> {
            console.choices().lanHost(host);
            return host;
        }, h -> {
            status.done("The QR code now uses " + (h == null ? "the best address found" : h) + ".");
            changed.run();
        });
    }

    private void testApi(TargetEditor editor) {
        ApiLink api = console.api();
        if (api == null) {
            status.problem("This Lankit has no uploader set up, so there is nothing to test yet. Save the server settings; they are kept.");
            return;
        }
        TargetSettings target;
        try {
            target = editor.settings().orElseThrow(() -> new IllegalArgumentException("the address is empty"));
        } catch (IllegalArgumentException e) {
            status.problem("Cannot test: " + e.getMessage() + ".");
            return;
        }
        status.info("Testing the connection to " + target.server().hostAndPort() + "…");
        background.call(() -> api.test(target), check -> {
            editor.showResult(check);
            if (check.isOk()) {
                status.done(check.message());
            } else {
                status.problem(check.message());
            }
        }, status::problem);
    }

    private void saveApi() {
        List<TargetSettings> targets = new ArrayList<>();
        try {
            main.settings().ifPresent(targets::add);
            if (mirrorOn.isSelected()) mirror.settings().ifPresent(targets::add);
        } catch (IllegalArgumentException e) {
            status.problem("Not saved: " + e.getMessage() + ".");
            return;
        }
        ApiLink api = console.api();
        background.run("Not saved", () -> {
            if (api == null) {
                console.choices().targets(targets);
            } else {
                api.save(targets);
            }
            return servers();
        }, saved -> {
            List<String> hosts = targets.stream().map(t -> t.server().hostAndPort()).toList();
            status.done(targets.isEmpty() ? "Uploading to a server is switched off."
                    : api == null ? "Saved the server settings."
                    : "Saved. New entries are sent to " + String.join(" and ", hosts) + ".");
            show(saved);
        });
    }

    private void retryFailed() {
        ApiLink api = console.api();
        if (api == null) {
            status.problem("This Lankit has no uploader set up, so nothing waits to be sent again.");
            return;
        }
        background.run("Could not send them again", api::retryFailed, n -> status.done(n == 0 ? "No entries were refused by the team's server."
                : Words.plural(n, "refused entry is", "refused entries are") + " sent again."));
    }

    private void showPassphrase(boolean set) {
        passphraseSet = set;
        passphraseRow.hint(set ? "A passphrase is set: on another computer, this data folder opens with it."
                : "No passphrase: this data folder opens only on this computer (a backup opens with the recovery key).");
    }

    private void editPassphrase() {
        Optional<PassphraseDialog.Choice> choice = PassphraseDialog.ask(this, passphraseSet);
        if (choice.isEmpty()) return;
        KitStore store = console.store();
        if (choice.get() instanceof PassphraseDialog.SetTo set) {
            background.run("The passphrase was not saved", () -> {
                try {
                    DataKeys.setPassphrase(store.dataDir(), store.dataKey(), set.passphrase());
                } finally {
                    Arrays.fill(set.passphrase(), '\0');
                }
                return true;
            }, done -> {
                showPassphrase(true);
                status.done("The passphrase is set. Write it down and keep it apart from this laptop.");
            });
        } else {
            background.run("The passphrase was not removed", () -> {
                DataKeys.removePassphrase(store.dataDir(), store.dataKey());
                return false;
            }, done -> {
                showPassphrase(false);
                status.done("The passphrase is removed: this data folder opens only on this computer.");
            });
        }
    }

    private void openFolder() {
        Path folder = Path.of(dataDir.getText());
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            status.info("The data folder is " + folder);
            return;
        }
        background.run("Could not open the folder", () -> {
            Desktop.getDesktop().open(folder.toFile());
            return folder;
        }, f -> status.info("Opened " + f));
    }

    private static JButton button(String text, String name, int mnemonic, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setMnemonic(mnemonic);
        b.addActionListener(e -> action.run());
        return b;
    }

    private static <T extends JComponent> T named(T component, String name) {
        component.setName(name);
        return component;
    }
}
