package org.lankit.hub;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each device's walk through the changes feed goes on. After a pull answered "more", that
 * device's next pull from the page's last seq is the next page of an honest catch-up: it is free
 * of the rate limit, once. A phone catching up 100,000 entries 200 at a time is then never told
 * to wait, while a device asking the same page again, or anything else, pays a token per request
 * as before. Only pages past the furthest point the device was ever served are free: a device
 * walking the feed again from the start pays for every page, so a device gets at most one free
 * walk through the feed in all, however often it starts one. Thread-safe.
 */
final class CatchUpWalks {

    private final String pullPath;
    /** The since that continues each device's unfinished walk, as the device will send it. */
    private final ConcurrentHashMap<String, String> nextSince = new ConcurrentHashMap<>();
    /** The highest last seq each device was served: ground it has already walked. */
    private final ConcurrentHashMap<String, Long> furthest = new ConcurrentHashMap<>();

    CatchUpWalks(String pullPath) {
        this.pullPath = pullPath;
    }

    /**
     * After a pull was answered: the walk goes on from {@code lastSeq} when there is more and the
     * page was new ground for the device, else it ended (or pays its way from here).
     */
    void answered(String deviceId, long lastSeq, boolean more) {
        long[] before = new long[1];
        furthest.compute(deviceId, (id, seen) -> {
            before[0] = seen == null ? 0 : seen;
            return Math.max(before[0], lastSeq);
        });
        if (more && lastSeq > before[0]) {
            nextSince.put(deviceId, Long.toString(lastSeq));
        } else {
            nextSince.remove(deviceId);
        }
    }

    /** Whether {@code ctx} asks for the next page of the device's walk; its free turn is then used up. */
    boolean continuesWalk(String deviceId, Context ctx) {
        if (ctx.method() != HandlerType.GET || !pullPath.equals(ctx.path())) return false;
        String since = ctx.queryParam("since");
        return since != null && nextSince.remove(deviceId, since);
    }
}
