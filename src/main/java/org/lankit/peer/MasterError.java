package org.lankit.peer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The master answered with an error status; {@code error} and {@code detail} come from its JSON body. */
public final class MasterError extends RuntimeException {

    private final int status;
    private final String error;
    private final long retryAfterSeconds;
    private final transient ObjectNode body;

    public MasterError(int status, String error, String detail, long retryAfterSeconds, ObjectNode body) {
        super(status + " " + error + ": " + detail);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
        this.body = body;
    }

    /** The whole JSON answer, when it was a JSON object. */
    public ObjectNode body() {
        return body;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * Worth trying again later (the master is busy or briefly unwell, or got only part of the
     * request because the link dropped mid-body), as opposed to a refusal.
     */
    public boolean isTransient() {
        return status == 408 || status == 429 || status >= 500 || "incomplete_request".equals(error);
    }
}
