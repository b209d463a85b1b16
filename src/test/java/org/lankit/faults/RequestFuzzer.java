package org.lankit.faults;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Makes hostile requests from a seed: random and mutated JSON, odd methods, paths, queries and bytes. */
final class RequestFuzzer {

    /** One request: what to send and whether to cut the body short. */
    record Request(String method, String target, String token, String contentType, byte[] body, String label) {
    }

    static final List<String> ENDPOINTS = List.of("/api/v1/info", "/api/v1/pair", "/api/v1/forms", "/api/v1/sync/push",
            "/api/v1/sync/pull", "/api/v1/sync/live", "/api/v1/status", "/api/v1/upstream/retry-failed", "/join", "/",
            "/index.html", "/api/v1/nope", "/api/v2/info");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "FOO", "get", "PROPFIND", "M".repeat(300));
    static final List<String> TRAVERSALS = List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
            "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "//etc/passwd", "/index.html/../../../etc/passwd", "/web/../../../../etc/passwd",
            "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/api/v1/../../../etc/passwd", "/..\\..\\etc\\passwd",
            "/%252e%252e/%252e%252e/etc/passwd", "/./././../etc/passwd", "/join/../../etc/passwd", "/%00", "/a%00.html",
            "/" + "a/".repeat(2000), "/" + "%".repeat(10), "/\u00e9t\u00e9", "/manifest.webmanifest?" + "x=1&".repeat(500));
    private static final List<String> ODD_NUMBERS = List.of("1e999999", "-1e999999", "123456789012345678901234567890123",
            "9".repeat(5000), "-0", "0.0000000000000000000001", "NaN", "Infinity", "1.7976931348623157E309", "-9223372036854775809");

    private final Random random;
    private final String validPush;
    private final String token;

    RequestFuzzer(long seed, String validPush, String token) {
        this.random = new Random(seed);
        this.validPush = validPush;
        this.token = token;
    }

    Request next() {
        int kind = random.nextInt(8);
        return switch (kind) {
            case 0 -> request("POST", "/api/v1/sync/push", mutate(validPush.getBytes(StandardCharsets.UTF_8)), "mutated push");
            case 1 -> request("POST", pick(List.of("/api/v1/sync/push", "/api/v1/pair")), randomJson().getBytes(StandardCharsets.UTF_8), "random json");
            case 2 -> request("POST", "/api/v1/sync/push", typeSwapped(), "wrong types");
            case 3 -> request(pick(METHODS), pick(ENDPOINTS), bytes(random.nextInt(64)), "odd method");
            case 4 -> request("GET", pick(TRAVERSALS), new byte[0], "traversal");
            case 5 -> request("GET", "/api/v1/sync/pull?" + oddQuery(), new byte[0], "odd query");
            case 6 -> request("POST", pick(List.of("/api/v1/sync/push", "/api/v1/pair")), invalidUtf8(), "invalid utf-8");
            default -> request("POST", "/api/v1/sync/push", deep(), "deep nesting");
        };
    }

    private Request request(String method, String target, byte[] body, String label) {
        String auth = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> "x".repeat(random.nextInt(5000));
            case 2 -> token + "x";
            default -> token;
        };
        String type = random.nextInt(5) == 0 ? pick(List.of("text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=zz", "application/json; charset=latin1", "")) : "application/json";
        return new Request(method, target, auth, type, body, label);
    }

    /** Byte-level damage to a valid body: flips, cuts, repeats and inserted junk. */
    private byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && b.length > 1; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = splice(b, at, Math.min(b.length, at + random.nextInt(20)), new byte[0]);
                case 2 -> b = splice(b, at, at, java.util.Arrays.copyOfRange(b, at, Math.min(b.length, at + random.nextInt(30))));
                default -> b = splice(b, at, at, pick(List.of("\"", "{", "]", ",", ":null", "\\u0000", "\u00ff")).getBytes(StandardCharsets.UTF_8));
            }
        }
        return b;
    }

    /** The valid push with one value replaced by something of another type or size. */
    private byte[] typeSwapped() {
        String[] spots = {"\"entries\":", "\"uuid\":", "\"formId\":", "\"formVersion\":", "\"fields\":", "\"value\":",
                "\"hlc\":", "\"createdAt\":", "\"respondent\":", "\"household_size\":", "\"by\":"};
        String spot = spots[random.nextInt(spots.length)];
        int at = validPush.indexOf(spot);
        if (at < 0) return validPush.getBytes(StandardCharsets.UTF_8);
        int start = at + spot.length();
        int end = endOfValue(validPush, start);
        return (validPush.substring(0, start) + randomValue(2) + validPush.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    private static int endOfValue(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                if (!inString && depth == 0) return i + 1;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                if (depth == 0) return i;
                if (--depth == 0) return i + 1;
            } else if (c == ',' && depth == 0) return i;
        }
        return json.length();
    }

    private String randomJson() {
        return random.nextBoolean() ? "{\"entries\":" + randomValue(3) + "}" : randomValue(4);
    }

    private String randomValue(int depth) {
        int k = random.nextInt(depth > 0 ? 9 : 6);
        return switch (k) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> pick(ODD_NUMBERS);
            case 3 -> Long.toString(random.nextLong());
            case 4 -> "\"" + "\u00e9\u4e2d\ud83d\ude00".repeat(random.nextInt(3)) + "a".repeat(random.nextInt(random.nextInt(10) == 0 ? 3_000_000 : 50)) + "\"";
            case 5 -> "\"../../etc/passwd\"";
            case 6, 7 -> {
                StringBuilder o = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) o.append(',');
                    o.append('"').append(pick(List.of("uuid", "formId", "fields", "entries", "value", "hlc", "code", "name", "kind", "x"))).append("\":")
                            .append(randomValue(depth - 1));
                }
                yield o.append('}').toString();
            }
            default -> {
                StringBuilder a = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) a.append(i > 0 ? "," : "").append(randomValue(depth - 1));
                yield a.append(']').toString();
            }
        };
    }

    private String oddQuery() {
        return pick(List.of("since=", "since=-1", "since=abc", "since=99999999999999999999999", "since=1e3", "limit=0",
                "limit=-5", "limit=99999999999", "since=%00", "since=1&since=2", "limit=" + "9".repeat(400), "since=0x10",
                "since=%ff%fe", "since=" + Long.MAX_VALUE, "&&&==", "limit=1;DROP TABLE"));
    }

    private byte[] invalidUtf8() {
        byte[] junk = {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf8, (byte) 0x88};
        byte[] valid = validPush.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(valid.length);
        return splice(valid, at, at, java.util.Arrays.copyOfRange(junk, 0, 1 + random.nextInt(junk.length)));
    }

    private byte[] deep() {
        int depth = pick(List.of(100, 1_500, 20_000, 200_000));
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return ("{\"entries\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
