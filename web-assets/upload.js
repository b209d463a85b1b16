// Photos travel ahead of the entries that name them (protocol.md, "Attachments"), in chunks the
// master acknowledges once they are on its disk. A cut costs at most the chunk under way: the
// next try asks the master how much it holds from this phone and goes on from there.
//
// A photo waiting on this phone (db.js, store "attachments"):
//   { name, blob, size, createdAt, sent /* the master said complete */, refused /* its words, or null */ }
// It stays until the master holds it whole and no unsent edit names it any more (the entry was
// accepted, or the photo replaced); then the phone lets it go.

import { ApiError } from './api.js';

export const CHUNK_BYTES = 256 * 1024;
/** AttachmentName's rule: 32 hex digits the phone drew, then the kind of image. */
const ATTACHMENT_NAME = /^[0-9a-f]{32}\.(jpg|png)$/;

/** The attachment names inside an answer (an image answer, or image answers in repeat rows). */
function collectNames(value, into) {
  if (typeof value === 'string') {
    if (ATTACHMENT_NAME.test(value)) into.add(value);
  } else if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) collectNames(inner, into);
  }
  return into;
}

/** The photos the unsent edits of `records` name (entries.js: `local`). */
export function unsentNames(records) {
  const names = new Set();
  for (const record of records) {
    for (const edit of Object.values(record?.local ?? {})) collectNames(edit.value, names);
  }
  return names;
}

/** The photos `records` name anywhere: the master's values and the unsent edits. */
export function namedPhotos(records) {
  const names = unsentNames(records);
  for (const record of records) {
    for (const field of Object.values(record?.master?.fields ?? {})) collectNames(field?.value, names);
  }
  return names;
}

/** For db.js's dropAttachments: the photos the master holds whole that no unsent edit needs. */
export function finishedAttachments(attachments, records) {
  const needed = unsentNames(records);
  return attachments.filter((a) => a.sent && !needed.has(a.name)).map((a) => a.name);
}

/**
 * Sends the photos that `records` name and the master does not hold yet, one after the other.
 * Throws what stops them all (the master out of reach, busy, or this phone unpaired); a photo the
 * master will never take is marked `refused` instead.
 */
export async function sendAttachments({ store, api, records, keepGoing = () => true }) {
  const waiting = (await store.attachmentsNamed([...unsentNames(records)])).filter((a) => !a.sent && !a.refused);
  for (const attachment of waiting) {
    if (!keepGoing()) return;
    const outcome = await sendOne(api, attachment, keepGoing);
    if (outcome) await store.updateAttachments([attachment.name], (a) => ({ ...a, ...outcome }));
  }
}

/** Resumes from what the master holds; resolves to what changed in the record (null: not finished). */
async function sendOne(api, { name, blob }, keepGoing) {
  const size = blob.size;
  // each chunk moves `received` forward; a few more for answers lost on the way
  const maxCalls = Math.ceil(size / CHUNK_BYTES) + 8;
  try {
    let { received, complete } = await api.attachmentUpload(name);
    for (let call = 0; call < maxCalls && !complete && keepGoing(); call++) {
      try {
        ({ received, complete } = await api.attachmentChunk(name, received, size, blob.slice(received, received + CHUNK_BYTES)));
      } catch (e) {
        // the master holds another count than this phone thought (an answer lost): go on from its count
        if (!(e instanceof ApiError && e.error === 'offset_mismatch' && Number.isInteger(e.body?.received))) throw e;
        received = e.body.received;
      }
    }
    return complete ? { sent: true } : null;
  } catch (e) {
    if (e instanceof ApiError && isRefusal(e)) return { refused: e.detail || e.error };
    throw e;
  }
}

/** The master will never take this photo (a name or size it refuses); anything else is worth another try. */
function isRefusal(error) {
  return error.status === 400 || error.status === 413;
}
