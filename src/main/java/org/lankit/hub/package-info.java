/**
 * The master's hub: one Javalin server with the route table in {@link org.lankit.hub.Hub}, thin
 * *Routes handlers (the wire protocol's sync, info and photo routes), access checks (local network, device tokens, rate limits), the live socket,
 * and the push service that validates, merges and commits batches. Errors become JSON in
 * {@link org.lankit.hub.ErrorMapper} only.
 */
package org.lankit.hub;
