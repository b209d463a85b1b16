package org.lankit.ui;

import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * The kinds of team server in the coordinator's words. ODK Central and KoboToolbox both speak
 * OpenRosa; they differ in where their address comes from and how they sign in.
 */
enum ServerChoice {
    CENTRAL("ODK Central", TargetKind.OPENROSA, Credentials.IN_ADDRESS,
            "The app user's address from Central, like https://central.example.org/v1/key/…/projects/1"),
    KOBO("KoboToolbox", TargetKind.OPENROSA, Credentials.TOKEN_OR_USER,
            "Your KoboToolbox server and user name, like https://kc.kobotoolbox.org/<username>"),
    COUCHDB("CouchDB", TargetKind.COUCHDB, Credentials.USER,
            "The database's address, like https://couch.example.org/lankit"),
    JSON("Other (JSON API)", TargetKind.JSON, Credentials.TOKEN,
            "For example https://data.example.org/lankit");

    /** Which sign-in fields the screen shows. */
    enum Credentials {
        /** The token is part of the address (Central's app user). */
        IN_ADDRESS,
        /** A token, or a user name and password. */
        TOKEN_OR_USER,
        USER,
        TOKEN
    }

    private final String words;
    private final TargetKind kind;
    private final Credentials credentials;
    private final String addressHint;

    ServerChoice(String words, TargetKind kind, Credentials credentials, String addressHint) {
        this.words = words;
        this.kind = kind;
        this.credentials = credentials;
        this.addressHint = addressHint;
    }

    TargetKind kind() {
        return kind;
    }

    Credentials credentials() {
        return credentials;
    }

    String addressHint() {
        return addressHint;
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

    @Override
    public String toString() {
        return words;
    }
}
