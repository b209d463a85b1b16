package org.lankit.app;

/** What this laptop is in the team. */
public enum Role {
    /** Starts the team: serves phones and clients, holds the authoritative copy, uploads to the API. */
    MASTER,
    /** Joins a master and syncs with it. */
    CLIENT
}
