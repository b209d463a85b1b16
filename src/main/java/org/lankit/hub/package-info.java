/**
 * The master's hub: one Javalin server with the route table in {@link org.lankit.hub.Hub}, thin
 * *Routes handlers (the wire protocol's sync, info and photo routes), access checks (local network, device tokens, rate limits), the live socket,
 * the push service that validates, merges and commits batches, and the take-over (the succession
 * bundle for laptops, a former master's hand-over, refusing writes once replaced). Errors become JSON in
 * {@link org.lankit.hub.ErrorMapper} only.
 */
package org.lankit.hub;
