package org.lankit.ui;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** "Export backup…" in one click: everything the kit holds, into one file the coordinator keeps safe. */
final class BackupPanel extends JPanel {

    BackupPanel(BackupExporter exporter, Background background, StatusBar status) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 4, 8, 4);
        add(Theme.scale(new JLabel("Backup"), 1.4f, Font.BOLD), c);
        add(new JLabel("A backup holds every entry, form and device of this team in one file."), c);
        add(new JLabel("Make one at the end of each day and keep it on a USB stick or another computer."), c);
        JButton export = Theme.scale(new JButton("Export backup…"), 1.2f, Font.BOLD);
        export.setName("exportBackup");
        export.setMnemonic(KeyEvent.VK_X);
        c.insets = new Insets(16, 4, 8, 4);
        add(export, c);
        if (exporter == null) {
            export.setEnabled(false);
            JLabel missing = new JLabel("This version of Lankit cannot make backups yet.");
            missing.setName("backupMissing");
            missing.setForeground(Theme.warning());
            add(missing, c);
        }
        c.weighty = 1;
        c.weightx = 1;
        add(new JPanel(), c);
        export.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setDialogTitle("Export backup");
            chooser.setSelectedFile(new File("lankit-backup-" + LocalDate.now() + ".zip"));
            if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
            Path file = chooser.getSelectedFile().toPath();
            export.setEnabled(false);
            status.info("Writing the backup…");
            background.call(() -> exporter.exportTo(file), summary -> {
                export.setEnabled(true);
                status.done("Backup saved to " + file + " (" + summary + ").");
            }, problem -> {
                export.setEnabled(true);
                status.problem("The backup was not saved: " + problem);
            });
        });
    }
}
