package org.lankit.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.ConnectionCheck;
import org.lankit.upstream.TargetKind;
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
    public String testConnection(String url, String token) throws IOException {
        ConnectionCheck check;
        try {
            check = uploads.testConnection(jsonApi(url, token));
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot test: " + e.getMessage() + ".");
        }
        if (!check.isOk()) throw new IOException(check.message());
        return check.message();
    }

    @Override
    public void save(String url, String token) {
        uploads.configure(url == null || url.isBlank() ? List.of() : List.of(jsonApi(url, token)));
    }

    @Override
    public int retryFailed() {
        return uploads.retryFailed();
    }

    private static TargetSettings jsonApi(String url, String token) {
        ApiTarget server = ApiTarget.of(url, token.isEmpty() ? null : token)
                .orElseThrow(() -> new IllegalArgumentException("the API address is empty"));
        return new TargetSettings(TargetSettings.MAIN, TargetKind.JSON, server, Map.of());
    }
}
