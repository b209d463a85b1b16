package org.lankit.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.EOFException;
import org.lankit.store.Attachments;
import org.lankit.store.StoreFull;
import org.lankit.sync.Protocol.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become JSON errors; no stack trace ever leaves the server. */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static void install(JavalinConfig cfg) {
        cfg.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            respond(ctx, e.status(), e.error(), e.getMessage());
        });
        cfg.routes.exception(Attachments.OffsetMismatchException.class, (e, ctx) ->
                ctx.status(409).json(new AttachmentRoutes.OffsetMismatch("offset_mismatch", e.getMessage(), e.received())));
        cfg.routes.exception(Attachments.TooLargeException.class, (e, ctx) -> respond(ctx, 413, "attachment_too_large", e.getMessage()));
        cfg.routes.exception(JsonProcessingException.class, (e, ctx) -> respond(ctx, 400, "bad_json", JsonProblem.describe(e)));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String error = status == 413 ? "too_large" : status == 404 ? "not_found" : "http_" + status;
            respond(ctx, status, error, e.getMessage());
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                respond(ctx, 400, "bad_json", JsonProblem.describe(json));
                return;
            }
            if (StoreFull.causedBy(e)) {
                // nothing was committed: the device keeps its entries and tries again later
                LOG.error("request {} {} failed: the store is full ({})", ctx.method(), ctx.path(), e.getMessage());
                respond(ctx, 507, "storage_full", "the master's disk is full: nothing was saved; free space on the master");
                return;
            }
            if (causedByEof(e)) {
                // the device went away mid-request (WiFi dropped): nobody reads this answer, and it is no server fault
                LOG.info("request {} {} cut off by the device", ctx.method(), ctx.path());
                respond(ctx, 400, "incomplete_request", "the request body ended early");
                return;
            }
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal_error", "the master could not handle this request; it has been logged");
        });
        cfg.routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                respond(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    static void respond(Context ctx, int status, String error, String detail) {
        ctx.status(status).json(new ApiError(error, detail));
    }

    private static boolean causedByEof(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException) return true;
        }
        return false;
    }
}
