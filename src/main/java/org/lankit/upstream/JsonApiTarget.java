package org.lankit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;

/**
 * The generic JSON API of upstream.md: one POST per batch, {@code {"kit", "entries"}} with each
 * entry in protocol.md's entry form v1, the same Idempotency-Key and bytes on every try. The
 * photos the entries name go first, each as its own PUT ({@link ApiPhotos}), listed in the body's
 * {@code attachments}.
 */
final class JsonApiTarget implements UploadTarget {

    private final ApiTarget server;
    private final KitRef kit;
    private final TeamApi api;
    private final AttachmentFiles photos;

    JsonApiTarget(TargetSettings settings, KitRef kit, TeamApi api, AttachmentFiles photos) {
        this.server = settings.server();
        this.kit = kit;
        this.api = api;
        this.photos = photos;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.JSON;
    }

    @Override
    public String prepare(List<Outgoing> entries) {
        StringBuilder body = new StringBuilder("{\"kit\":").append(write(kit));
        Set<String> named = new LinkedHashSet<>();
        entries.forEach(e -> named.addAll(photos.namedBy(e.entry())));
        if (!named.isEmpty()) body.append(",\"").append(ApiPhotos.MEMBER).append("\":").append(write(named));
        body.append(",\"entries\":[");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) body.append(',');
            body.append(writeV1(entries.get(i)));
        }
        return body.append("]}").toString();
    }

    @Override
    public CompletableFuture<ApiAnswer> send(Batch batch) {
        return api.sendPhotos(server, batch.body(), photos)
                .thenCompose(refused -> refused != null ? CompletableFuture.completedFuture(refused) : api.send(server, batch));
    }

    @Override
    public ConnectionCheck check(Collection<String> formIds) {
        return ConnectionCheck.run(api, server, kit);
    }

    @Override
    public URI address() {
        return server.url();
    }

    @Override
    public String redact(String text) {
        return server.redact(text);
    }

    private static String writeV1(Outgoing outgoing) {
        try {
            return EntryForm.V1.writer().writeValueAsString(outgoing.entry());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
