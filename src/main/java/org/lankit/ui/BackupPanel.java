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
    private final JButton export = Theme.scale(new JButton("Export backup"), 1.2f, Font.BOLD);
    private final JButton restore = new JButton("Restore backup…");
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
        add(Theme.scale(new JLabel("Backup"), 1.4f, Font.BOLD), c);
        add(new JLabel("A backup holds every entry, form and device of this team in one file, encrypted with the team's recovery key."), c);
        add(new JLabel("Make one at the end of each day and keep it on a USB stick or another computer."), c);
        folder.setName("backupFolder");
        JLabel into = new JLabel("Save backups in:");
        into.setDisplayedMnemonic(KeyEvent.VK_F);
        into.setLabelFor(folder);
        JButton choose = new JButton("Choose folder…");
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
            JLabel missing = new JLabel("This version of Lankit cannot make backups yet.");
            missing.setName("backupMissing");
            missing.setForeground(Theme.warning());
            add(missing, c);
        }
        JLabel hint = new JLabel("Restoring adds what the backup holds to this team; nothing here is deleted.");
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
        add(Theme.scale(new JLabel("Retention"), 1.2f, Font.BOLD), c);
        c.insets = new Insets(4, 4, 4, 4);
        retention.setName("retentionDays");
        JLabel after = new JLabel("Remove old entries after (days):");
        after.setDisplayedMnemonic(KeyEvent.VK_M);
        after.setLabelFor(retention);
        JButton save = new JButton("Save retention");
        save.setName("saveRetention");
        save.setMnemonic(KeyEvent.VK_N);
        save.addActionListener(e -> saveRetention());
        add(line(after, retention, save), c);
        for (String words : new String[] {
            "Empty keeps everything. Applies to phones and client laptops too: they remove the entries this master holds",
            "that nobody changed for that many days. This laptop removes them once the team's API has them.",
            "Entries waiting to be sent, refused or in conflict are never removed, and backups are never touched.",
        }) {
            JLabel line = new JLabel(words);
            line.setForeground(Theme.muted());
            add(line, c);
        }
        background.run("Could not read the retention", () -> choices.retentionDays().map(String::valueOf).orElse(""),
                retention::setText);
    }

    private void saveRetention() {
        String text = retention.getText().strip();
        background.run("Not saved", () -> {
            Integer days = text.isEmpty() ? null : wholeNumber(text);
            if (days != null && (days < 1 || days > 36_500)) {
                throw new IllegalArgumentException("the days must be a whole number from 1 to 36500, or empty to keep everything");
            }
            choices.retentionDays(days);
            return Optional.ofNullable(days);
        }, days -> status.done(days.isEmpty() ? "Retention is off: entries are kept on this laptop, phones and client laptops."
                : "Saved. Phones and client laptops remove entries unchanged for " + Words.plural(days.get(), "day", "days")
                + " at once; this laptop from its next start."));
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
        chooser.setDialogTitle("Save backups in");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showDialog(this, "Use this folder") == JFileChooser.APPROVE_OPTION) {
            folder.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    private void export() {
        Path into = Path.of(folder.getText().strip());
        buttonsOn(false);
        status.info("Writing the backup into " + into + "…");
        background.call(() -> exporter.exportInto(into), saved -> {
            buttonsOn(true);
            status.done("Backup saved to " + saved.file() + " (" + saved.summary() + ").");
        }, problem -> {
            buttonsOn(true);
            status.problem("The backup was not saved: " + problem);
        });
    }

    private void restore() {
        JFileChooser chooser = new JFileChooser(folder.getText());
        chooser.setDialogTitle("Restore backup");
        chooser.setFileFilter(new FileNameExtensionFilter("Lankit backups (.lankit, older ones .zip)", "lankit", "zip"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        Object[] buttons = {"Restore", "Cancel"};
        int answer = JOptionPane.showOptionDialog(this, "Add what " + file.getFileName() + " holds to this team?\n\n"
                        + "Nothing here is deleted; answers that differ are merged, or shown under Conflicts.",
                "Restore backup?", JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE, null, buttons, buttons[1]);
        if (answer != 0) return;
        restore(file, Optional.empty());
    }

    /** What a restore came to: done, or the file needs a recovery key (another than the one given). */
    private record Restore(String done, String locked) {
    }

    /** Restores {@code file}; when this team's key does not open it, asks for the recovery key and tries again. */
    private void restore(Path file, Optional<String> recoveryKey) {
        buttonsOn(false);
        status.info("Restoring " + file.getFileName() + "…");
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
            if (recoveryKey.isPresent()) status.problem("Nothing was restored: " + outcome.locked());
            else status.info(outcome.locked());
            RecoveryKeyPrompt.ask(this, file, recoveryKey.isPresent()).ifPresent(key -> restore(file, Optional.of(key)));
        }, problem -> {
            buttonsOn(true);
            status.problem("Nothing was restored: " + problem);
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
