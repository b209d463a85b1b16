// One push of this phone's pending entries, in batches, shared by the sync loop, the service
// worker's background sync and the move to the secure page. Pushing is idempotent: the same uuid
// with the same clocks is a "duplicate" to the master, so two pushes of one entry store it once.
// The photos a batch names go first (upload.js).

import { ApiError } from './api.js';
import { ATTACHMENT_MISSING, CLOCK_AHEAD, applyResult, isPending, restamp, sentClocks, toWire } from './entries.js';
import { finishedAttachments, sendAttachments, unsentNames } from './upload.js';

/** The service worker's Background Sync tag for pushing waiting entries. */
export const BACKGROUND_PUSH = 'lankit-push';

// the master takes up to 500 entries and 4 MB a push; a batch stays well under both
const PUSH_BATCH = 500;
const PUSH_BYTES = 2 * 1024 * 1024;
const MAX_ROUNDS = 1000;
const utf8 = new TextEncoder();

/** Entries wait for photos the master did not hold whole; the next try sends the photos again. */
export class PhotosMissing extends Error {}

/**
 * Pushes pending entries, oldest first, until none is left or `keepGoing()` says stop (checked
 * before each batch). Each answer is applied in one transaction with `metaValues()` (e.g. the
 * clock). A batch the master refused as a whole marks its entries failed; any other error leaves
 * them waiting and is thrown. Entries refused as stamped ahead of the master's time are re-stamped
 * with `clock` (which followed the answer's time) and sent again; without a clock (the service
 * worker) they wait for the page. Entries the master refused for a missing photo wait too: this
 * push ends with {@link PhotosMissing}, so the caller tries again later, photos first. Photos the
 * master holds whole and no unsent edit needs are then let go.
 */
export async function pushPending({ store, api, clock = null, metaValues = () => ({}), keepGoing = () => true }) {
  const awaitingPhotos = new Set();
  await pushRounds({ store, api, clock, metaValues, keepGoing, awaitingPhotos });
  await store.dropAttachments(finishedAttachments, (a) => a.sent);
  if (awaitingPhotos.size > 0) {
    throw new PhotosMissing(`${awaitingPhotos.size} entries wait for their photos to reach the master`);
  }
}

async function pushRounds({ store, api, clock, metaValues, keepGoing, awaitingPhotos }) {
  let outbox = [];
  for (let round = 0; round < MAX_ROUNDS && keepGoing(); round++) {
    // the outbox is read once and sent in batches; read again once sent, for entries saved meanwhile
    if (outbox.length === 0) {
      outbox = (await store.entriesWithStatus('waiting', 'syncing'))
        .filter((r) => isPending(r) && !awaitingPhotos.has(r.uuid))
        .sort((a, b) => a.createdAt - b.createdAt);
    }
    if (outbox.length === 0) return;
    const picked = nextBatch(outbox);
    outbox = outbox.slice(picked.length);
    await sendAttachments({ store, api, records: picked, keepGoing });
    // marked as they are now: the outbox may have been read before an edit of one of them
    const batch = [];
    await store.updateAll(picked.map((r) => r.uuid), (r) => {
      if (!r || !isPending(r)) return null;
      batch.push({ ...r, status: 'syncing' });
      return batch.at(-1);
    });
    if (batch.length === 0) continue;
    const keys = batch.map((r) => r.uuid);
    const sent = new Map(batch.map((r) => [r.uuid, sentClocks(r)]));
    let answer;
    try {
      answer = await api.push(batch.map(toWire));
    } catch (e) {
      const refusedBatch = e instanceof ApiError && isRefusal(e);
      await store.updateAll(keys, (r) => r?.status === 'syncing' &&
        (refusedBatch ? { ...r, status: 'failed', error: e.detail || e.error } : { ...r, status: 'waiting' }));
      if (refusedBatch) continue;
      throw e;
    }
    const results = new Map(answer.results.filter((x) => x?.uuid).map((x) => [x.uuid, x]));
    const lostPhotos = await missingPhotos(store, batch.filter((r) => results.get(r.uuid)?.error === ATTACHMENT_MISSING));
    await store.updateAll(keys, (r, uuid) => {
      if (!r) return null;
      const result = results.get(uuid);
      if (result?.error === ATTACHMENT_MISSING) {
        awaitingPhotos.add(uuid);
        const lost = lostPhotos.get(uuid);
        return lost ? { ...r, status: 'failed', error: lost } : { ...r, status: 'waiting' };
      }
      if (result) return applyResult(r, result, sent.get(uuid));
      return r.status === 'syncing' ? { ...r, status: 'waiting' } : null;
    }, metaValues);
    const ahead = answer.results.filter((x) => x?.error === CLOCK_AHEAD).map((x) => x.uuid);
    if (ahead.length === 0) continue;
    if (!clock) return;
    clock.dropFuture();
    await store.updateAll(ahead, (r) => r && restamp(r, clock), metaValues);
    outbox = []; // re-stamped: read them again
  }
}

/**
 * For entries refused as naming a photo the master lacks: the photos are asked about again on the
 * next try (`sent` off). Resolves to why, by uuid, an entry can never go (its photo is gone from
 * this phone or the master refused it).
 */
async function missingPhotos(store, records) {
  const lost = new Map();
  if (records.length === 0) return lost;
  const names = [...unsentNames(records)];
  const held = new Map((await store.attachmentsNamed(names)).map((a) => [a.name, a]));
  await store.updateAttachments(names, (a) => a.sent && { ...a, sent: false });
  for (const record of records) {
    for (const name of unsentNames([record])) {
      const attachment = held.get(name);
      if (!attachment) lost.set(record.uuid, `The photo ${name} is no longer on this phone, so the coordinator's laptop cannot take this entry`);
      else if (attachment.refused) lost.set(record.uuid, `The coordinator's laptop refused the photo ${name}: ${attachment.refused}`);
    }
  }
  return lost;
}

/** The oldest entries of `outbox` that fit one push (at least one). */
function nextBatch(outbox) {
  let bytes = 0;
  let count = 0;
  while (count < Math.min(outbox.length, PUSH_BATCH)) {
    bytes += utf8.encode(JSON.stringify(toWire(outbox[count]))).length + 1;
    if (count > 0 && bytes > PUSH_BYTES) break;
    count++;
  }
  return outbox.slice(0, count);
}

/**
 * Whether the master refused the batch itself (its content is wrong), as opposed to not taking
 * it now: not approved yet, too many requests, or a body cut short by the WiFi. Only a refusal
 * marks entries failed; the rest keep them waiting for the next try (5xx never get here: the
 * API treats them as "master not ready").
 */
function isRefusal(error) {
  return ![401, 403, 408, 429].includes(error.status) && error.error !== 'incomplete_request';
}
