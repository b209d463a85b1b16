package org.lankit.hub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.ApiError;

/**
 * The answers Jetty gives before a request reaches the routes (a malformed request line, an
 * address or headers too long, an HTTP version it does not speak) in the kit's JSON error shape
 * instead of Jetty's HTML page; Jetty's own wording never reaches a device.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        return body(status);
    }

    private static ByteBuffer body(int status) {
        ApiError error = switch (status) {
            case 400 -> new ApiError("bad_request", "the request is not valid HTTP");
            case 404 -> new ApiError("not_found", "no such address on this master");
            case 413 -> new ApiError("too_large", "the request is too large");
            case 414 -> new ApiError("uri_too_long", "the address (URL) of the request is too long");
            case 431 -> new ApiError("headers_too_large", "the request's headers are too large");
            case 505 -> new ApiError("http_version", "this master speaks HTTP/1.0 and HTTP/1.1 only");
            default -> status >= 500
                    ? new ApiError("internal_error", "the master could not handle this request; it has been logged")
                    : new ApiError("http_" + status, "the master cannot handle this request");
        };
        try {
            return ByteBuffer.wrap(Json.MAPPER.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an error record always serialises", e);
        }
    }
}
