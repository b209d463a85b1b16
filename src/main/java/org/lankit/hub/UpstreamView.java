package org.lankit.hub;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.UploadReceipts;

/**
 * What the hub shows of the upload to the team's servers and may ask of it: the uploader's state,
 * the second receipt for devices, and "retry failed" (queues the refused entries again, says how many).
 */
public record UpstreamView(Supplier<UpstreamStatus> status, Supplier<UploadReceipts> receipts, IntSupplier retryFailed) {

    /** A kit without an uploader: nothing is sent, and "retry failed" answers that there is nothing to retry with. */
    public static UpstreamView without(Supplier<UpstreamStatus> status) {
        return new UpstreamView(status, () -> UploadReceipts.NONE, () -> {
            throw ApiException.unavailable("this kit has no uploader running");
        });
    }

    /**
     * The status devices read, with the second receipt. A refused list longer than devices are sent
     * would leave some refused entries out and so mark them ✓✓: then devices get no receipt at all
     * (✓ only) rather than a wrong one.
     */
    UpstreamStatus forDevices() {
        UploadReceipts held = receipts.get();
        if (held.refused().size() > UploadReceipts.MAX_REFUSED) return status.get().withReceipts(0, List.of());
        return status.get().withReceipts(held.through(), held.refused());
    }
}
