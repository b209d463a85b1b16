package org.lankit.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A small LAN made of two network namespaces, "master" and "phone", joined by a veth pair with
 * addresses in a private /24 (10.231.N.0/24) that no interface of this machine uses. Traffic
 * between them never leaves the pair, and nothing in them can reach this machine's own
 * addresses. Names carry a random id, so runs side by side do not meet. Always close it; a
 * shutdown hook deletes the namespaces too if the JVM ends first. Not thread-safe.
 *
 * <p>The master's address is moved by deleting the old one before adding the new: Linux drops
 * every secondary address of a subnet with its primary, so adding first would lose both.
 */
public final class LanNamespaces implements AutoCloseable {

    private final String id;
    private final String subnet;
    private final Thread cleanupAtExit = new Thread(this::deleteNamespaces, "lan-namespaces-cleanup");
    private String masterAddress;
    private int moves;
    private boolean closed;

    private LanNamespaces(String id, String subnet) {
        this.id = id;
        this.subnet = subnet;
        this.masterAddress = subnet + "1";
    }

    /**
     * Creates the two namespaces and the veth pair, both ends up. Skips the calling test (JUnit
     * assumption) when this machine does not allow it: not root, no {@code ip}, or
     * {@code ip netns add} refused.
     */
    public static LanNamespaces create() {
        HostCommand.Result version = HostCommand.run("ip", "-V");
        assumeTrue(version.succeeded(), "network namespace tests skipped: the ip command (iproute2) is missing");
        HostCommand.Result uid = HostCommand.run("id", "-u");
        assumeTrue(uid.succeeded() && uid.output().strip().equals("0"),
                "network namespace tests skipped: they need root to create namespaces (uid " + uid.output().strip() + ")");

        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        LanNamespaces lan = new LanNamespaces(id, "10.231." + freeThirdOctet() + ".");
        HostCommand.Result added = HostCommand.run("ip", "netns", "add", lan.master());
        assumeTrue(added.succeeded(), "network namespace tests skipped: this machine refused `ip netns add`: " + added.output().strip());
        Runtime.getRuntime().addShutdownHook(lan.cleanupAtExit);
        try {
            lan.wire();
            return lan;
        } catch (RuntimeException e) {
            lan.close();
            throw e;
        }
    }

    private void wire() {
        HostCommand.run("ip", "netns", "add", phone()).orThrow();
        HostCommand.run("ip", "link", "add", masterLink(), "type", "veth", "peer", "name", phoneLink()).orThrow();
        HostCommand.run("ip", "link", "set", masterLink(), "netns", master()).orThrow();
        HostCommand.run("ip", "link", "set", phoneLink(), "netns", phone()).orThrow();
        HostCommand.run("ip", "-n", master(), "addr", "add", masterAddress() + "/24", "dev", masterLink()).orThrow();
        HostCommand.run("ip", "-n", phone(), "addr", "add", phoneAddress() + "/24", "dev", phoneLink()).orThrow();
        for (String ns : List.of(master(), phone())) HostCommand.run("ip", "-n", ns, "link", "set", "lo", "up").orThrow();
        HostCommand.run("ip", "-n", master(), "link", "set", masterLink(), "up").orThrow();
        HostCommand.run("ip", "-n", phone(), "link", "set", phoneLink(), "up").orThrow();
    }

    /** A third octet whose 10.231.N.0/24 no interface of this machine, nor any namespace on it, uses. */
    private static int freeThirdOctet() {
        StringBuilder inUse = new StringBuilder(HostCommand.run("ip", "-o", "addr").output());
        for (String line : HostCommand.run("ip", "netns", "list").output().lines().toList()) {
            String ns = line.split("\\s+")[0];
            if (!ns.isBlank()) inUse.append(HostCommand.run("ip", "-n", ns, "-o", "addr").output());
        }
        Set<Integer> taken = inUse.toString().lines()
                .flatMap(l -> Arrays.stream(l.split("\\s+")))
                .filter(word -> word.startsWith("10.231."))
                .map(word -> Integer.parseInt(word.split("\\.")[2]))
                .collect(Collectors.toSet());
        for (int tries = 0; tries < 1000; tries++) {
            int octet = ThreadLocalRandom.current().nextInt(1, 255);
            if (!taken.contains(octet)) return octet;
        }
        throw new IllegalStateException("every 10.231.N.0/24 is in use on this machine");
    }

    /** The namespace the master runs in. */
    public String master() {
        return "lkt-" + id + "-m";
    }

    /** The namespace the phone runs in. */
    public String phone() {
        return "lkt-" + id + "-p";
    }

    private String masterLink() {
        return "lk" + id + "m";
    }

    private String phoneLink() {
        return "lk" + id + "p";
    }

    /** The master side's address: 10.231.N.1 until {@link #moveMasterAddress()}. */
    public String masterAddress() {
        return masterAddress;
    }

    public String phoneAddress() {
        return subnet + "2";
    }

    /**
     * Moves the master's side to another address in the same /24, as when the master's computer
     * comes back on the WiFi with a new one: the old address is gone, nothing answers there any
     * more. Returns the new address, which {@link #masterAddress()} then tells.
     */
    public String moveMasterAddress() {
        String old = masterAddress;
        masterAddress = subnet + (10 + ++moves);
        HostCommand.run("ip", "-n", master(), "addr", "del", old + "/24", "dev", masterLink()).orThrow();
        HostCommand.run("ip", "-n", master(), "addr", "add", masterAddress + "/24", "dev", masterLink()).orThrow();
        return masterAddress;
    }

    /** {@code command} run inside namespace {@code ns}: the command line to start. */
    public static List<String> inside(String ns, List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(command);
        return all;
    }

    /** Deletes both namespaces (and with them the veth pair). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        deleteNamespaces();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook runs anyway and deleting twice is harmless
        }
    }

    private void deleteNamespaces() {
        HostCommand.run("ip", "netns", "del", master());
        HostCommand.run("ip", "netns", "del", phone());
    }
}
