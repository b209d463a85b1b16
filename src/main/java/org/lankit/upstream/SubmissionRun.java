package org.lankit.upstream;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One try of an OpenRosa batch: the form versions first, then the instances one by one, each
 * answer noted per entry. Completes with the batch's {@link ApiAnswer}, or fails with the first
 * retryable error; the next try sends the same instances, and those stored this time come back
 * as duplicates. Stops submitting once its result is complete (a timeout or cancel from outside).
 */
final class SubmissionRun {

    private final OpenRosaBatch batch;
    private final OpenRosaHttp http;
    private final ServerForms forms;
    private final ApiTarget server;
    private final Map<String, String> rejected = new HashMap<>();
    private final Map<String, String> refs = new HashMap<>();
    private final CompletableFuture<ApiAnswer> result = new CompletableFuture<>();
    private FormList formList;
    private int lastStatus = 200;

    SubmissionRun(OpenRosaBatch batch, OpenRosaHttp http, ServerForms forms, ApiTarget server) {
        this.batch = batch;
        this.http = http;
        this.forms = forms;
        this.server = server;
    }

    CompletableFuture<ApiAnswer> start() {
        batch.refused().forEach(r -> rejected.put(r.uuid(), r.reason()));
        batch.kept().forEach(k -> {
            if (k.ref() != null) refs.put(k.uuid(), k.ref());
        });
        if (batch.instances().isEmpty()) {
            finish();
        } else {
            forms.covering(batch.serverFormIds()).whenComplete((list, failure) -> {
                if (failure != null) {
                    fail(failure);
                } else {
                    formList = list;
                    submit(0);
                }
            });
        }
        return result;
    }

    private void submit(int index) {
        for (int i = index; i < batch.instances().size(); i++) {
            if (result.isDone()) return;
            XFormInstance instance = batch.instances().get(i);
            var version = formList.version(instance.serverFormId());
            if (version.isEmpty()) {
                rejected.put(instance.uuid(), "the server has no form \"" + instance.serverFormId()
                        + "\": publish it there, or map this form to one the server has");
                continue;
            }
            int next = i + 1;
            http.submit(instance.document(version.get())).whenComplete((response, failure) -> {
                if (failure != null) {
                    fail(failure);
                    return;
                }
                try {
                    if (note(instance, SubmissionAnswer.of(response, server))) submit(next);
                } catch (RuntimeException e) {
                    fail(e);
                }
            });
            return;
        }
        finish();
    }

    /** Notes the answer; false when it ends the batch (the server refused it). */
    private boolean note(XFormInstance instance, SubmissionAnswer answer) {
        return switch (answer.outcome()) {
            case STORED, DUPLICATE -> {
                refs.put(instance.uuid(), instance.instanceId());
                lastStatus = answer.status();
                yield true;
            }
            case REJECTED -> {
                rejected.put(instance.uuid(), answer.reason());
                forms.forget();
                yield true;
            }
            case REFUSED -> {
                result.complete(ApiAnswer.refused(answer.status(), answer.reason()));
                yield false;
            }
        };
    }

    private void finish() {
        result.complete(ApiAnswer.accepted(lastStatus / 100 == 2 ? lastStatus : 200, rejected, refs));
    }

    private void fail(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof ServerForms.Unusable unusable) {
            result.complete(unusable.answer());
        } else {
            result.completeExceptionally(cause);
        }
    }
}
