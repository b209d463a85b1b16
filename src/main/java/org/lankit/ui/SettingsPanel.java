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
    private final JCheckBox mirrorOn = named(new JCheckBox(Text.get("settings.mirror")), "mirrorOn");
    private final TargetEditor mirror;
    private final JTextField dataDir = named(new JTextField(30), "dataDir");
    private final FormGrid.Row passphraseRow;
    private final FormGrid.Row portRow;
    private final String automatic = Text.get("settings.address.automatic");
    private boolean passphraseSet;
    private int portInUse;
    private boolean loading;

    /** What the screen shows, read off the event thread. */
    private record Loaded(String team, int port, int portInUse, String lanHost, List<String> addresses, Servers servers, Path dataDir,
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
        grid.section(Text.get("settings.section.team"));
        grid.row(Text.get("settings.team"), KeyEvent.VK_T, team, Text.get("settings.team.hint"));
        portRow = grid.row(Text.get("settings.port"), KeyEvent.VK_P, port, " ");
        portRow.hint().setName("portHint");
        grid.row("", 0, button(Text.get("settings.save"), "saveTeam", KeyEvent.VK_S, this::saveTeam), Text.get("settings.save.hint"));
        grid.row(Text.get("settings.address"), KeyEvent.VK_Q, address, Text.get("settings.address.hint"));
        address.addActionListener(e -> chooseAddress());
        grid.section(Text.get("settings.section.servers"));
        main = new TargetEditor(TargetSettings.MAIN, "", true, this::testApi, grid);
        mirrorOn.setMnemonic(KeyEvent.VK_L);
        mirrorOn.addActionListener(e -> showMirror());
        grid.row("", 0, mirrorOn, "");
        mirror = new TargetEditor(MIRROR, "mirror-", false, this::testApi, grid);
        mirror.visible(false);
        JPanel apiButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        apiButtons.add(button(Text.get("settings.servers.save"), "saveApi", KeyEvent.VK_A, this::saveApi));
        apiButtons.add(Box.createHorizontalStrut(8));
        apiButtons.add(button(Text.get("settings.servers.retry"), "retryFailed", KeyEvent.VK_R, this::retryFailed));
        grid.row("", 0, apiButtons, Text.get("settings.servers.hint"));
        grid.section(Text.get("settings.section.data"));
        dataDir.setEditable(false);
        grid.row(Text.get("settings.dataDir"), KeyEvent.VK_D, dataDir, "");
        grid.row("", 0, button(Text.get("settings.dataDir.open"), "openDataDir", KeyEvent.VK_O, this::openFolder), "");
        passphraseRow = grid.row("", 0, button(Text.get("settings.passphrase"), "passphrase", KeyEvent.VK_H, this::editPassphrase), " ");
        grid.end();
        load();
    }

    private void load() {
        background.run(Text.get("settings.loadFailed"), () -> new Loaded(
                console.choices().teamName().orElse(""), console.choices().port(), console.portInUse(),
                console.choices().lanHost().orElse(null),
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
        portInUse = l.portInUse();
        showPort(l.port());
        List<String> items = new ArrayList<>(List.of(automatic));
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
        background.run(Text.get("settings.notSaved"), () -> {
            if (name.isEmpty() || name.length() > TeamNameQuestion.MAX_LENGTH) {
                throw new IllegalArgumentException(Text.get("settings.team.length", TeamNameQuestion.MAX_LENGTH));
            }
            int p;
            try {
                p = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1024 || p > 65535) throw new IllegalArgumentException(Text.get("settings.port.range"));
            console.choices().teamName(name);
            console.choices().port(p);
            return p;
        }, p -> {
            showPort(p);
            status.done(p == portInUse ? Text.get("settings.saved") : Text.get("settings.saved.port", portInUse, p));
        });
    }

    /** The port phones use now, and the saved one when it differs (it applies from the next start). */
    private void showPort(int saved) {
        portRow.hint(saved == portInUse ? Text.get("settings.port.hint", portInUse)
                : Text.get("settings.port.next", portInUse, saved));
    }

    private void chooseAddress() {
        if (loading || address.getSelectedItem() == null) return;
        String item = (String) address.getSelectedItem();
        String host = item.equals(automatic) ? null : item.substring(0, item.indexOf(' '));
        background.run(Text.get("settings.notSaved"), () -> {
            console.choices().lanHost(host);
            return host;
        }, h -> {
            status.done(h == null ? Text.get("settings.address.best") : Text.get("settings.address.chosen", h));
            changed.run();
        });
    }

    private void testApi(TargetEditor editor) {
        ApiLink api = console.api();
        if (api == null) {
            status.problem(Text.get("settings.test.noUploader"));
            return;
        }
        TargetSettings target;
        try {
            target = editor.settings().orElseThrow(() -> new IllegalArgumentException(Text.get("settings.test.empty")));
        } catch (IllegalArgumentException e) {
            status.problem(Text.get("settings.test.cannot", e.getMessage()));
            return;
        }
        status.info(Text.get("settings.test.running", target.server().hostAndPort()));
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
            status.problem(Text.get("settings.servers.refused", e.getMessage()));
            return;
        }
        ApiLink api = console.api();
        background.run(Text.get("settings.notSaved"), () -> {
            if (api == null) {
                console.choices().targets(targets);
            } else {
                api.save(targets);
            }
            return servers();
        }, saved -> {
            List<String> hosts = targets.stream().map(t -> t.server().hostAndPort()).toList();
            status.done(targets.isEmpty() ? Text.get("settings.servers.off")
                    : api == null ? Text.get("settings.servers.saved")
                    : Text.get("settings.servers.sending", String.join(Text.get("settings.servers.and"), hosts)));
            show(saved);
        });
    }

    private void retryFailed() {
        ApiLink api = console.api();
        if (api == null) {
            status.problem(Text.get("settings.retry.noUploader"));
            return;
        }
        background.run(Text.get("settings.retry.failed"), api::retryFailed,
                n -> status.done(n == 0 ? Text.get("settings.retry.none") : Text.plural("settings.retry.done", n)));
    }

    private void showPassphrase(boolean set) {
        passphraseSet = set;
        passphraseRow.hint(set ? Text.get("settings.passphrase.set") : Text.get("settings.passphrase.none"));
    }

    private void editPassphrase() {
        Optional<PassphraseDialog.Choice> choice = PassphraseDialog.ask(this, passphraseSet);
        if (choice.isEmpty()) return;
        KitStore store = console.store();
        if (choice.get() instanceof PassphraseDialog.SetTo set) {
            background.run(Text.get("settings.passphrase.notSaved"), () -> {
                try {
                    DataKeys.setPassphrase(store.dataDir(), store.dataKey(), set.passphrase());
                } finally {
                    Arrays.fill(set.passphrase(), '\0');
                }
                return true;
            }, done -> {
                showPassphrase(true);
                status.done(Text.get("settings.passphrase.done"));
            });
        } else {
            background.run(Text.get("settings.passphrase.notRemoved"), () -> {
                DataKeys.removePassphrase(store.dataDir(), store.dataKey());
                return false;
            }, done -> {
                showPassphrase(false);
                status.done(Text.get("settings.passphrase.removed"));
            });
        }
    }

    private void openFolder() {
        Path folder = Path.of(dataDir.getText());
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            status.info(Text.get("settings.dataDir.is", folder));
            return;
        }
        background.run(Text.get("settings.dataDir.openFailed"), () -> {
            Desktop.getDesktop().open(folder.toFile());
            return folder;
        }, f -> status.info(Text.get("settings.dataDir.opened", f)));
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
