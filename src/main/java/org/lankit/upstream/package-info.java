/**
 * The master's uploader to the team's servers (upstream.md, "The contract"): pending
 * entries go up in seq order in batches, each batch persisted before it is sent so that a
 * restart re-sends it with the same Idempotency-Key; retries, backoff, the per-request timeout
 * and the circuit breaker are composed Failsafe policies ({@link org.lankit.upstream.UploadPolicies}).
 * Also the API settings and the coordinator's "Test connection". Photos reach every target through
 * {@link org.lankit.upstream.AttachmentFiles} (names when a batch is prepared, bytes when it is
 * sent); the JSON API sends them ahead of the batch ({@code ApiPhotos}), CouchDB inline
 * ({@code CouchAttachments}), OpenRosa as media parts ({@code MultipartBody}).
 *
 * <p>The OpenRosa target ({@link org.lankit.upstream.OpenRosaTarget}, for ODK Central and
 * KoboToolbox) is made of small parts: {@code XFormInstance} (an entry revision as an instance),
 * {@code OpenRosaBatch} (the prepared body), {@code OpenRosaHttp} and {@code MultipartBody} (the
 * requests), {@code FormList} and {@code ServerForms} (the server's forms and versions),
 * {@code SubmissionRun}, {@code BatchProgress} and {@code SubmissionAnswer} (one try, and what each
 * answer means), {@code OpenRosaCheck} ("Test connection") and {@code Xml}.
 *
 * <p>The CouchDB target ({@link org.lankit.upstream.CouchTarget}) likewise: {@code CouchDocs} (an
 * entry as a document, the {@code _bulk_docs} body), {@code CouchHttp} (requests to the database
 * and what its answers mean), {@code CouchBulkSend} (one try: write, then settle conflicts by
 * fetching and writing again) and {@code CouchConnectionCheck} ("Test connection").
 */
package org.lankit.upstream;
