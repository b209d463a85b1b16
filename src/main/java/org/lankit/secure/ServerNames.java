package org.lankit.secure;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names a server certificate must carry for phones to accept it: the master's IP addresses as
 * phones reach them (the QR code shows one), and its {@code .local} name.
 */
public record ServerNames(SortedSet<String> addresses, String localName) {

    public ServerNames {
        if (addresses.isEmpty()) throw new IllegalArgumentException("a server certificate needs at least one address");
        addresses = new TreeSet<>(addresses);
    }

    public static ServerNames of(Set<String> addresses, String hostName) {
        return new ServerNames(new TreeSet<>(addresses), localName(hostName));
    }

    /** The computer's name as an mDNS name: "Amina's Laptop" becomes "amina-s-laptop.local". */
    static String localName(String hostName) {
        String label = hostName == null ? "" : hostName.split("\\.")[0].toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (label.length() > 63) label = label.substring(0, 63).replaceAll("-+$", "");
        return (label.isEmpty() ? "lankit" : label) + ".local";
    }
}
