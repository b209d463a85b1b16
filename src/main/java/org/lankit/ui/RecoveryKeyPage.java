package org.lankit.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.print.PageFormat;
import java.awt.print.Printable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.lankit.backup.RecoveryKey;
import org.lankit.pairing.QrCode;

/** The printed page of a recovery key: what it is for, the key large, its QR code, the date. */
final class RecoveryKeyPage implements Printable {

    /** Why the key matters, in the dialog and on the page. */
    static List<String> why() {
        return List.of(Text.get("recovery.why1"), Text.get("recovery.why2"), Text.get("recovery.why3"));
    }

    private final String team;
    private final RecoveryKey key;

    RecoveryKeyPage(String team, RecoveryKey key) {
        this.team = team;
        this.key = key;
    }

    @Override
    public int print(Graphics graphics, PageFormat page, int index) {
        if (index > 0) return NO_SUCH_PAGE;
        Graphics2D g = (Graphics2D) graphics;
        g.translate(page.getImageableX(), page.getImageableY());
        g.setColor(Color.BLACK);
        int y = 30;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(Text.get("recovery.page.title", team), 0, y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        y += 18;
        g.drawString(Text.get("recovery.page.made",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Text.locale()).format(LocalDate.now())), 0, y);
        for (String line : why()) {
            y += 16;
            g.drawString(line, 0, y);
        }
        y += 50;
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 22));
        g.drawString(key.text(), 0, y);
        BufferedImage qr = QrCode.image(key.text(), 1);
        int side = qr.getWidth() * 5;
        y += 30;
        g.drawImage(qr, 0, y, side, side, null);
        y += side + 30;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawString(Text.get("recovery.page.restore"), 0, y);
        return PAGE_EXISTS;
    }
}
