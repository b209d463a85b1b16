package org.lankit.ui;

import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.lankit.app.KitChoices;

/**
 * "Export backup" in one click into a folder (Documents unless changed), "Restore backup…", and
 * the team's retention: after how many days settled entries leave this laptop, phones and client
 * laptops.
 */
final class BackupPanel extends JPanel {

    private final BackupExporter exporter;
    private final Background background;
    private final StatusBar status;
    private final JTextField folder = new JTextField(defaultFolder().toString(), 36);
    private final JButton export = Theme.scale(new JButton(Text.get("backup.export")), 1.2f, Font.BOLD);
    private final JButton restore = new JButton(Text.get("backup.restore"));
    private final KitChoices choices;
    private final JTextField retention = new JTextField(5);

    BackupPanel(BackupExporter exporter, KitChoices choices, Background background, StatusBar status) {
        super(new GridBagLayout());
        this.exporter = exporter;
        this.choices = choices;
        this.background = background;
        this.status = status;
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 4, 8, 4);
        add(Theme.scale(new JLabel(Text.get("backup.title")), 1.4f, Font.BOLD), c);
        add(new JLabel(Text.get("backup.what")), c);
        add(new JLabel(Text.get("backup.when")), c);
        folder.setName("backupFolder");
        JLabel into = new JLabel(Text.get("backup.folder"));
        into.setDisplayedMnemonic(KeyEvent.VK_F);
        into.setLabelFor(folder);
        JButton choose = new JButton(Text.get("backup.chooseFolder"));
        choose.setName("chooseBackupFolder");
        choose.addActionListener(e -> chooseFolder());
        add(line(into, folder, choose), c);
        export.setName("exportBackup");
        export.setMnemonic(KeyEvent.VK_X);
        export.addActionListener(e -> export());
        restore.setName("restoreBackup");
        restore.setMnemonic(KeyEvent.VK_R);
        restore.addActionListener(e -> restore());
        c.insets = new Insets(16, 4, 8, 4);
        add(line(export, restore), c);
        if (exporter == null) {
            export.setEnabled(false);
            restore.setEnabled(false);
            JLabel missing = new JLabel(Text.get("backup.missing"));
            missing.setName("backupMissing");
            missing.setForeground(Theme.warning());
            add(missing, c);
        }
        JLabel hint = new JLabel(Text.get("backup.restoreHint"));
        hint.setForeground(Theme.muted());
        add(hint, c);
        if (exporter != null) {
            c.insets = new Insets(24, 4, 8, 4);
            add(new SecondPlacePanel(exporter, background, status), c);
        }
        addRetention(c);
        c.weighty = 1;
        c.weightx = 1;
        add(new JPanel(), c);
    }

    private void addRetention(GridBagConstraints c) {
        c.insets = new Insets(24, 4, 8, 4);
        add(Theme.scale(new JLabel(Text.get("backup.retention.title")), 1.2f, Font.BOLD), c);
        c.insets = new Insets(4, 4, 4, 4);
        retention.setName("retentionDays");
        JLabel after = new JLabel(Text.get("backup.retention.days"));
        after.setDisplayedMnemonic(KeyEvent.VK_M);
        after.setLabelFor(retention);
        JButton save = new JButton(Text.get("backup.retention.save"));
        save.setName("saveRetention");
        save.setMnemonic(KeyEvent.VK_N);
        save.addActionListener(e -> saveRetention());
        add(line(after, retention, save), c);
        for (String words : new String[] {
            Text.get("backup.retention.hint1"), Text.get("backup.retention.hint2"), Text.get("backup.retention.hint3"),
        }) {
            JLabel line = new JLabel(words);
            line.setForeground(Theme.muted());
            add(line, c);
        }
        background.run(Text.get("backup.retention.cannotRead"), () -> choices.retentionDays().map(String::valueOf).orElse(""),
                retention::setText);
    }

    private void saveRetention() {
        String text = retention.getText().strip();
        background.run(Text.get("backup.retention.notSaved"), () -> {
            Integer days = text.isEmpty() ? null : wholeNumber(text);
            if (days != null && (days < 1 || days > 36_500)) {
                throw new IllegalArgumentException(Text.get("backup.retention.badDays"));
            }
            choices.retentionDays(days);
            return Optional.ofNullable(days);
        }, days -> status.done(days.isEmpty() ? Text.get("backup.retention.off")
                : Text.plural("backup.retention.saved", days.get())));
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void chooseFolder() {
        JFileChooser chooser = new JFileChooser(folder.getText());
        chooser.setDialogTitle(Text.get("backup.chooseFolder.title"));
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showDialog(this, Text.get("backup.chooseFolder.use")) == JFileChooser.APPROVE_OPTION) {
            folder.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    private void export() {
        Path into = Path.of(folder.getText().strip());
        buttonsOn(false);
        status.info(Text.get("backup.writing", into));
        background.call(() -> exporter.exportInto(into), saved -> {
            buttonsOn(true);
            status.done(Text.get("backup.saved", saved.file(), saved.summary()));
        }, problem -> {
            buttonsOn(true);
            status.problem(Text.get("backup.notSaved", problem));
        });
    }

    private void restore() {
        JFileChooser chooser = new JFileChooser(folder.getText());
        chooser.setDialogTitle(Text.get("backup.restore.title"));
        chooser.setFileFilter(new FileNameExtensionFilter(Text.get("backup.restore.files"), "lankit", "zip"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        Object[] buttons = {Text.get("backup.restore.yes"), Text.get("backup.restore.cancel")};
        int answer = JOptionPane.showOptionDialog(this, Text.get("backup.restore.ask", file.getFileName()),
                Text.get("backup.restore.askTitle"), JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE, null, buttons, buttons[1]);
        if (answer != 0) return;
        restore(file, Optional.empty());
    }

    /** What a restore came to: done, or the file needs a recovery key (another than the one given). */
    private record Restore(String done, String locked) {
    }

    /** Restores {@code file}; when this team's key does not open it, asks for the recovery key and tries again. */
    private void restore(Path file, Optional<String> recoveryKey) {
        buttonsOn(false);
        status.info(Text.get("backup.restoring", file.getFileName()));
        background.call(() -> {
            try {
                return new Restore(exporter.restoreFrom(file, recoveryKey), null);
            } catch (BackupExporter.NeedsRecoveryKey e) {
                return new Restore(null, e.getMessage());
            }
        }, outcome -> {
            buttonsOn(true);
            if (outcome.done() != null) {
                status.done(outcome.done());
                return;
            }
            if (recoveryKey.isPresent()) status.problem(Text.get("backup.notRestored", outcome.locked()));
            else status.info(outcome.locked());
            RecoveryKeyPrompt.ask(this, file, recoveryKey.isPresent()).ifPresent(key -> restore(file, Optional.of(key)));
        }, problem -> {
            buttonsOn(true);
            status.problem(Text.get("backup.notRestored", problem));
        });
    }

    private void buttonsOn(boolean on) {
        export.setEnabled(on);
        restore.setEnabled(on);
    }

    private static JPanel line(JComponent... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        for (JComponent part : parts) p.add(part);
        return p;
    }

    /** Documents when the user has that folder, else the home folder. */
    private static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }
}
