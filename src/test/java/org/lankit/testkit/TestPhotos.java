package org.lankit.testkit;

import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Pictures for the phone's image questions, made in the test. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /**
     * A PNG of {@code width} x {@code height} with fine noise over colour bands: like a photo, it
     * stays large as a JPEG (several 256 KiB chunks at 1600 px), so an upload can be cut midway.
     */
    public static FilePayload png(String fileName, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(17);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int band = x * 128 / width;
                image.setRGB(x, y, (band + random.nextInt(128)) << 16 | random.nextInt(256) << 8 | random.nextInt(256));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FilePayload(fileName, "image/png", bytes.toByteArray());
    }
}
