package org.lankit.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers entries to an OpenRosa server (ODK Central, KoboToolbox): each entry revision becomes
 * one XForm instance, submitted as {@code multipart/form-data} to {@code …/submission} with the
 * photos it names as further parts, each named by its file name (as ODK Collect sends them). The
 * instanceID is derived from the entry's uuid and seq, so a try after a lost answer is a
 * duplicate on the server, never a second submission; an edit names the instance it replaces in
 * {@code deprecatedID}. A try of a batch goes on where the last try of it stopped
 * ({@link BatchProgress}). A deleted entry is not sent (OpenRosa has no delete): it counts as
 * delivered and the server keeps the last revision it took. Thread-safe.
 */
public final class OpenRosaTarget implements UploadTarget {

    private final TargetSettings settings;
    private final OpenRosaHttp http;
    private final ServerForms forms;
    private final AttachmentFiles photos;
    private final FormVersions versions;
    /** The batch in flight's answers so far: the uploader sends one batch at a time per target. */
    private final AtomicReference<BatchProgress> inFlight = new AtomicReference<>();

    public OpenRosaTarget(TargetSettings settings, Duration requestTimeout, AttachmentFiles photos, FormVersions versions) {
        this.settings = settings;
        this.photos = photos;
        this.versions = versions;
        this.http = new OpenRosaHttp(settings.server(), requestTimeout);
        this.forms = new ServerForms(http, settings.server());
    }

    @Override
    public TargetKind kind() {
        return TargetKind.OPENROSA;
    }

    /** The instances as JSON ({@link OpenRosaBatch}); nothing is asked of the server yet. */
    @Override
    public String prepare(List<Outgoing> entries) {
        return OpenRosaBatch.of(entries, settings, photos, versions).toJson();
    }

    @Override
    public CompletableFuture<ApiAnswer> send(Batch batch) {
        BatchProgress progress = inFlight.updateAndGet(p -> p != null && p.key().equals(batch.key()) ? p : new BatchProgress(batch.key()));
        return new SubmissionRun(OpenRosaBatch.fromJson(batch.body()), progress, http, forms, settings.server(), photos).start()
                .whenComplete((answer, failure) -> {
                    if (failure == null) inFlight.compareAndSet(progress, null);
                });
    }

    @Override
    public ConnectionCheck check(Collection<String> formIds) {
        Map<String, String> serverIds = new LinkedHashMap<>();
        formIds.forEach(id -> serverIds.put(id, settings.serverFormId(id)));
        return OpenRosaCheck.run(http, settings.server(), serverIds);
    }

    @Override
    public URI address() {
        return settings.server().url();
    }

    @Override
    public String redact(String text) {
        return settings.server().redact(text);
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
