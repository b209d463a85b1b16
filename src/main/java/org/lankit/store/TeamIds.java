package org.lankit.store;

import java.security.SecureRandom;
import java.util.Base64;

/** New team ids: 16 random bytes, 22 url-safe characters. */
final class TeamIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TeamIds() {
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
