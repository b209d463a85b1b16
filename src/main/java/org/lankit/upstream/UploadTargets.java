package org.lankit.upstream;

import java.time.Duration;

/** Makes the {@link UploadTarget} for a server's kind. */
final class UploadTargets {

    private UploadTargets() {
    }

    static UploadTarget create(TargetSettings settings, KitRef kit, Duration requestTimeout) {
        return switch (settings.kind()) {
            case JSON -> new JsonApiTarget(settings, kit, new TeamApi(requestTimeout));
            case OPENROSA -> new OpenRosaTarget(settings, requestTimeout);
            case COUCHDB -> new CouchTarget(settings, requestTimeout);
        };
    }
}
