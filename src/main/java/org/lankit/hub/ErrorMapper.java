package org.lankit.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
        cfg.routes.exception(JsonProcessingException.class, (e, ctx) ->
                respond(ctx, 400, "bad_json", "the body is not valid JSON of the expected shape: " + firstLine(e.getOriginalMessage())));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String error = status == 413 ? "too_large" : status == 404 ? "not_found" : "http_" + status;
            respond(ctx, status, error, e.getMessage());
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                respond(ctx, 400, "bad_json", "the body is not valid JSON of the expected shape: " + firstLine(json.getOriginalMessage()));
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

    private static String firstLine(String message) {
        if (message == null) return "";
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
