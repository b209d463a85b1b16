package org.lankit.upstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The two OpenRosa requests, relative to the server's base address: {@code GET formList} and a
 * multipart {@code POST submission}, each with {@code X-OpenRosa-Version: 1.0}, a {@code Date}
 * and the server's credentials: a token as {@code Authorization: Token …} (KoboToolbox), a user
 * and password as Basic, or none (ODK Central's app-user address carries its token). The JDK
 * client with its default trust store verifies HTTPS certificates and host names. Thread-safe.
 */
final class OpenRosaHttp {

    static final String VERSION_HEADER = "X-OpenRosa-Version";
    /** HTTP's date form (IMF-fixdate): RFC_1123_DATE_TIME would write a day below 10 with one digit. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final ApiTarget server;
    private final Duration timeout;
    private final ServerHttp http;

    OpenRosaHttp(ApiTarget server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.http = new ServerHttp(timeout);
    }

    CompletableFuture<HttpResponse<String>> formList() {
        return http.client().sendAsync(formListRequest(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form list, blocking up to the timeout: for "Test connection". */
    HttpResponse<String> formListNow() throws IOException, InterruptedException {
        return http.client().send(formListRequest(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> submit(String instanceXml, List<MultipartBody.File> files) {
        MultipartBody body = MultipartBody.ofInstance(instanceXml, files);
        HttpRequest request = request("submission")
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code name} under the base address, whether or not the address ends with a slash. */
    URI resolve(String name) {
        String base = server.url().toString();
        return URI.create(base.endsWith("/") ? base + name : base + "/" + name);
    }

    private HttpRequest formListRequest() {
        return request("formList").header("Accept", "text/xml").GET().build();
    }

    private HttpRequest.Builder request(String name) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(name))
                .timeout(timeout)
                .header(VERSION_HEADER, "1.0")
                .header("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (server.hasToken()) {
            b.header("Authorization", "Token " + server.token());
        } else if (server.hasUser()) {
            b.header("Authorization", server.basicAuthorization());
        }
        return b;
    }

}
