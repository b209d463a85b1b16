package org.lankit.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.ConnectionCheck;
import org.lankit.upstream.TargetSettings;
import org.lankit.upstream.Uploads;

/** The settings screen's view of the master's real uploads. */
final class UploaderLink implements ApiLink {

    private final Uploads uploads;

    UploaderLink(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public UpstreamStatus status() {
        return uploads.status().toProtocol();
    }

    @Override
    public Map<String, UpstreamStatus> statuses() {
        Map<String, UpstreamStatus> each = new LinkedHashMap<>();
        uploads.statuses().forEach((id, status) -> each.put(id, status.toProtocol()));
        return each;
    }

    @Override
    public List<TargetSettings> targets() {
        return uploads.targets();
    }

    @Override
    public ConnectionCheck test(TargetSettings target) {
        return uploads.testConnection(target);
    }

    @Override
    public void save(List<TargetSettings> targets) {
        uploads.configure(targets);
    }

    @Override
    public int retryFailed() {
        return uploads.retryFailed();
    }
}
