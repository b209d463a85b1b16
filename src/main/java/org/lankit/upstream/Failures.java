package org.lankit.upstream;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.TimeoutExceededException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** What a failed try means: worth retrying or not, offline or not, and in plain words. */
final class Failures {

    private Failures() {
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Network errors, timeouts, 408/429/5xx and an open circuit are retried; nothing else is. */
    static boolean isRetryable(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof IOException || t instanceof RetryableAnswer
                || t instanceof TimeoutExceededException || t instanceof CircuitBreakerOpenException;
    }

    /** Failures that count against the API's health: all retryable ones except being asked to slow down. */
    static boolean isBreakerFailure(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof RetryableAnswer r) return r.status() != 429;
        return t instanceof IOException || t instanceof TimeoutExceededException;
    }

    /** True when the API could not be reached at all (as opposed to answering badly or slowly). */
    static boolean isUnreachable(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof IOException && !(t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException));
    }

    /** Host and port, for messages: the path may be long and says little. */
    static String hostAndPort(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    static boolean isCertificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) return true;
        }
        return false;
    }

    /** The failure in plain words, with the target's credentials (and anything like one) hidden. */
    static String describe(Throwable e, UploadTarget target) {
        String words = words(unwrap(e), target);
        return target == null ? Redaction.text(words) : target.redact(words);
    }

    private static String words(Throwable t, UploadTarget target) {
        String where = target == null ? "the API" : hostAndPort(target.address());
        if (t instanceof RetryableAnswer r) {
            return r.status() == 429 ? "the API asked to slow down (" + r.getMessage() + ")" : "the API is failing (" + r.getMessage() + ")";
        }
        if (t instanceof TimeoutExceededException || t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException)) {
            return "the API at " + where + " did not answer in time";
        }
        if (t instanceof CircuitBreakerOpenException) return "pausing: the API failed several times in a row";
        if (isCertificateProblem(t)) return "the certificate of " + where + " could not be verified: " + t.getMessage();
        if (t instanceof UnknownHostException) return "cannot find " + where + ": no internet, or the address is misspelt";
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException) {
            return "cannot reach " + where + ": no internet, or the API is down";
        }
        if (t instanceof IOException) return "the connection to " + where + " broke: " + t.getClass().getSimpleName();
        return "unexpected error: " + t;
    }
}
