package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lankit.store.KitStore;
import org.lankit.store.Secrets;
import org.lankit.sync.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team servers as remembered in the store's sealed secrets (an address may carry a key too):
 * the list without tokens and passwords under {@link #TARGETS}, each one's token and password
 * under {@code upstream.secret.<id>}. A data folder of an older Lankit has one JSON API under
 * {@link #URL} and {@link #TOKEN}; it is read as target {@code main} until the list is saved. Older
 * folders kept all of these in the settings; the store moves them at open.
 */
public final class ApiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSettings.class);
    static final String TARGETS = "upstream.targets";
    /** The one JSON API of older Lankit versions. */
    public static final String URL = "upstream.apiUrl";
    public static final String TOKEN = "upstream.apiToken";

    private record Stored(String id, String kind, String url, String user, Map<String, String> forms) {
    }

    private record Secret(String token, String password) {
    }

    private ApiSettings() {
    }

    /** The servers to upload to, in the order they were set up; those that are unusable are left out (and logged). */
    public static List<TargetSettings> load(KitStore store) {
        Optional<String> list = store.secrets().get(TARGETS);
        if (list.isEmpty()) return legacy(store.secrets());
        List<TargetSettings> targets = new ArrayList<>();
        for (Stored s : read(list.get(), new TypeReference<List<Stored>>() { })) {
            Secret secret = store.secrets().get(secretKey(s.id())).map(j -> read(j, new TypeReference<Secret>() { })).orElse(new Secret("", ""));
            try {
                TargetKind kind = TargetKind.ofWireName(s.kind()).orElseThrow(() -> new IllegalArgumentException("unknown kind " + s.kind()));
                ApiTarget server = ApiTarget.of(s.url(), secret.token(), s.user(), secret.password())
                        .orElseThrow(() -> new IllegalArgumentException("no address"));
                targets.add(new TargetSettings(s.id(), kind, server, s.forms()));
            } catch (IllegalArgumentException e) {
                LOG.warn("the stored settings of upload target {} are not usable ({}); it is off until set again", s.id(), e.getMessage());
            }
        }
        return targets;
    }

    /** Remembers exactly these servers (an empty list turns uploads off). */
    public static void save(KitStore store, List<TargetSettings> targets) {
        Secrets secrets = store.secrets();
        for (TargetSettings old : load(store)) secrets.remove(secretKey(old.id()));
        List<Stored> stored = new ArrayList<>();
        for (TargetSettings t : targets) {
            ApiTarget s = t.server();
            stored.add(new Stored(t.id(), t.kind().wireName(), s.url().toString(), s.user(), t.forms()));
            if (s.hasToken() || !s.password().isEmpty()) secrets.put(secretKey(t.id()), write(new Secret(s.token(), s.password())));
        }
        secrets.put(TARGETS, write(stored));
        secrets.remove(URL);
        secrets.remove(TOKEN);
    }

    private static List<TargetSettings> legacy(Secrets secrets) {
        try {
            return ApiTarget.of(secrets.get(URL).orElse(null), secrets.get(TOKEN).orElse(null))
                    .map(api -> List.of(new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, api, Map.of())))
                    .orElse(List.of());
        } catch (IllegalArgumentException e) {
            LOG.warn("the stored API settings are not usable ({}); uploads are off until they are set again", e.getMessage());
            return List.of();
        }
    }

    private static String secretKey(String id) {
        return "upstream.secret." + id;
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored upload settings are unreadable", e);
        }
    }
}
