package org.lankit.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws benchmark figures as a grid of horizontal bar panels into a PNG, with Java2D only, so the
 * chart in benchmarks.md always comes from a run.
 */
final class BenchChart {

    /** One bar: its label and value. */
    record Bar(String label, double value) {
    }

    /** One panel: a title, the unit of its values and its bars. */
    record Panel(String title, String unit, List<Bar> bars) {
    }

    private static final int PANEL_W = 620;
    private static final int SLOT = 40;
    private static final int PANEL_TOP = 64;
    private static final int COLUMNS = 2;
    private static final int HEADER = 70;
    private static final Color[] COLORS = {new Color(0x2E6FBA), new Color(0xE07B28), new Color(0x3A9A5B), new Color(0x8E5BB5), new Color(0x4A5568)};

    private BenchChart() {
    }

    static void write(String heading, List<Panel> panels, Path png) throws IOException {
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        int[] rowTop = new int[rows + 1];
        rowTop[0] = HEADER;
        for (int row = 0; row < rows; row++) {
            int bars = 0;
            for (int i = row * COLUMNS; i < Math.min(panels.size(), (row + 1) * COLUMNS); i++) bars = Math.max(bars, panels.get(i).bars().size());
            rowTop[row + 1] = rowTop[row] + PANEL_TOP + bars * SLOT + 20;
        }
        BufferedImage image = new BufferedImage(PANEL_W * COLUMNS + 20, rowTop[rows] + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(0x222222));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            g.drawString("Lankit benchmarks", 20, 34);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            g.drawString(heading, 20, 58);
            for (int i = 0; i < panels.size(); i++) {
                int x = 10 + (i % COLUMNS) * PANEL_W;
                int row = i / COLUMNS;
                drawPanel(g, panels.get(i), x, rowTop[row], rowTop[row + 1] - rowTop[row] - 20, COLORS[i % COLORS.length]);
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static void drawPanel(Graphics2D g, Panel panel, int x, int y, int h, Color color) {
        int w = PANEL_W - 20;
        g.setColor(new Color(0xF5F6F8));
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(panel.title() + " (" + panel.unit() + ")", x + 14, y + 28);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        int labelW = panel.bars().stream().mapToInt(b -> fm.stringWidth(b.label())).max().orElse(0) + 12;
        double max = panel.bars().stream().mapToDouble(Bar::value).max().orElse(1);
        int plotX = x + 14 + labelW;
        int plotW = w - 14 - labelW - 90; // room for the value after the longest bar
        int top = y + 44;
        int slot = SLOT;
        int barH = slot - 10;
        g.setStroke(new BasicStroke(1));
        g.setColor(new Color(0xBBBBBB));
        g.drawLine(plotX, top - 4, plotX, top + slot * panel.bars().size());
        for (int i = 0; i < panel.bars().size(); i++) {
            Bar bar = panel.bars().get(i);
            int by = top + i * slot;
            int len = max <= 0 ? 0 : (int) Math.round(bar.value() / max * plotW);
            g.setColor(color);
            g.fillRect(plotX + 1, by, Math.max(1, len), barH);
            g.setColor(new Color(0x222222));
            int textY = by + barH / 2 + fm.getAscent() / 2 - 2;
            g.drawString(bar.label(), x + 14, textY);
            g.drawString(format(bar.value()), plotX + len + 8, textY);
        }
    }

    static String format(double v) {
        if (v >= 100) return String.format("%,.0f", v);
        if (v >= 10) return String.format("%.1f", v);
        return String.format("%.2f", v);
    }
}
