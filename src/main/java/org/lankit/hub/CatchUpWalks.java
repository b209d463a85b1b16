package org.lankit.hub;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each device's walk through the changes feed goes on. After a pull answered "more", that
 * device's next pull from the page's last seq is the next page of an honest catch-up: it is free
 * of the rate limit, once. A phone catching up 100,000 entries 200 at a time is then never told
 * to wait, while a device asking the same page again, or anything else, pays a token per request
 * as before. Each free request moves the walk on, so one paid request buys at most one walk to
 * the end of the feed, one page at a time. Thread-safe.
 */
final class CatchUpWalks {

    private final String pullPath;
    /** The since that continues each device's unfinished walk, as the device will send it. */
    private final ConcurrentHashMap<String, String> nextSince = new ConcurrentHashMap<>();

    CatchUpWalks(String pullPath) {
        this.pullPath = pullPath;
    }

    /** After a pull was answered: the walk goes on from {@code lastSeq} when there is more, else it ended. */
    void answered(String deviceId, long lastSeq, boolean more) {
        if (more) {
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
