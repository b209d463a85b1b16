package org.lankit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 written by hand on a socket, for requests no HTTP client would send (bad methods, paths, bytes). */
public final class RawSocket {

    /** What came back: the status (0 when the server closed without a status line) and the raw text. */
    public record Reply(int status, String text) {
        public String body() {
            int split = text.indexOf("\r\n\r\n");
            return split < 0 ? "" : text.substring(split + 4);
        }
    }

    private RawSocket() {
    }

    /**
     * Sends {@code head} (request line and headers, CRLF-separated, without the blank line; a
     * Content-Length for {@code body} and Connection: close are added) and then {@code body},
     * and reads the answer until the server closes, at most 10 s and 1 MB.
     */
    public static Reply send(int port, String head, byte[] body) throws IOException {
        String fullHead = head + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return sendExactly(port, concat(fullHead.getBytes(StandardCharsets.ISO_8859_1), body), false);
    }

    /**
     * As {@link #send}, from the local address {@code from}: 127.0.0.2 to 127.0.0.254 are loopback
     * too, so one test plays many devices, each with its own address as the master sees it.
     */
    public static Reply sendFrom(InetAddress from, int port, String head, byte[] body) throws IOException {
        String fullHead = head + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return sendExactly(from, port, concat(fullHead.getBytes(StandardCharsets.ISO_8859_1), body), false);
    }

    /** Sends the bytes as they are; {@code halfClose} ends the sending side at once (a body cut short). */
    public static Reply sendExactly(int port, byte[] bytes, boolean halfClose) throws IOException {
        return sendExactly(null, port, bytes, halfClose);
    }

    private static Reply sendExactly(InetAddress from, int port, byte[] bytes, boolean halfClose) throws IOException {
        try (Socket s = new Socket()) {
            if (from != null) s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                if (halfClose) s.shutdownOutput();
            } catch (IOException refusedEarly) {
                // the server may answer and close before reading everything (e.g. too large)
            }
            return read(s.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0 && got.size() < 1024 * 1024) got.write(buf, 0, n);
        } catch (SocketTimeoutException | java.net.SocketException stopped) {
            // what arrived so far is the answer
        }
        String text = got.toString(StandardCharsets.UTF_8);
        int status = 0;
        if (text.startsWith("HTTP/1.")) {
            try {
                status = Integer.parseInt(text.substring(9, 12));
            } catch (RuntimeException notAStatus) {
                status = 0;
            }
        }
        return new Reply(status, text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
