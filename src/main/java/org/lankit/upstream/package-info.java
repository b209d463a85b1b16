/**
 * The master's uploader to the team's internet API (DESIGN.md, upstream contract): pending
 * entries go up in seq order in batches, each batch persisted before it is sent so that a
 * restart re-sends it with the same Idempotency-Key; retries, backoff, the per-request timeout
 * and the circuit breaker are composed Failsafe policies ({@link org.lankit.upstream.UploadPolicies}).
 * Also the API settings and the coordinator's "Test connection".
 */
package org.lankit.upstream;
