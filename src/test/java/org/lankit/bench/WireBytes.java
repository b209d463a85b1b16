package org.lankit.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.lankit.sync.Entry;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.PushRequest;
import org.lankit.testkit.PairedDevice;

/**
 * Body bytes per entry on the wire, plain and gzip: a push of 500 new entries and a pull page of
 * 1,000 (asking for the compact format 2). A gzip push counts only when the master takes it
 * (2xx); a gzip pull only when the master answered gzip. Headers are left out, as on the PouchDB side.
 */
final class WireBytes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WireBytes() {
    }

    static Map<String, Object> measure(String baseUrl, PairedDevice device) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        byte[] plain = pushBody(BenchEntries.batch(device.clock(), 500));
        out.put("bytes_per_entry_push_plain", plain.length / 500);
        byte[] gzipped = gzip(pushBody(BenchEntries.batch(device.clock(), 500)));
        HttpResponse<byte[]> pushed = send(request(baseUrl + "/api/v1/sync/push", device)
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)).build());
        out.put("bytes_per_entry_push_gzip", pushed.statusCode() / 100 == 2 ? gzipped.length / 500 : null);
        String page = baseUrl + "/api/v1/sync/pull?since=0&limit=1000&format=2";
        out.put("bytes_per_entry_pull_plain", send(request(page, device).GET().build()).body().length / 1000);
        HttpResponse<byte[]> zipped = send(request(page, device).header("Accept-Encoding", "gzip").GET().build());
        boolean isGzip = zipped.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        out.put("bytes_per_entry_pull_gzip", isGzip ? zipped.body().length / 1000 : null);
        return out;
    }

    private static byte[] pushBody(List<Entry> entries) throws Exception {
        return Json.MAPPER.writeValueAsBytes(new PushRequest(entries));
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    private static HttpRequest.Builder request(String url, PairedDevice device) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + device.token());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return PushLoad.politely(() -> {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 429) throw new org.lankit.peer.MasterError(429, "rate_limited", null, 1, null);
            return r;
        });
    }
}
