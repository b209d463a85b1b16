package org.lankit.ui;

import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;

/** "Export backup" in one click into a folder (Documents unless changed), and "Restore backup…". */
final class BackupPanel extends JPanel {

    private final BackupExporter exporter;
    private final Background background;
    private final StatusBar status;
    private final JTextField folder = new JTextField(defaultFolder().toString(), 36);
    private final JButton export = Theme.scale(new JButton("Export backup"), 1.2f, Font.BOLD);
    private final JButton restore = new JButton("Restore backup…");

    BackupPanel(BackupExporter exporter, Background background, StatusBar status) {
        super(new GridBagLayout());
        this.exporter = exporter;
        this.background = background;
        this.status = status;
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 4, 8, 4);
        add(Theme.scale(new JLabel("Backup"), 1.4f, Font.BOLD), c);
        add(new JLabel("A backup holds every entry, form and device of this team in one file."), c);
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
        c.weighty = 1;
        c.weightx = 1;
        add(new JPanel(), c);
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
        chooser.setFileFilter(new FileNameExtensionFilter("Lankit backups (.zip)", "zip"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path file = chooser.getSelectedFile().toPath();
        Object[] buttons = {"Restore", "Cancel"};
        int answer = JOptionPane.showOptionDialog(this, "Add what " + file.getFileName() + " holds to this team?\n\n"
                        + "Nothing here is deleted; answers that differ are merged, or shown under Conflicts.",
                "Restore backup?", JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE, null, buttons, buttons[1]);
        if (answer != 0) return;
        buttonsOn(false);
        status.info("Restoring " + file.getFileName() + "…");
        background.call(() -> exporter.restoreFrom(file), done -> {
            buttonsOn(true);
            status.done(done);
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
