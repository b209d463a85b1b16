package org.lankit.ui;

import java.util.List;
import java.util.Map;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.ConnectionCheck;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;
import org.lankit.upstream.Uploader;

/** The settings screen's view of the master's real uploader (until Uploads: one JSON server, {@code main}). */
final class UploaderLink implements ApiLink {

    private final Uploader uploader;

    UploaderLink(Uploader uploader) {
        this.uploader = uploader;
    }

    @Override
    public UpstreamStatus status() {
        return uploader.status().toProtocol();
    }

    @Override
    public Map<String, UpstreamStatus> statuses() {
        return uploader.target().isPresent() ? Map.of(TargetSettings.MAIN, status()) : Map.of();
    }

    @Override
    public List<TargetSettings> targets() {
        return uploader.target().map(t -> new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, t, Map.of())).stream().toList();
    }

    @Override
    public ConnectionCheck test(TargetSettings target) {
        if (target.kind() != TargetKind.JSON) {
            return new ConnectionCheck(ConnectionCheck.Outcome.BAD_ADDRESS, 0, "This Lankit cannot send to " + target.kind().wireName()
                    + " servers yet.");
        }
        return uploader.testConnection(target.server().url().toString(), target.server().token());
    }

    @Override
    public void save(List<TargetSettings> targets) {
        if (targets.size() > 1 || targets.stream().anyMatch(t -> t.kind() != TargetKind.JSON)) {
            throw new IllegalArgumentException("this Lankit can send to one JSON API only");
        }
        if (targets.isEmpty()) {
            uploader.configure(null, null);
        } else {
            uploader.configure(targets.get(0).server().url().toString(), targets.get(0).server().token());
        }
    }

    @Override
    public int retryFailed() {
        return uploader.retryFailed();
    }
}
