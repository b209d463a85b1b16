package org.lankit.upstream;

/** Who is uploading: the {@code kit} part of every batch. */
public record KitRef(String deviceId, String name) {
}
