package org.lankit.backup;

import java.util.List;

/**
 * The table of contents of a backup, written last into the zip: what made it, what it counts,
 * and the SHA-256 of every other member, so an import can prove the file whole before it changes
 * anything. {@code masterDeviceId} and {@code lastSeq} describe the master it came from (null and
 * 0 for a folder that never ran as master).
 */
public record Manifest(String format, int formatVersion, String appVersion, String createdAt, String team,
                       String masterDeviceId, long lastSeq, Counts counts, List<Member> members) {

    public Manifest {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** How many of each thing the backup holds; {@code conflicts} counts open conflicts. */
    public record Counts(long forms, long entries, long conflicts, long devices, long audit) {
    }

    /** One file in the zip: its name, its size and SHA-256 (hex) before compression. */
    public record Member(String name, long bytes, String sha256) {
    }
}
