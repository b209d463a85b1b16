package org.lankit.ui;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import org.lankit.app.JoinAddress;
import org.lankit.ui.Views.Home;

/**
 * The master's home: the big QR code to join (or, on request, the one that sets phones up for
 * offline use), its address in words, and how the team is doing.
 */
final class HomePanel extends JPanel {

    private final QrView qr = new QrView();
    private final JLabel heading = Theme.scale(new JLabel(Text.get("home.heading.join"), SwingConstants.CENTER), 1.8f, Font.BOLD);
    private final JLabel unreachable = new JLabel(" ", SwingConstants.CENTER);
    private JoinAddress.Reach reachShown;
    private final JButton setupToggle = new JButton();
    private final JLabel setupHint = new JLabel(" ", SwingConstants.CENTER);
    private boolean showingSetup;
    private Home shown;
    private final JTextField url = new JTextField();
    private final JLabel code = new JLabel(" ", SwingConstants.CENTER);
    private final JPanel joinHelp = joinHelp(Words.joinHelp(System.getProperty("os.name", "")));
    private final JLabel team = Theme.scale(new JLabel(" "), 1.6f, Font.BOLD);
    private final JPanel addressMoved = new JPanel();
    private List<String> movedLines = List.of();
    private final JLabel phones = line("phonesLine");
    private final JLabel laptops = line("laptopsLine");
    private final JLabel entries = line("entriesLine");
    private final JLabel api = line("apiLine");
    private final JButton conflicts = link("conflictsLink", KeyEvent.VK_R);
    private final JButton waiting = link("devicesLink", KeyEvent.VK_A);

    HomePanel(MasterConsole console, Background background, StatusBar status, Consumer<String> showTab) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.fill = GridBagConstraints.BOTH;
        c.weightx = 0.6;
        c.insets = new Insets(0, 0, 8, 24);
        heading.setName("qrHeading");
        add(heading, c);
        unreachable.setName("qrUnreachable");
        unreachable.setForeground(Theme.warning());
        Theme.scale(unreachable, 1.1f, Font.BOLD);
        unreachable.setVisible(false);
        add(unreachable, c);
        c.weighty = 1;
        add(qr, c);
        c.weighty = 0;
        url.setName("joinUrl");
        url.setEditable(false);
        url.setHorizontalAlignment(JTextField.CENTER);
        url.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        url.getAccessibleContext().setAccessibleName(Text.get("home.url.name"));
        Theme.scale(url, 1.3f, Font.PLAIN);
        add(url, c);
        add(code, c);
        add(joinHelp, c);
        setupHint.setName("setupHint");
        setupHint.setForeground(Theme.muted());
        add(setupHint, c);
        setupToggle.setName("setupToggle");
        setupToggle.setMnemonic(KeyEvent.VK_O);
        setupToggle.addActionListener(e -> {
            showingSetup = !showingSetup;
            if (shown != null) show(shown);
        });
        c.fill = GridBagConstraints.NONE;
        add(setupToggle, c);
        c.fill = GridBagConstraints.BOTH;

