package org.lankit.sync;

/**
 * The name of a photo stored beside an entry: 32 lowercase hex digits the phone drew at random,
 * then {@code .jpg} or {@code .png}. An image answer holds this name; the master, backups and the
 * team's servers keep the bytes under it, so a name is also a safe file name everywhere.
 */
public final class AttachmentName {

    private static final int RANDOM_DIGITS = 32;

    private AttachmentName() {
    }

    public static boolean isValid(String name) {
        if (name == null || name.length() != RANDOM_DIGITS + 4) return false;
        for (int i = 0; i < RANDOM_DIGITS; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        String ending = name.substring(RANDOM_DIGITS);
        return ending.equals(".jpg") || ending.equals(".png");
    }

    /** The media type the bytes are sent with. */
    public static String mediaType(String name) {
        return name.endsWith(".png") ? "image/png" : "image/jpeg";
    }
}
