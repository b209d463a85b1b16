package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.util.Optional;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.lankit.app.KitLifecycle;
import org.lankit.app.KitOptions;
import org.lankit.app.KitWindow;
import org.lankit.app.MasterKit;
import org.lankit.app.Role;
import org.lankit.secure.DataKeys;
import org.lankit.secure.KeyVaults;
import org.lankit.store.KitStore;

/**
 * The control panel window over the kit's {@link KitLifecycle}: opens the data folder (asking for
 * its passphrase where this computer lacks its key), asks once whether this laptop starts a team
 * (and its name) or joins one, then shows the master's screens or the client's screen. The
 * lifecycle starts and stops the kit; this window shows it. Everything slow runs on
 * {@link Background}; closing a master with devices connected asks first.
 */
public final class ControlPanel implements KitWindow {

    private final KitLifecycle lifecycle;
    private final PanelServices services;
    private final Runnable onExit;
    private final JFrame frame = new JFrame(Text.get("app.name"));
    private final StatusBar status = new StatusBar();
    private final Background background = new Background(status);
    private KitStore store;
    private volatile MasterKit kit;
    private String suggestedName;
    private MasterWindow masterWindow;
    private ClientPanel clientPanel;
    private PeerLink peer;
    private boolean closing;

    private ControlPanel(KitLifecycle lifecycle, PanelServices services, Runnable onExit) {
        this.lifecycle = lifecycle;
        this.services = services;
        this.onExit = onExit;
    }

    /** What a double-click does: the window on the kit as the command line set it up; the process ends with the window. */
    static void open(KitLifecycle lifecycle) {
        boolean dark = Theme.systemPrefersDark();
        SwingUtilities.invokeLater(() -> start(lifecycle, EngineServices.real(), () -> System.exit(0), dark));
    }

    /** Opens the window (on the event thread); {@code onExit} runs once everything is closed. */
    static ControlPanel start(KitLifecycle lifecycle, PanelServices services, Runnable onExit, boolean dark) {
        Background.requireUiThread();
        Theme.install(dark);
        ControlPanel panel = new ControlPanel(lifecycle, services, onExit);
        panel.show();
        return panel;
    }

    /** A second launch on this data folder: the coordinator gets this window back, restored and in front. */
    @Override
    public void bringToFront() {
        SwingUtilities.invokeLater(() -> {
            if (closing) return;
            if ((frame.getExtendedState() & Frame.ICONIFIED) != 0) frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
            frame.setVisible(true);
            frame.toFront();
            frame.requestFocus();
        });
    }

    private KitOptions options() {
        return lifecycle.options();
    }

    JFrame frame() {
        return frame;
    }

    /** The running master once started (tests), else null. */
    MasterKit kit() {
        return kit;
    }

