package org.lankit.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import org.lankit.pairing.QrCode;

/**
 * A QR code drawn as large as its space allows, in whole pixels per module (sharp edges scan
 * best), always on white with its quiet zone, also in the dark theme.
 */
final class QrView extends JComponent {

    /** Below this many pixels per module the code gets hard to scan from a metre away. */
    private static final int MIN_MODULE_PX = 8;
    private BufferedImage modules;
    private String text;

    QrView() {
        setName("qr");
        setOpaque(false);
    }

    void show(String newText) {
        show(newText, Text.get("qr.join", newText));
    }

    /** {@code description}: what a screen reader says the code holds. */
    void show(String newText, String description) {
        if (newText.equals(text)) return;
        text = newText;
        modules = QrCode.image(newText, 1);
        getAccessibleContext().setAccessibleName(description);
        revalidate();
        repaint();
    }

    String text() {
        return text;
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.ICON;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public Dimension getPreferredSize() {
        int side = modules == null ? 300 : modules.getWidth() * 12;
        return new Dimension(side, side);
    }

    @Override
    public Dimension getMinimumSize() {
        int side = modules == null ? 200 : modules.getWidth() * MIN_MODULE_PX;
        return new Dimension(side, side);
    }

    @Override
    protected void paintComponent(Graphics g) {
        if (modules == null) return;
        int n = modules.getWidth();
        int scale = Math.max(1, Math.min(getWidth(), getHeight()) / n);
        int side = n * scale;
        int x = (getWidth() - side) / 2;
        int y = (getHeight() - side) / 2;
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.setColor(Color.WHITE);
        g2.fillRect(x, y, side, side);
        g2.drawImage(modules, x, y, side, side, null);
        g2.dispose();
    }
}
