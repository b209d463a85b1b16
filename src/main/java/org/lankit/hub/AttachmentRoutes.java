package org.lankit.hub;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lankit.store.Attachments;
import org.lankit.sync.AttachmentName;

/**
 * {@code /attachments/{name}}: a device sends a photo in chunks that resume after a cut (how far
 * it got, the next chunk), and laptops read a complete one. Parse, call {@link Attachments},
 * answer JSON; the store's refusals become errors in {@link ErrorMapper}.
 */
final class AttachmentRoutes {

    /** The 409 answer to a chunk at the wrong offset: the device goes on from {@code received}. */
    record OffsetMismatch(String error, String detail, long received) {
    }

    private final Attachments attachments;

    AttachmentRoutes(Attachments attachments) {
        this.attachments = attachments;
    }

    /** {@code GET /attachments/{name}/upload}: how much of this device's upload the master holds. */
    void progress(Context ctx) {
        ctx.json(attachments.progress(name(ctx), Access.device(ctx).deviceId()));
    }

    /** {@code PUT /attachments/{name}?offset=N&size=TOTAL}: the next chunk, acknowledged once it is on the disk. */
    void upload(Context ctx) throws IOException {
        String name = name(ctx);
        long offset = number(ctx, "offset");
        long size = number(ctx, "size");
        if (size < 1) throw ApiException.badRequest("size must be the photo's whole size in bytes, at least 1");
        try (InputStream chunk = ctx.bodyInputStream()) {
            ctx.json(attachments.append(name, Access.device(ctx).deviceId(), offset, size, chunk));
        }
    }

    /** {@code GET /attachments/{name}}: the bytes of a complete photo; they never change, so they may be kept. */
    void download(Context ctx) throws IOException {
        String name = name(ctx);
        Path file = attachments.file(name).orElseThrow(() -> ApiException.notFound("the master holds no complete photo " + name));
        ctx.header("Cache-Control", "private, max-age=31536000, immutable")
                .header("Content-Length", Long.toString(Files.size(file)))
                .contentType(AttachmentName.mediaType(name))
                .result(Files.newInputStream(file));
    }

    private static String name(Context ctx) {
        String name = ctx.pathParam("name");
        if (!AttachmentName.isValid(name)) {
            throw ApiException.badRequest("an attachment name is 32 lowercase hex digits and .jpg or .png");
        }
        return name;
    }

    private static long number(Context ctx, String param) {
        String raw = ctx.queryParam(param);
        if (raw == null || raw.isEmpty()) throw ApiException.badRequest(param + " is missing");
        try {
            long value = Long.parseLong(raw);
            if (value < 0) throw ApiException.badRequest(param + " must not be negative");
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param + " must be a whole number");
        }
    }
}
