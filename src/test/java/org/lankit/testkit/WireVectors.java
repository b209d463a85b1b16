package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.lankit.sync.Json;

/** The shared entry-form vectors (src/test/resources/vectors/entry-wire.json) the master and the phone both pass. */
public final class WireVectors {

    private WireVectors() {
    }

    public static String text() {
        try (InputStream in = WireVectors.class.getResourceAsStream("/vectors/entry-wire.json")) {
            if (in == null) throw new IllegalStateException("vectors/entry-wire.json is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode all() {
        try {
            return Json.MAPPER.readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
