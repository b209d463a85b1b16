package org.lankit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.lankit.sync.Entry;
import org.lankit.sync.Form;
import org.lankit.sync.Json;

/** Turns stored records into values and back. */
final class RecordCodec {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private RecordCodec() {
    }

    static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored record is unreadable", e);
        }
    }

    static <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored record is unreadable", e);
        }
    }

    /** The entry {@code r} holds, opened by {@link SealedRecords}, with what this device keeps beside it. */
    static StoredEntry entry(EntryRecord r, Entry entry) {
        Set<String> pending = r.pendingFields == null ? Set.of() : Set.copyOf(readStrings(r.pendingFields));
        return new StoredEntry(entry, r.changedAt, r.upstreamError, pending);
    }

    static Form form(FormRecord r) {
        return read(r.json, Form.class);
    }

    static Device device(DeviceRecord r) {
        return new Device(r.deviceId, r.name, r.kind, r.approved, r.revoked, r.pairedAt, r.lastSeen, r.lastSecure);
    }

    private static List<String> readStrings(String json) {
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
