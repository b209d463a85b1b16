package org.lankit.upstream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One try of an OpenRosa batch: the form versions first, then the instances one by one, each
 * answer noted per entry in the batch's {@link BatchProgress}. Completes with the batch's
 * {@link ApiAnswer}, or fails with the first retryable error; the next try goes on with the
 * instances not answered yet (one whose answer was lost is sent again and comes back as a
 * duplicate). Stops submitting once its result is complete (a timeout or cancel from outside) or
 * a newer try of the batch has begun.
 */
final class SubmissionRun {

    private final OpenRosaBatch batch;
    private final OpenRosaHttp http;
    private final ServerForms forms;
    private final ApiTarget server;
    private final AttachmentFiles photos;
    private final BatchProgress progress;
    private final int attempt;
    private final CompletableFuture<ApiAnswer> result = new CompletableFuture<>();
    private FormList formList;
    private int lastStatus = 200;

    SubmissionRun(OpenRosaBatch batch, BatchProgress progress, OpenRosaHttp http, ServerForms forms, ApiTarget server,
                  AttachmentFiles photos) {
        this.photos = photos;
        this.batch = batch;
        this.progress = progress;
        this.attempt = progress.startTry();
        this.http = http;
        this.forms = forms;
        this.server = server;
    }

    CompletableFuture<ApiAnswer> start() {
        batch.refused().forEach(r -> progress.rejected(r.uuid(), r.reason()));
        batch.kept().forEach(k -> {
            if (k.ref() != null) progress.delivered(k.uuid(), k.ref());
        });
        if (batch.instances().stream().allMatch(i -> progress.isAnswered(i.uuid()))) {
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
            if (!progress.isLatest(attempt)) {
                result.cancel(false);
                return;
            }
            XFormInstance instance = batch.instances().get(i);
            if (progress.isAnswered(instance.uuid())) continue;
            var version = formList.version(instance.serverFormId());
            if (version.isEmpty()) {
                progress.rejected(instance.uuid(), "the server has no form \"" + instance.serverFormId()
                        + "\": publish it there, or map this form to one the server has");
                continue;
            }
            int next = i + 1;
            List<MultipartBody.File> files;
            try {
                files = files(instance);
            } catch (IOException e) {
                fail(e);
                return;
            }
            http.submit(instance.document(version.get()), files).whenComplete((response, failure) -> {
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

    /** The instance's photos, read now: a batch keeps their names only. */
    private List<MultipartBody.File> files(XFormInstance instance) throws IOException {
        List<MultipartBody.File> files = new ArrayList<>();
        for (String name : instance.attachments()) files.add(new MultipartBody.File(name, photos.bytes(name)));
        return files;
    }

    /** Notes the answer; false when it ends the batch (the server refused it). */
    private boolean note(XFormInstance instance, SubmissionAnswer answer) {
        return switch (answer.outcome()) {
            case STORED, DUPLICATE -> {
                progress.delivered(instance.uuid(), instance.instanceId());
                lastStatus = answer.status();
                yield true;
            }
            case REJECTED -> {
                progress.rejected(instance.uuid(), answer.reason());
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
        result.complete(ApiAnswer.accepted(lastStatus / 100 == 2 ? lastStatus : 200, progress.rejected(), progress.refs()));
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