    private void show() {
        frame.setName("lankit");
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                requestClose();
            }
        });
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        setBody(centred(Text.get("window.opening")));
        Rectangle usable = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        frame.setMinimumSize(new Dimension(Math.min(800, usable.width), Math.min(560, usable.height)));
        frame.setSize(Math.min(1280, usable.width), Math.min(800, usable.height));
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
        lifecycle.shownIn(this);
        background.call(() -> DataKeys.state(options().dataDir(), KeyVaults.thisComputer()), state -> {
            switch (state) {
                case NEEDS_PASSPHRASE -> new PassphrasePrompt(frame, background, options().dataDir(), this::openStore,
                        problem -> fatal(Text.get("window.fatal.folder"), problem)).ask();
                // a folder whose key is nowhere is refused by the store, in plain words
                case NEW, IN_VAULT, LOCKED -> openStore();
            }
        }, problem -> fatal(Text.get("window.fatal.folder"), problem));
    }

    private void openStore() {
        background.call(lifecycle::openStore, opened -> {
            store = opened;
            chooseRole();
        }, problem -> fatal(Text.get("window.fatal.folder"), problem));
    }

    private void chooseRole() {
        background.call(() -> {
            suggestedName = lifecycle.suggestedTeamName();
            return lifecycle.role();
        }, role -> role.ifPresentOrElse(this::remember, this::askRole), problem -> fatal(Text.get("window.fatal.settings"), problem));
    }

    private void askRole() {
        setBody(new RoleChooser(role -> {
            if (role == Role.MASTER) {
                askTeamName();
            } else {
                remember(role);
            }
        }, () -> new FirstStartRestore(frame, background, status, lifecycle, () -> remember(Role.MASTER)).pickAndRestore()));
    }

    /** "Start a team": the team's name first, offered as the computer's (or --name's), which the coordinator may change. */
    private void askTeamName() {
        setBody(new TeamNameQuestion(suggestedName, name -> background.run(Text.get("start.name.failed"), () -> {
            lifecycle.startTeam(name);
            return name;
        }, started -> startMaster()), this::askRole));
    }

    private void remember(Role role) {
        background.run(Text.get("start.role.failed"), () -> {
            lifecycle.remember(role);
            return role;
        }, chosen -> {
            if (chosen == Role.MASTER) {
                startMaster();
            } else {
                startClient();
            }
        });
    }

    private record MasterParts(MasterConsole console, BackupExporter backup) {
    }

    private void startMaster() {
        setBody(centred(Text.get("window.startingTeam")));
        background.call(() -> {
            MasterKit started = lifecycle.startMaster();
            kit = started;
            return new MasterParts(new MasterConsole(started, services.api().apply(started)),
                    services.backup().apply(started));
        }, parts -> {
            masterWindow = new MasterWindow(parts.console(), parts.backup(), background, status);
            frame.setTitle(Text.get("window.title.master", kit.identity().name()));
            setBody(masterWindow);
            masterWindow.start();
            kit.startNotice().ifPresent(status::problem);
            kit.newRecoveryKey().ifPresent(key -> new RecoveryKeyDialog(frame, kit.identity().name(), key).setVisible(true));
            kit.superseded().ifPresent(s -> status.problem(Text.get("window.superseded", s.explanation())));
            kit.onSuperseded(s -> SwingUtilities.invokeLater(() ->
                    status.problem(Text.get("window.superseded", s.explanation()))));
        }, problem -> fatal(Text.get("window.fatal.master"), problem));
    }

    /** The client screen's link, and why joining with --master and --join-code failed (null: it did not). */
    private record ClientParts(Optional<PeerLink> link, String joinProblem) {
    }

    private void startClient() {
        setBody(centred(Text.get("window.openingClient")));
        background.call(() -> {
            Optional<PeerLink> opened = Optional.ofNullable(services.peer().apply(store));
            String joinProblem = null;
            // --master and --join-code join at once, as a headless client does; a failure leaves the join form to try again
            KitOptions options = options();
            if (opened.isPresent() && options.masterUrl() != null && options.joinCode() != null) {
                try {
                    opened.get().join(options.masterUrl(), options.joinCode(), options.name() != null ? options.name() : "Laptop");
                } catch (IOException | RuntimeException e) {
                    joinProblem = Text.get("window.joinFailed", options.masterUrl(), Problems.words(e));
                }
            }
            return new ClientParts(opened, joinProblem);
        }, parts -> {
            if (parts.joinProblem() != null) status.problem(parts.joinProblem());
            Optional<PeerLink> link = parts.link();
            peer = link.orElse(null);
            clientPanel = new ClientPanel(store, peer, background, status, this::startTeamInstead, this::takeOver);
            frame.setTitle(Text.get("window.title.client"));
            setBody(clientPanel);
            clientPanel.start();
        }, problem -> fatal(Text.get("window.fatal.client"), problem));
    }

    /** Before joining anyone, the coordinator starts a team on this laptop after all: it stops looking for masters, then asks the name. */
    private void startTeamInstead() {
        PeerLink link = peer;
        peer = null;
        if (clientPanel != null) clientPanel.stop();
        clientPanel = null;
        background.run(Text.get("start.role.failed"), () -> {
            if (link != null) link.close();
            return true;
        }, closed -> askTeamName());
    }

    /** The coordinator confirmed: this laptop stops following its master, takes over, and starts as the master. */
    private void takeOver() {
        PeerLink link = peer;
        peer = null;
        if (clientPanel != null) clientPanel.stop();
        setBody(centred(Text.get("window.takingOver")));
        background.call(() -> {
            if (link != null) link.close();
            return lifecycle.takeOver();
        }, promoted -> {
            startMaster();
            status.done(promoted.summary());
        }, problem -> {
            status.problem(Text.get("window.takeOverFailed", problem));
            startClient();
        });
    }

    private void setBody(JComponent body) {
        BorderLayout layout = (BorderLayout) frame.getContentPane().getLayout();
        if (layout.getLayoutComponent(BorderLayout.CENTER) != null) {
            frame.getContentPane().remove(layout.getLayoutComponent(BorderLayout.CENTER));
        }
        frame.getContentPane().add(body, BorderLayout.CENTER);
        frame.getContentPane().revalidate();
        frame.getContentPane().repaint();
    }

    /** Closing a master cuts phones and laptops off: with any connected, ask first and say what stops. */
    void requestClose() {
        if (closing) return;
        if (masterWindow == null) {
            shutDown();
            return;
        }
        background.call(masterWindow.console()::connectedDevices, connected -> {
            if (connected == 0 || confirmClose(connected)) shutDown();
        }, problem -> shutDown());
    }

    private boolean confirmClose(int connected) {
        String message = Text.plural("close.connected", connected) + "\n\n" + Text.get("close.consequences");
        Object[] buttons = {Text.get("close.close"), Text.get("close.keep")};
        int answer = JOptionPane.showOptionDialog(frame, message, Text.get("close.title"), JOptionPane.YES_NO_OPTION,
                JOptionPane.WARNING_MESSAGE, null, buttons, buttons[1]);
        return answer == 0;
    }

    private void fatal(String title, String problem) {
        JOptionPane.showMessageDialog(frame, problem + "\n\n" + Text.get("window.fatal.closing"), title, JOptionPane.ERROR_MESSAGE);
        shutDown();
    }

    /** Stops the screens, then (off the event thread) the work queue, the link, the hub and the store. */
    void shutDown() {
        if (closing) return;
        closing = true;
        if (masterWindow != null) masterWindow.stop();
        if (clientPanel != null) clientPanel.stop();
        frame.dispose();
        PeerLink link = peer;
        new Thread(() -> {
            background.close();
            if (link != null) link.close();
            lifecycle.close();
            onExit.run();
        }, "lankit-close").start();
    }

    private static JComponent centred(String text) {
        return Theme.scale(new JLabel(text, SwingConstants.CENTER), 1.3f, java.awt.Font.PLAIN);
    }
}
