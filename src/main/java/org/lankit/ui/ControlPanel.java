package org.lankit.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import org.lankit.app.KitOptions;
import org.lankit.app.MasterKit;
import org.lankit.hub.HubConfig;
import org.lankit.pairing.QrCode;
import org.lankit.store.KitStore;

/** The control panel window: starts the master off the event thread and shows its QR code. */
public final class ControlPanel {

    private final KitOptions options;
    private final JFrame frame = new JFrame("Lankit");
    private final JLabel qr = new JLabel("Starting…", SwingConstants.CENTER);
    private final JLabel url = new JLabel(" ", SwingConstants.CENTER);
    private KitStore store;
    private MasterKit kit;

    private ControlPanel(KitOptions options) {
        this.options = options;
    }

    public static void open(KitOptions options) {
        SwingUtilities.invokeLater(() -> {
            installLookAndFeel();
            new ControlPanel(options).show();
        });
    }

    static void installLookAndFeel() {
        if (Boolean.getBoolean("lankit.dark")) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    private void show() {
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                shutDown();
            }
        });
        JLabel title = new JLabel("Scan with a phone to join", SwingConstants.CENTER);
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.6f));
        url.setFont(url.getFont().deriveFont(url.getFont().getSize2D() * 1.3f));
        frame.getRootPane().setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        frame.add(title, BorderLayout.NORTH);
        frame.add(qr, BorderLayout.CENTER);
        frame.add(url, BorderLayout.SOUTH);
        frame.setSize(640, 640);
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
        new SwingWorker<MasterKit, Void>() {
            @Override
            protected MasterKit doInBackground() {
                store = KitStore.open(options.dataDir());
                return MasterKit.start(store, options, HubConfig.defaults());
            }

            @Override
            protected void done() {
                try {
                    kit = get();
                    qr.setText(null);
                    qr.setIcon(new ImageIcon(QrCode.image(kit.joinUrl(), 420)));
                    url.setText(kit.joinUrl());
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    JOptionPane.showMessageDialog(frame, cause.getMessage(), "Lankit cannot start", JOptionPane.ERROR_MESSAGE);
                    shutDown();
                }
            }
        }.execute();
    }

    private void shutDown() {
        frame.dispose();
        new Thread(() -> {
            if (kit != null) kit.close();
            if (store != null) store.close();
            System.exit(0);
        }, "lankit-close").start();
    }
}
