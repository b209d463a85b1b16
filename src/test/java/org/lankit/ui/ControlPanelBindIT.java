package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator starts the jar's window with --bind: the master listens on that address only, like headless. */
class ControlPanelBindIT {

    private static final Pattern SERVING = Pattern.compile("serving on port (\\d+) and securely on (\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void the_window_listens_only_on_the_bound_address() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (run under xvfb-run)");
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net/tcp");
        Path jar = Path.of(System.getProperty("lankit.jar", "target/lankit.jar"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString(), "--role", "master", "--bind", "127.0.0.1", "--port", "0", "--https-port", "0",
                "--data-dir", dataDir.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            Matcher serving = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (System.nanoTime() < deadline && (line = log.readLine()) != null) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    serving = m;
                    break;
                }
            }
            assertThat(serving).as("the window started a master").isNotNull();

            List<String> listening = listeningOn(Integer.parseInt(serving.group(1)));
            listening.addAll(listeningOn(Integer.parseInt(serving.group(2))));
            assertThat(listening).as("listening sockets of both ports").hasSize(2).containsOnly("127.0.0.1");
            for (int port : new int[] {Integer.parseInt(serving.group(1)), Integer.parseInt(serving.group(2))}) {
                // all of 127/8 is this machine: a window listening on every address would answer here
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.2", port), 5_000);
                    }
                }).as("port " + port + " on 127.0.0.2").isInstanceOf(ConnectException.class);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    /** The local addresses of the sockets listening on {@code port} ("0.0.0.0" or an IPv6 one for every adapter). */
    private static List<String> listeningOn(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String row : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] cols = row.trim().split("\\s+");
            String[] local = cols[1].split(":");
            if (local.length == 2 && local[1].equals(hexPort) && cols[3].equals("0A")) addresses.add(ipv4(local[0]));
        }
        for (String row : Files.readAllLines(Path.of("/proc/net/tcp6"))) {
            String[] cols = row.trim().split("\\s+");
            String[] local = cols[1].split(":");
            if (local.length != 2 || !local[1].equals(hexPort) || !cols[3].equals("0A")) continue;
            // Java listens on IPv4 addresses through IPv4-mapped IPv6 sockets (::ffff:a.b.c.d)
            boolean mapped = local[0].startsWith("0000000000000000FFFF0000");
            addresses.add(mapped ? ipv4(local[0].substring(24)) : "IPv6 " + local[0]);
        }
        return addresses;
    }

    /** /proc/net/tcp writes the address as little-endian hex. */
    private static String ipv4(String hex) {
        long v = Long.parseLong(hex, 16);
        return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
}
