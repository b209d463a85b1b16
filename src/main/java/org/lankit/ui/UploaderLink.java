package org.lankit.ui;

import java.io.IOException;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.ConnectionCheck;
import org.lankit.upstream.Uploader;

/** The settings screen's view of the master's real uploader. */
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
    public String testConnection(String url, String token) throws IOException {
        ConnectionCheck check = uploader.testConnection(url, token.isEmpty() ? null : token);
        if (!check.isOk()) throw new IOException(check.message());
        return check.message();
    }

    @Override
    public void save(String url, String token) {
        uploader.configure(url, token.isEmpty() ? null : token);
    }

    @Override
    public int retryFailed() {
        return uploader.retryFailed();
    }
}
