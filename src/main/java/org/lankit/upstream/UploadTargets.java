package org.lankit.upstream;

import java.time.Duration;

/** Makes the {@link UploadTarget} for a server's kind, sending the photos {@code photos} holds with the entries. */
final class UploadTargets {

    private UploadTargets() {
    }

    static UploadTarget create(TargetSettings settings, KitRef kit, Duration requestTimeout, AttachmentFiles photos,
                               FormVersions forms) {
        return switch (settings.kind()) {
            case JSON -> new JsonApiTarget(settings, kit, new TeamApi(requestTimeout), photos);
            case OPENROSA -> new OpenRosaTarget(settings, requestTimeout, photos, forms);
            case COUCHDB -> new CouchTarget(settings, requestTimeout, photos);
        };
    }
}
