package org.lankit.hub;

import io.javalin.http.Context;
import java.util.function.IntSupplier;

/** {@code /upstream/*}: the coordinator's actions on the upload to the team's API. */
final class UpstreamRoutes {

    /** How many failed entries were queued for upload again. */
    record RetryFailedResponse(int requeued) {
    }

    private final IntSupplier retryFailed;

    UpstreamRoutes(IntSupplier retryFailed) {
        this.retryFailed = retryFailed;
    }

    void retryFailed(Context ctx) {
        ctx.json(new RetryFailedResponse(retryFailed.getAsInt()));
    }
}
