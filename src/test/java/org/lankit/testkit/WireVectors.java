package org.lankit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.lankit.sync.Json;

/**
 * The shared vectors under src/test/resources/vectors/ that the Java side and the phone both pass:
 * the entry forms ({@code entry-wire.json}, the default) and the receipt marks ({@code receipts.json}).
 */
public final class WireVectors {

    public static final String ENTRY_WIRE = "entry-wire.json";
    public static final String RECEIPTS = "receipts.json";

    private WireVectors() {
    }

    public static String text() {
        return text(ENTRY_WIRE);
    }

    public static JsonNode all() {
        return all(ENTRY_WIRE);
    }

    public static String text(String file) {
        try (InputStream in = WireVectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) throw new IllegalStateException("vectors/" + file + " is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode all(String file) {
        try {
            return Json.MAPPER.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
