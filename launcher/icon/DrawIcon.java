import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws Lankit's icon: three phones above a laptop on a teal tile, joined by short lines (the team
 * meeting on the coordinator's laptop). Run from source, no build needed:
 * {@code java launcher/icon/DrawIcon.java lankit.png} (256 px, Linux), {@code lankit.ico}
 * (16 to 256 px, Windows) or {@code lankit.icns} (128 to 1024 px, macOS): the file's ending picks
 * the format.
 */
public final class DrawIcon {

    private static final Color TOP = new Color(0x14B8A6);
    private static final Color BOTTOM = new Color(0x0F766E);

    private DrawIcon() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java DrawIcon.java OUT.png|OUT.ico|OUT.icns");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String name = out.getFileName().toString();
        byte[] bytes;
        if (name.endsWith(".png")) {
            bytes = png(256);
        } else if (name.endsWith(".ico")) {
            bytes = ico(16, 24, 32, 48, 64, 128, 256);
        } else if (name.endsWith(".icns")) {
            bytes = icns();
        } else {
            System.err.println("DrawIcon: the file must end in .png, .ico or .icns: " + name);
            System.exit(2);
            return;
        }
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.write(out, bytes);
    }

    /** The drawing, in a 100 × 100 space scaled to {@code size}. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 100.0, size / 100.0);
        g.setPaint(new GradientPaint(0, 0, TOP, 0, 100, BOTTOM));
        g.fill(new RoundRectangle2D.Double(2, 2, 96, 96, 22, 22));

        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // the lines from each phone to the laptop, drawn first so the shapes cover their ends
        g.draw(new Line2D.Double(22, 36, 40, 56));
        g.draw(new Line2D.Double(50, 32, 50, 56));
        g.draw(new Line2D.Double(78, 36, 60, 56));

        for (double x : new double[] {14, 42, 70}) {
            double y = x == 42 ? 12 : 16;
            g.fill(new RoundRectangle2D.Double(x, y, 16, 26, 5, 5));
            g.setColor(BOTTOM);
            g.fill(new RoundRectangle2D.Double(x + 2.5, y + 3.5, 11, 17, 2, 2));
            g.setColor(Color.WHITE);
        }

        // the laptop: a screen and its base
        g.fill(new RoundRectangle2D.Double(28, 52, 44, 28, 5, 5));
        g.setColor(BOTTOM);
        g.fill(new RoundRectangle2D.Double(32, 56, 36, 20, 2, 2));
        g.setColor(Color.WHITE);
        Path2D base = new Path2D.Double();
        base.moveTo(22, 82);
        base.lineTo(78, 82);
        base.lineTo(84, 88);
        base.lineTo(16, 88);
        base.closePath();
        g.fill(base);
        g.dispose();
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** A Windows icon: a directory of PNG images, one per size (PNG inside .ico since Windows Vista). */
    static byte[] ico(int... sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) images.add(png(size));
        int offset = 6 + 16 * sizes.length;
        int total = offset + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int side = sizes[i] >= 256 ? 0 : sizes[i]; // 0 means 256
            buf.put((byte) side).put((byte) side).put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(buf::put);
        return buf.array();
    }

    /** A macOS icon: PNG images under the types for 128, 256, 512 and 1024 px. */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) images.add(png(size));
        int total = 8 + images.stream().mapToInt(b -> 8 + b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        buf.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        for (int i = 0; i < types.length; i++) {
            buf.put(types[i].getBytes(StandardCharsets.US_ASCII)).putInt(8 + images.get(i).length).put(images.get(i));
        }
        return buf.array();
    }
}
