package org.lankit.upstream;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK HTTP client a target talks to its server with: HTTP/1.1, no redirects followed (a moved
 * server is told to the coordinator), the default trust store and host-name checks. Made on first
 * use: building one loads the TLS trust store, which a master that never uploads should not pay
 * for at start. Thread-safe.
 */
final class ServerHttp {

    private final Duration connectTimeout;
    private HttpClient client;

    ServerHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
