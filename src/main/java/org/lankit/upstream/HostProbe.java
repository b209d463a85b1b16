package org.lankit.upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether the API's host takes a TCP connection: the cheap sign that connectivity is back. */
final class HostProbe {

    private HostProbe() {
    }

    static boolean answers(ApiTarget target, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.url().getHost(), target.portOrDefault()), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
