// The second receipt: where an entry stands, from the phone's record and the master's receipts.
// The same rule as the laptops' (org.lankit.peer.EntryMark), both checked against
// src/test/resources/vectors/receipts.json.

/** Each mark's glyph and the key of its words (words.js); the words are what a screen reader says. */
export const MARKS = {
  waiting: { glyph: '', words: 'receipt.waiting' },
  failed: { glyph: '', words: 'receipt.failed' },
  on_master: { glyph: '✓', words: 'receipt.onMaster' },
  on_server: { glyph: '✓✓', words: 'receipt.onServer' },
};

/**
 * The receipts in the master's /status `upstream` object: { through, refused: Set }, or null when
 * the master does not say (an older one, or no upstream object): entries then show ✓ at most.
 */
export function receiptsOf(upstream) {
  if (!upstream || !Number.isFinite(upstream.through)) return null;
  const refused = Array.isArray(upstream.refused) ? upstream.refused : [];
  return { through: upstream.through, refused: new Set(refused) };
}

/**
 * `entry`: { uuid, seq (the master's seq of the revision held, 0 when never learnt), pending
 * (an edit the master has not acknowledged), refused (the master refused this device's edit) }.
 * Returns waiting, failed, on_master or on_server.
 */
export function entryMark(entry, receipts) {
  if (entry.refused) return 'failed';
  if (entry.pending) return 'waiting';
  const held = receipts && entry.seq > 0 && entry.seq <= receipts.through && !receipts.refused.has(entry.uuid);
  return held ? 'on_server' : 'on_master';
}

/** The mark of one of the phone's records (entries.js): an entry the master never stored waits. */
export function markOf(record, receipts) {
  return entryMark({
    uuid: record.uuid,
    seq: record.master?.seq ?? 0,
    pending: !record.master || Object.keys(record.local).length > 0,
    refused: record.status === 'failed',
  }, receipts);
}
