/**
 * A client laptop's side of sync: the wire-protocol client for a master and the sync loop that
 * pushes local edits, pulls the changes feed from a checkpoint, listens on the live socket and
 * applies the team's retention to this laptop's copies ({@link org.lankit.peer.LaptopRetention});
 * and the rule for an entry's mark, ✓ on the master or ✓✓ on the team's server
 * ({@link org.lankit.peer.EntryMark}, from the master's {@link org.lankit.peer.Receipts}), shared with the phone.
 * For a take-over: the sealed copy of the master's succession bundle, the epoch the laptop follows,
 * the entries a promoted laptop makes the master's, and a replaced master's hand-over.
 */
package org.lankit.peer;