        c.gridx = 1;
        c.gridy = 0;
        c.gridheight = 8;
        c.weightx = 0.4;
        c.insets = new Insets(0, 0, 0, 0);
        add(statusColumn(console, background, status, showTab), c);
        conflicts.addActionListener(e -> showTab.accept("Conflicts"));
        waiting.addActionListener(e -> showTab.accept("Devices"));
    }

    void show(Home home) {
        shown = home;
        String address = showingSetup ? home.setupUrl() : home.joinUrl();
        qr.show(address);
        if (!address.equals(url.getText())) url.setText(address);
        heading.setText(showingSetup ? Text.get("home.heading.setup") : Text.get("home.heading.join"));
        showReach(home.reach());
        setupHint.setText(showingSetup ? Text.get("home.setup.hint") : " ");
        setupToggle.setText(showingSetup ? Text.get("home.setup.back") : Text.get("home.setup.show"));
        code.setText(Text.get("home.laptopCode", home.laptopJoinCode()));
        code.setVisible(!showingSetup);
        team.setText(home.teamName());
        // once one device got in, the network works: the hint would only be noise
        joinHelp.setVisible(home.phonesJoined() + home.laptopsJoined() == 0);
        showAddressMoved(home.addressMoved());
        phones.setText(Text.get("home.phones", home.phonesConnected(), home.phonesJoined()));
        laptops.setText(Text.get("home.laptops", home.laptopsConnected(), home.laptopsJoined()));
        entries.setText(Text.get("home.entries", home.entriesToday(), home.entriesTotal()));
        api.setText(Text.get("home.api", home.apiLine()));
        api.setForeground(home.apiProblem() ? Theme.bad() : entries.getForeground());
        conflicts.setVisible(home.openConflicts() > 0);
        conflicts.setText(Text.plural("home.conflicts", home.openConflicts()));
        waiting.setVisible(home.devicesWaiting() > 0);
        waiting.setText(Text.plural("home.waiting", home.devicesWaiting()));
    }

    /**
     * Phones cannot reach the address in the QR code: say why and what fixes it, above the code.
     * Set only when it changes (a wrapping label is slow to lay out on every refresh).
     */
    private void showReach(JoinAddress.Reach reach) {
        if (reach == reachShown) return;
        reachShown = reach;
        String words = switch (reach) {
            case NETWORK -> null;
            case LOOPBACK_ONLY -> Text.get("home.unreachable.loopback");
            case NO_NETWORK -> Text.get("home.unreachable.noNetwork");
        };
        unreachable.setText(words == null ? " " : "<html><div style='text-align:center'>" + words + "</div></html>");
        unreachable.setVisible(words != null);
    }

    private JPanel statusColumn(MasterConsole console, Background background, StatusBar status, Consumer<String> showTab) {
        JPanel column = new JPanel();
        column.setLayout(new BoxLayout(column, BoxLayout.Y_AXIS));
        column.add(team);
        column.add(Box.createVerticalStrut(16));
        addressMoved.setName("addressMoved");
        addressMoved.setLayout(new BoxLayout(addressMoved, BoxLayout.Y_AXIS));
        addressMoved.setAlignmentX(LEFT_ALIGNMENT);
        addressMoved.setBorder(BorderFactory.createEmptyBorder(0, 0, 12, 0));
        addressMoved.setVisible(false);
        column.add(addressMoved);
        for (JLabel l : new JLabel[] {phones, laptops, entries, api}) {
            column.add(l);
            column.add(Box.createVerticalStrut(10));
        }
        column.add(Box.createVerticalStrut(10));
        column.add(conflicts);
        column.add(waiting);
        column.add(Box.createVerticalGlue());
        JButton renew = new JButton(Text.get("home.renew"));
        renew.setName("renewCode");
        renew.setMnemonic(KeyEvent.VK_N);
        renew.addActionListener(e -> {
            int answer = JOptionPane.showConfirmDialog(this, Text.get("home.renew.question"), Text.get("home.renew.title"),
                    JOptionPane.OK_CANCEL_OPTION);
            if (answer == JOptionPane.OK_OPTION) {
                background.run(Text.get("home.renew.failed"), console::renewJoinCode,
                        newCode -> status.done(Text.get("home.renew.done", newCode)));
            }
        });
        renew.setAlignmentX(LEFT_ALIGNMENT);
        column.add(renew);
        return column;
    }

    /** Short plain lines, rebuilt only when they change (a wrapping HTML label makes every refresh slow). */
    private void showAddressMoved(List<String> lines) {
        if (lines.equals(movedLines)) return;
        movedLines = lines;
        addressMoved.removeAll();
        for (String text : lines) {
            JLabel l = Theme.scale(new JLabel(text), 1.1f, Font.BOLD);
            l.setForeground(Theme.warning());
            addressMoved.add(l);
        }
        addressMoved.setVisible(!lines.isEmpty());
        addressMoved.revalidate();
    }

    private static JPanel joinHelp(List<String> lines) {
        JPanel help = new JPanel();
        help.setName("joinHelp");
        help.setLayout(new BoxLayout(help, BoxLayout.Y_AXIS));
        for (String text : lines) {
            JLabel l = new JLabel(text);
            l.setForeground(Theme.muted());
            l.setAlignmentX(CENTER_ALIGNMENT);
            help.add(l);
        }
        return help;
    }

    private static JLabel line(String name) {
        JLabel l = Theme.scale(new JLabel(" "), 1.25f, Font.PLAIN);
        l.setName(name);
        return l;
    }

    private static JButton link(String name, int mnemonic) {
        JButton b = new JButton();
        b.setName(name);
        b.setMnemonic(mnemonic);
        b.setVisible(false);
        b.setForeground(Theme.warning());
        b.setHorizontalAlignment(SwingConstants.LEFT);
        b.putClientProperty("JButton.buttonType", "borderless");
        b.setMargin(new Insets(4, 0, 4, 0));
        return b;
    }
}
