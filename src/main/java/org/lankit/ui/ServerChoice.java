package org.lankit.ui;

import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The kinds of team server in the coordinator's words. ODK Central and KoboToolbox both speak
 * OpenRosa; they differ in where their address comes from and how they sign in.
 */
enum ServerChoice {
    CENTRAL(TargetKind.OPENROSA, Credentials.IN_ADDRESS),
    KOBO(TargetKind.OPENROSA, Credentials.TOKEN_OR_USER),
    COUCHDB(TargetKind.COUCHDB, Credentials.USER),
    JSON(TargetKind.JSON, Credentials.TOKEN);

    /** Which sign-in fields the screen shows. */
    enum Credentials {
        /** The token is part of the address (Central's app user). */
        IN_ADDRESS,
        /** A token, or a user name and password. */
        TOKEN_OR_USER,
        USER,
        TOKEN
    }

    private final TargetKind kind;
    private final Credentials credentials;

    ServerChoice(TargetKind kind, Credentials credentials) {
        this.kind = kind;
        this.credentials = credentials;
    }

    TargetKind kind() {
        return kind;
    }

    Credentials credentials() {
        return credentials;
    }

    String addressHint() {
        return switch (this) {
            case CENTRAL -> Text.get("server.central.hint", "https://central.example.org/v1/key/…/projects/1");
            case KOBO -> Text.get("server.kobo.hint", "https://kc.kobotoolbox.org/<username>");
            case COUCHDB -> Text.get("server.couchdb.hint", "https://couch.example.org/lankit");
            case JSON -> Text.get("server.json.hint", "https://data.example.org/lankit");
        };
    }

    boolean showsToken() {
        return switch (credentials) {
            case TOKEN, TOKEN_OR_USER -> true;
            case IN_ADDRESS, USER -> false;
        };
    }

    boolean showsUser() {
        return switch (credentials) {
            case USER, TOKEN_OR_USER -> true;
            case IN_ADDRESS, TOKEN -> false;
        };
    }

    /** What to show back for stored settings: an OpenRosa address with Central's {@code /v1/key/} is Central. */
    static ServerChoice of(TargetSettings target) {
        return switch (target.kind()) {
            case JSON -> JSON;
            case COUCHDB -> COUCHDB;
            case OPENROSA -> target.server().url().getPath().contains("/v1/key/") ? CENTRAL : KOBO;
        };
    }

    /** The name in the list; the names of products stay as they are. */
    @Override
    public String toString() {
        return switch (this) {
            case CENTRAL -> "ODK Central";
            case KOBO -> "KoboToolbox";
            case COUCHDB -> "CouchDB";
            case JSON -> Text.get("server.json");
        };
    }
}
