package org.lankit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON bodies of wire protocol v1 (protocol.md; entries in either form, {@link EntryForm}), shared by the hub, the client jar and tests. */
public final class Protocol {

    private Protocol() {
    }

    /**
     * {@code secure} says where the master's HTTPS listener is and which kit authority signs it; absent without one.
     * {@code wire}: the newest entry form the master reads and writes ({@link EntryForm}), and with 2 that it
     * reads gzip bodies; absent from older masters, which know only v1.
     * {@code teamId} stays the same across a take-over; {@code epoch} grows with each one, so of two
     * masters of a team the one with the higher epoch is current (both absent from older masters).
     */
    public record Info(String app, String version, String role, String deviceId, String name, long time,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Secure secure,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer wire,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String teamId,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long epoch) {

        /** The form to push to this master in. */
        public EntryForm pushForm() {
            return wire != null && wire >= 2 ? EntryForm.V2 : EntryForm.V1;
        }
    }

    /** The HTTPS port, the kit authority's short pin (as in the laptop join code) and its SHA-256 in hex. */
    public record Secure(int port, String pin, String fingerprint) {
    }

    public record PairRequest(String code, String name, String kind) {
    }

    public record PairResponse(String deviceId, String token, long time) {
    }

    public record PushRequest(List<Entry> entries) {
    }

    /**
     * One entry's answer. A rejection the device acts on by itself carries a code in {@code error}
     * ({@link PushRefusal}) and the words in {@code detail}; other rejections carry the words in
     * {@code error} and no detail.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PushResult(String uuid, PushStatus status, Long seq, String error, String detail) {

        public PushResult(String uuid, PushStatus status, Long seq, String error) {
            this(uuid, status, seq, error, null);
        }

        /** The reason in words a person can read, whichever form the master used. */
        public String reason() {
            return detail != null ? detail : error;
        }
    }

    public record PushResponse(List<PushResult> results, long time) {
    }

    public record PullResponse(List<Entry> entries, long lastSeq, boolean more, long time) {
    }

    public record LiveMessage(String type, long seq) {
    }

    /**
     * {@code until}: while backing off or offline, when the next try is due (epoch ms); else absent.
     * {@code through} and {@code refused}: the second receipt (protocol.md, "Receipts"): every entry
     * whose current seq is at most {@code through} is on the team's servers, except the uuids in
     * {@code refused}; 0 and none when no server is set up, and from older masters.
     */
    public record UpstreamStatus(String state, long pending, long synced, long failed, String lastError,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Long until, long through,
                                 List<String> refused) {

        public UpstreamStatus {
            refused = refused == null ? List.of() : List.copyOf(refused);
        }

        public UpstreamStatus(String state, long pending, long synced, long failed, String lastError, Long until) {
            this(state, pending, synced, failed, lastError, until, 0, List.of());
        }

        public UpstreamStatus(String state, long pending, long synced, long failed, String lastError) {
            this(state, pending, synced, failed, lastError, null);
        }

        /** The same status carrying the second receipt. */
        public UpstreamStatus withReceipts(long newThrough, List<String> newRefused) {
            return new UpstreamStatus(state, pending, synced, failed, lastError, until, newThrough, newRefused);
        }
    }

    /**
     * {@code phonesEditTeamEntries}: the coordinator lets phones change entries other devices created.
     * {@code retentionDays}: devices drop their copies of settled entries nobody changed for that
     * many days ({@link DeviceRetention}); absent when the coordinator keeps everything.
     */
    public record Status(long entries, long devices, UpstreamStatus upstream, boolean phonesEditTeamEntries,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer retentionDays, long time) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(String error, String detail) {
    }
}
