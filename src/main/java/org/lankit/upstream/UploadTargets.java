package org.lankit.upstream;

import java.time.Duration;

/** Makes the {@link UploadTarget} for a server's kind. */
final class UploadTargets {

    private UploadTargets() {
    }

    static UploadTarget create(TargetSettings settings, KitRef kit, Duration requestTimeout) {
        return switch (settings.kind()) {
            case JSON -> new JsonApiTarget(settings, kit, new TeamApi(requestTimeout));
            case OPENROSA -> throw new IllegalArgumentException("this Lankit cannot upload to " + settings.kind().wireName() + " yet");
            case COUCHDB -> new CouchTarget(settings, requestTimeout);
        };
    }
}
