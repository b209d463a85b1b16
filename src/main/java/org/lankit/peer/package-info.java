/**
 * A client laptop's side of sync: the wire-protocol client for a master and the sync loop that
 * pushes local edits, pulls the changes feed from a checkpoint and listens on the live socket.
 */
package org.lankit.peer;
