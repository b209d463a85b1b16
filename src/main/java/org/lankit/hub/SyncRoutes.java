package org.lankit.hub;

import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.StoredChange;
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

    /** A pull's answer in the stored form ({@code format=2}): each entry's stored JSON, copied as it is. */
    record StoredPullResponse(List<RawValue> entries, long lastSeq, boolean more, long time) {
    }

    private final KitStore store;
    private final PushService push;
    private final MasterIdentity master;
    private final HubConfig config;
    private final TeamEdits teamEdits;
    private final CatchUpWalks walks;

    SyncRoutes(KitStore store, PushService push, MasterIdentity master, HubConfig config, TeamEdits teamEdits,
               CatchUpWalks walks) {
        this.store = store;
        this.push = push;
        this.master = master;
        this.config = config;
        this.teamEdits = teamEdits;
        this.walks = walks;
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

    /**
     * The changes feed from {@code since}; {@code format=2} answers the entries' stored JSON as it
     * is (no parse, no write), without it each entry is read and written again.
     */
    void pull(Context ctx) throws IOException {
        long since = longParam(ctx, "since", 0);
        int limit = (int) Math.max(1, Math.min(config.maxPullLimit(), longParam(ctx, "limit", config.maxPullLimit())));
        boolean storedForm = asksForStoredForm(ctx);
        List<StoredChange> page = store.storedChangesAfter(since, limit + 1);
        boolean more = page.size() > limit;
        List<StoredChange> shown = more ? page.subList(0, limit) : page;
        long lastSeq = shown.isEmpty() ? since : shown.get(shown.size() - 1).seq();
        // the device's next page is then not held back by the rate limit (CatchUpWalks)
        walks.answered(Access.device(ctx).deviceId(), lastSeq, more);
        long now = master.clock().physicalNow();
        if (storedForm) {
            List<RawValue> entries = shown.stream().map(c -> new RawValue(c.json())).toList();
            ctx.contentType(ContentType.APPLICATION_JSON)
                    .result(Json.MAPPER.writeValueAsBytes(new StoredPullResponse(entries, lastSeq, more, now)));
        } else {
            ctx.contentType(ContentType.APPLICATION_JSON).result(EntryForm.V1.writer().writeValueAsBytes(
                    new PullResponse(shown.stream().map(StoredChange::entry).toList(), lastSeq, more, now)));
        }
    }

    /** {@code format=2}: the stored form; absent or {@code 1}: v1, which every older device reads. */
    private static boolean asksForStoredForm(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.isEmpty() || format.equals("1")) return false;
        if (format.equals("2")) return true;
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
