package org.lankit.hub;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.EntryForm;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PullResponse;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.sync.Protocol.PushResponse;
import org.lankit.sync.Protocol.PushResult;
import org.lankit.sync.PushStatus;

/** {@code /sync/push} and {@code /sync/pull}: parse, call the plain classes, answer JSON. */
final class SyncRoutes {

    /** The 422 answer when every entry of a batch was refused: the per-entry reasons come along. */
    record RejectedBatch(String error, String detail, List<PushResult> results, long time) {
    }

    private final KitStore store;
    private final PushService push;
    private final MasterIdentity master;
    private final HubConfig config;
    private final TeamEdits teamEdits;

    SyncRoutes(KitStore store, PushService push, MasterIdentity master, HubConfig config, TeamEdits teamEdits) {
        this.store = store;
        this.push = push;
        this.master = master;
        this.config = config;
        this.teamEdits = teamEdits;
    }

    void push(Context ctx) throws IOException {
        PushRequest request = JsonBody.read(ctx, PushRequest.class, config.maxBodyBytes());
        if (request == null || request.entries() == null) throw ApiException.badRequest("entries must be a list");
        if (request.entries().size() > config.maxBatch()) {
            throw ApiException.tooLarge("at most " + config.maxBatch() + " entries per push");
        }
        Device device = Access.device(ctx);
        List<PushResult> results = push.push(device.deviceId(), request.entries(), teamEdits.ownEntriesOnly(device));
        long now = master.clock().physicalNow();
        boolean allRejected = !results.isEmpty() && results.stream().allMatch(r -> r.status() == PushStatus.REJECTED);
        // written straight to bytes: an answer of 500 results is not made a String first
        Object answer = allRejected ? new RejectedBatch("rejected", results.get(0).reason(), results, now) : new PushResponse(results, now);
        ctx.status(allRejected ? 422 : 200).contentType(ContentType.APPLICATION_JSON).result(Json.MAPPER.writeValueAsBytes(answer));
    }

    void pull(Context ctx) throws IOException {
        long since = longParam(ctx, "since", 0);
        int limit = (int) Math.max(1, Math.min(config.maxPullLimit(), longParam(ctx, "limit", config.maxPullLimit())));
        List<Entry> page = store.changesAfter(since, limit + 1);
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        long lastSeq = page.isEmpty() ? since : page.get(page.size() - 1).seq();
        EntryForm form = entryForm(ctx);
        ctx.contentType(ContentType.APPLICATION_JSON)
                .result(form.writer().writeValueAsBytes(new PullResponse(page, lastSeq, more, master.clock().physicalNow())));
    }

    /** {@code format=2}: the compact entry form; without it, v1, which every older device reads. */
    private static EntryForm entryForm(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.isEmpty() || format.equals("1")) return EntryForm.V1;
        if (format.equals("2")) return EntryForm.V2;
        throw ApiException.badRequest("format must be 1 or 2");
    }

    private static long longParam(Context ctx, String name, long fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return fallback;
        try {
            long value = Long.parseLong(raw);
            if (value < 0) throw ApiException.badRequest(name + " must not be negative");
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number");
        }
    }
}
