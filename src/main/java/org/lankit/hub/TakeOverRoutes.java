package org.lankit.hub;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Set;
import org.lankit.backup.BackupRejectedException;
import org.lankit.backup.ReplayMerge;
import org.lankit.store.Device;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.sync.Succession;

/**
 * Take-over on the master: the succession bundle for client laptops, a former master handing its
 * entries over, and the guard that notices a higher epoch and then refuses writes
 * (protocol.md, "Take-over").
 */
final class TakeOverRoutes {

    /** The successor's HTTPS address, sent by the successor when it tells its former master. */
    static final String SUCCESSOR = "Lankit-Successor";
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /** What a hand-over did, entry by entry. */
    record Handed(int created, int updated, int unchanged, int rejected) {
    }

    private final KitStore store;
    private final MasterIdentity master;
    private final SuccessionSource source;
    private final Supersession supersession;
    private final long maxBodyBytes;

    TakeOverRoutes(KitStore store, MasterIdentity master, SuccessionSource source, Supersession supersession, long maxBodyBytes) {
        this.store = store;
        this.master = master;
        this.source = source;
        this.supersession = supersession;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** After a device is known: the epoch it names (the highest it knows) may say this master was replaced. */
    void noticeEpoch(Context ctx) {
        String epoch = ctx.header(TeamHeaders.EPOCH);
        if (epoch == null || !epoch.matches("\\d{1,18}")) return;
        supersession.observe(Long.parseLong(epoch), ctx.header(SUCCESSOR));
    }

    /** A replaced master takes no writes at all: entries belong with its successor now. */
    void refuseWritesWhenSuperseded(Context ctx) {
        if (!WRITES.contains(ctx.method())) return;
        supersession.current().ifPresent(s -> {
            throw ApiException.superseded(s.explanation());
        });
    }

    /** {@code GET /api/v1/succession}: laptops only, over HTTPS; 304 when the laptop holds this version. */
    void succession(Context ctx) {
        Device device = Access.device(ctx);
        if (!"client".equals(device.kind())) {
            throw ApiException.forbidden("laptops_only", "only a client laptop the coordinator paired keeps what a take-over needs");
        }
        if (!Access.isSecure(ctx)) {
            throw ApiException.forbidden("secure_only", "the take-over bundle holds the team's secrets: ask for it over HTTPS");
        }
        SuccessionSource.Made made = source.make();
        String etag = "\"" + made.version() + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "no-store");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(made.json());
    }

    /**
     * {@code POST /api/v1/takeover/handover}: the former master's entries, merged as copies (as a
     * backup is), so a second hand-over of the same entries changes nothing.
     */
    void handover(Context ctx) throws IOException {
        Device device = Access.device(ctx);
        if (!Succession.FORMER_MASTER.equals(device.kind())) {
            throw ApiException.forbidden("former_master_only", "only the team's former master hands entries over");
        }
        PushRequest request = JsonBody.read(ctx, PushRequest.class, maxBodyBytes);
        if (request == null || request.entries() == null) throw ApiException.badRequest("entries must be a list");
        ReplayMerge merge = new ReplayMerge(master.deviceId());
        Handed handed = store.write(w -> {
            int[] counts = new int[4];
            for (Entry theirs : request.entries()) {
                Entry ours = w.find(theirs.uuid()).map(StoredEntry::entry).orElse(null);
                try {
                    ReplayMerge.Result result = merge.merge(ours, theirs);
                    counts[result.kind().ordinal()]++;
                    if (result.kind() != ReplayMerge.Kind.UNCHANGED) w.commitMasterChange(result.entry(), device.deviceId(), "handover");
                } catch (BackupRejectedException otherForm) {
                    counts[3]++;
                }
            }
            return new Handed(counts[0], counts[1], counts[2], counts[3]);
        });
        ctx.json(handed);
    }
}
