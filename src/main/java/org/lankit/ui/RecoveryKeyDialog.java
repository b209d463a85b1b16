package org.lankit.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;
import org.lankit.backup.RecoveryKey;

/**
 * The team's recovery key, the one time it is shown: in groups, large, as a QR code, with a
 * printable page. The master keeps only a key derived from it, so this is the coordinator's one
 * chance to write it down.
 */
final class RecoveryKeyDialog extends JDialog {

    RecoveryKeyDialog(Window owner, String team, RecoveryKey key) {
        super(owner, Text.get("recovery.title"), ModalityType.APPLICATION_MODAL);
        setName("recoveryKeyDialog");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        JPanel body = new JPanel(new GridBagLayout());
        body.setBorder(BorderFactory.createEmptyBorder(16, 20, 8, 20));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(4, 4, 4, 4);
        body.add(Theme.scale(new JLabel(Text.get("recovery.writeDown", team)), 1.3f, Font.BOLD), c);
        for (String words : RecoveryKeyPage.why()) body.add(new JLabel(words), c);
        JLabel text = new JLabel(key.text());
        text.setName("recoveryKeyText");
        text.setFont(new Font(Font.MONOSPACED, Font.BOLD, 28));
        c.insets = new Insets(16, 4, 16, 4);
        c.anchor = GridBagConstraints.CENTER;
        body.add(text, c);
        QrView qr = new QrView();
        qr.setName("recoveryKeyQr");
        qr.show(key.text(), Text.get("recovery.qr"));
        body.add(qr, c);
        JButton print = new JButton(Text.get("recovery.print"));
        print.setName("printRecoveryKey");
        print.addActionListener(e -> print(team, key));
        JButton done = new JButton(Text.get("recovery.done"));
        done.setName("recoveryKeyDone");
        done.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 8));
        buttons.add(print);
        buttons.add(done);
        getContentPane().add(body, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(done);
        pack();
        setLocationRelativeTo(owner);
    }

    private void print(String team, RecoveryKey key) {
        PrinterJob job = PrinterJob.getPrinterJob();
        job.setJobName(Text.get("recovery.printJob"));
        job.setPrintable(new RecoveryKeyPage(team, key));
        if (!job.printDialog()) return;
        try {
            job.print();
        } catch (PrinterException e) {
            javax.swing.JOptionPane.showMessageDialog(this, Text.get("recovery.notPrinted", e.getMessage()),
                    Text.get("recovery.notPrinted.title"), javax.swing.JOptionPane.WARNING_MESSAGE);
        }
    }
}
