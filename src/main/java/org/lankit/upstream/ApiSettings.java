package org.lankit.upstream;

import java.util.Optional;
import org.lankit.store.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API address and token as remembered in the store's settings. The keys are public so the
 * control panel's settings screen reads and writes the very values the uploader uses.
 */
public final class ApiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSettings.class);
    public static final String URL = "upstream.apiUrl";
    public static final String TOKEN = "upstream.apiToken";

    private ApiSettings() {
    }

    static Optional<ApiTarget> load(Settings settings) {
        try {
            return ApiTarget.of(settings.get(URL).orElse(null), settings.get(TOKEN).orElse(null));
        } catch (IllegalArgumentException e) {
            LOG.warn("the stored API settings are not usable ({}); uploads are off until they are set again", e.getMessage());
            return Optional.empty();
        }
    }

    static void save(Settings settings, ApiTarget target) {
        if (target == null) {
            settings.remove(URL);
            settings.remove(TOKEN);
            return;
        }
        settings.put(URL, target.url().toString());
        if (target.hasToken()) settings.put(TOKEN, target.token());
        else settings.remove(TOKEN);
    }
}
