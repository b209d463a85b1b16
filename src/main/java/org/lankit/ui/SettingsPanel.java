package org.lankit.ui;

import java.awt.Desktop;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JSeparator;
import javax.swing.JTextField;
import org.lankit.pairing.LanAddress;
import org.lankit.upstream.Redaction;

/** The few things a coordinator may need to change: names, port, QR address, the team's API, the data folder. */
final class SettingsPanel extends JPanel {

    private static final String AUTOMATIC = "Automatic (Wi-Fi first)";

    private final MasterConsole console;
    private final Background background;
    private final StatusBar status;
    private final Runnable changed;
    private final JTextField team = named(new JTextField(24), "teamName");
    private final JTextField port = named(new JTextField(6), "port");
    private final JComboBox<String> address = named(new JComboBox<>(), "lanAddress");
    private final JTextField apiUrl = named(new JTextField(30), "apiUrl");
    private final JPasswordField apiToken = named(new JPasswordField(30), "apiToken");
    private final JTextField dataDir = named(new JTextField(30), "dataDir");
    private final GridBagConstraints c = new GridBagConstraints();
    private boolean loading;

    /** What the screen shows, read off the event thread. */
    private record Loaded(String team, int port, String lanHost, List<String> addresses, String apiUrl, String apiToken,
                          Path dataDir) {
    }

    SettingsPanel(MasterConsole console, Background background, StatusBar status, Runnable changed) {
        super(new GridBagLayout());
        this.console = console;
        this.background = background;
        this.status = status;
        this.changed = changed;
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridy = -1;
        section("This team");
        row("Team name:", KeyEvent.VK_T, team, "Shown to phones and laptops.");
        row("Port:", KeyEvent.VK_P, port, "Change it only if another program needs this port.");
        row("", 0, button("Save", "saveTeam", KeyEvent.VK_S, this::saveTeam),
                "The name and port apply the next time Lankit starts; after a port change phones must scan the new QR code.");
        row("Address in the QR code:", KeyEvent.VK_Q, address, "When this laptop has several networks, pick the one the phones use.");
        address.addActionListener(e -> chooseAddress());
        section("The team's internet API");
        row("API address:", KeyEvent.VK_I, apiUrl, "For example https://data.example.org/lankit");
        row("API token:", KeyEvent.VK_K, apiToken, "Given by whoever runs the API. It is kept on this laptop only.");
        JPanel apiButtons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        apiButtons.add(button("Test connection", "testApi", KeyEvent.VK_C, this::testApi));
        apiButtons.add(javax.swing.Box.createHorizontalStrut(8));
        apiButtons.add(button("Save API settings", "saveApi", KeyEvent.VK_A, this::saveApi));
        apiButtons.add(javax.swing.Box.createHorizontalStrut(8));
        apiButtons.add(button("Send refused entries again", "retryFailed", KeyEvent.VK_R, this::retryFailed));
        row("", 0, apiButtons, "Test connection sends no entries. Saved settings are used at once.");
        section("Data");
        dataDir.setEditable(false);
        row("Data folder:", KeyEvent.VK_D, dataDir, "");
        row("", 0, button("Open folder", "openDataDir", KeyEvent.VK_O, this::openFolder), "");
        c.gridy++;
        c.weighty = 1;
        add(new JPanel(), c);
        load();
    }

    private void load() {
        background.run("Could not read the settings", () -> new Loaded(
                console.choices().teamName().orElse(""), console.choices().port(), console.choices().lanHost().orElse(null),
                LanAddress.candidates().stream().map(a -> a.address().getHostAddress() + "  \u2013  " + a.displayName()).toList(),
                console.choices().apiUrl().orElse(""), console.choices().apiToken().orElse(""), console.store().dataDir()),
                this::show);
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
        apiUrl.setText(l.apiUrl());
        apiToken.setText(l.apiToken());
        dataDir.setText(l.dataDir().toAbsolutePath().toString());
        loading = false;
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

    private void testApi() {
        ApiLink api = console.api();
        if (api == null) {
            status.problem("This Lankit has no uploader set up, so there is nothing to test yet. Save the address and token; they are kept.");
            return;
        }
        String url = apiUrl.getText().strip();
        String token = new String(apiToken.getPassword()).strip();
        status.info("Testing the connection to " + Redaction.text(url) + "…");
        background.call(() -> api.testConnection(url, token), status::done, status::problem);
    }

    private void saveApi() {
        String url = apiUrl.getText().strip();
        String token = new String(apiToken.getPassword()).strip();
        if (!url.isEmpty() && !url.matches("https?://\\S+")) {
            status.problem("The API address must start with https:// (or http://), like https://data.example.org/lankit");
            return;
        }
        ApiLink api = console.api();
        background.run("Not saved", () -> {
            if (api == null) {
                console.choices().api(url, token);
            } else {
                api.save(url, token);
            }
            return url;
        }, u -> status.done(u.isEmpty() ? "Uploading to an API is switched off."
                : api == null ? "Saved the API address and token." : "Saved. New entries are sent to " + Redaction.text(u) + "."));
    }

    private void retryFailed() {
        ApiLink api = console.api();
        if (api == null) {
            status.problem("This Lankit has no uploader set up, so nothing waits to be sent again.");
            return;
        }
        background.run("Could not send them again", api::retryFailed, n -> status.done(n == 0
                ? "No entries were refused by the API." : Words.plural(n, "refused entry is", "refused entries are") + " sent again."));
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

    private void section(String title) {
        c.gridy++;
        c.gridx = 0;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(c.gridy == 0 ? 0 : 16, 4, 4, 4);
        JPanel heading = new JPanel(new java.awt.BorderLayout(8, 0));
        heading.add(Theme.scale(new JLabel(title), 1.2f, Font.BOLD), java.awt.BorderLayout.WEST);
        heading.add(new JSeparator(), java.awt.BorderLayout.CENTER);
        add(heading, c);
        c.gridwidth = 1;
        c.fill = GridBagConstraints.NONE;
        c.insets = new Insets(4, 4, 4, 4);
    }

    /** A labelled field, with its hint in small grey words under it. */
    private void row(String label, int mnemonic, JComponent field, String hint) {
        c.gridy++;
        c.gridx = 0;
        c.weightx = 0;
        JLabel l = new JLabel(label);
        if (mnemonic != 0) l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(field);
        add(l, c);
        c.gridx = 1;
        c.weightx = 1;
        field.setMinimumSize(field.getPreferredSize());
        add(field, c);
        if (hint.isEmpty()) return;
        c.gridy++;
        c.insets = new Insets(0, 6, 8, 4);
        JLabel h = Theme.scale(new JLabel(hint), 0.92f, Font.PLAIN);
        h.setForeground(Theme.muted());
        add(h, c);
        c.insets = new Insets(4, 4, 4, 4);
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
