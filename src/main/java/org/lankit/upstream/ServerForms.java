package org.lankit.upstream;

import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * The forms an OpenRosa server publishes, and their current versions, as its form list last said:
 * fetched when a batch names a form not yet known (also one the server lacked last time, in case
 * it was published since) and forgotten after a rejection (the form may have changed). Thread-safe.
 */
final class ServerForms {

    /** The server's form list could not be used: the batch is refused with this answer. */
    static final class Unusable extends RuntimeException {
        private final transient ApiAnswer answer;

        Unusable(ApiAnswer answer) {
            super(answer.reason(), null, false, false);
            this.answer = answer;
        }

        ApiAnswer answer() {
            return answer;
        }
    }

    /** Status of a refusal whose answer was 2xx but no form list: the server answered, not as an OpenRosa server. */
    static final int NOT_OPENROSA = 0;

    private final OpenRosaHttp http;
    private final ApiTarget server;
    private volatile FormList known;

    ServerForms(OpenRosaHttp http, ApiTarget server) {
        this.http = http;
        this.server = server;
    }

    /**
     * A form list that names every one of {@code formIds} if the server has them: the known one when it
     * does, else a fresh one. Fails with {@link Unusable}, {@link RetryableAnswer} or an IOException.
     */
    CompletableFuture<FormList> covering(Collection<String> formIds) {
        FormList list = known;
        if (list != null && list.missing(formIds).isEmpty()) return CompletableFuture.completedFuture(list);
        return http.formList().thenApply(this::read);
    }

    void forget() {
        known = null;
    }

    private FormList read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (RetryableAnswer.isRetryableStatus(status)) {
            throw new RetryableAnswer(status, response.headers().firstValue("Retry-After").map(TeamApi::retryAfter).orElse(null),
                    OpenRosaResponse.reason(response, server));
        }
        if (status / 100 != 2) throw new Unusable(ApiAnswer.refused(status, "the form list: " + OpenRosaResponse.reason(response, server)));
        FormList list = FormList.parse(response.body()).orElseThrow(() -> new Unusable(ApiAnswer.refused(NOT_OPENROSA,
                "the server at " + server.hostAndPort() + " sent no OpenRosa form list; check the address")));
        known = list;
        return list;
    }
}
