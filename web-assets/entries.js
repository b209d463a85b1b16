// One entry as this phone keeps it, and the pure rules that change it. A record holds the
// master's last known state (`master`) apart from this phone's edits the master has not
// acknowledged yet (`local`), so pulling the master's state never overwrites unsent work.
//
// record = { uuid, formId, formVersion, createdAt, createdBy,
//            master: { fields: {name: {value, hlc, by}}, deleted, seq, conflicts } | null,
//            local: {name: {value, hlc, by, base}}, status: waiting|syncing|synced|failed, error }

import { parseHlc } from './clock.js';
import { answerFields } from './form-tree.js';

const DAY_MS = 86400000;

/** The master's per-entry code for clocks ahead of its time (protocol.md, merge rule 9). */
export const CLOCK_AHEAD = 'clock_ahead';
/** The master's per-entry code for an image answer whose photo it does not hold whole (push.js sends it again). */
export const ATTACHMENT_MISSING = 'attachment_missing';
const isEmpty = (o) => Object.keys(o).length === 0;
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A new entry: every answered field is an edit with an empty base, all with the save's one clock. */
export function newRecord({ uuid, form, values, clock }) {
  const local = {};
  const hlc = clock.now();
  for (const field of answerFields(form)) {
    const value = values[field.name];
    if (value !== null && value !== undefined) {
      local[field.name] = { value, hlc, by: clock.deviceId, base: '' };
    }
  }
  return {
    uuid, formId: form.id, formVersion: form.version, createdAt: clock.physicalNow(),
    createdBy: clock.deviceId, master: null, local, status: 'waiting', error: null,
  };
}

/** The values a person sees: the master's state with this phone's unsent edits on top. */
export function currentValues(record) {
  const values = {};
  for (const [name, v] of Object.entries(record.master?.fields ?? {})) values[name] = v.value;
  for (const [name, v] of Object.entries(record.local)) values[name] = v.value;
  return values;
}

export function isDeleted(record) {
  return record.master?.deleted?.value === true;
}

export function isPending(record) {
  return !isEmpty(record.local) && (record.status === 'waiting' || record.status === 'syncing');
}

/** What the person saw when they opened an entry for editing: each value and its clock. */
export function editSnapshot(record) {
  const hlcs = {};
  for (const [name, v] of Object.entries(record.master?.fields ?? {})) hlcs[name] = v.hlc;
  for (const [name, v] of Object.entries(record.local)) hlcs[name] = v.hlc;
  return { values: currentValues(record), hlcs };
}

/**
 * An edit of an existing entry: only fields changed since `seen` (an {@link editSnapshot}) get
 * a new clock, so a change that arrived while the form was open is not undone. `base` is the
 * clock of the master's value the edit builds on: an unsent edit of the field keeps its base
 * (the master never saw it), otherwise it is the clock of the value the person saw.
 */
export function editRecord(record, form, values, clock, seen = editSnapshot(record)) {
  const local = { ...record.local };
  let hlc = null;
  for (const field of answerFields(form)) {
    const value = values[field.name] ?? null;
    if (same(value, seen.values[field.name])) continue;
    const base = record.local[field.name]?.base ?? seen.hlcs[field.name] ?? '';
    // one save, one clock: the changed fields share it (the compact wire form names it once)
    hlc ??= clock.now();
    local[field.name] = { value, hlc, by: clock.deviceId, base };
  }
  if (hlc === null) return null;
  return { ...record, formVersion: Math.max(record.formVersion, form.version), local, status: 'waiting', error: null };
}

/** The whole entry as it is pushed (v1; api.js sends it compact to a master that reads that):
 * the master's values echoed without base, unsent edits with it. */
export function toWire(record) {
  const fields = {};
  for (const [name, v] of Object.entries(record.master?.fields ?? {})) {
    fields[name] = { value: v.value, hlc: v.hlc, by: v.by };
  }
  for (const [name, v] of Object.entries(record.local)) {
    fields[name] = { value: v.value, hlc: v.hlc, by: v.by, base: v.base };
  }
  // seq is the master's and ignored on push, but its strict JSON reader wants every number present
  const wire = {
    uuid: record.uuid, formId: record.formId, formVersion: record.formVersion, fields,
    createdAt: record.createdAt, createdBy: record.createdBy, seq: 0,
  };
  const deleted = record.master?.deleted;
  if (deleted) wire.deleted = { value: deleted.value, hlc: deleted.hlc, by: deleted.by };
  return wire;
}

/** Which edit (by clock) of each field went out in a push, to match the answer against. */
export function sentClocks(record) {
  const sent = {};
  for (const [name, v] of Object.entries(record.local)) sent[name] = v.hlc;
  return sent;
}

/** The master's answer for one pushed entry. Edits made while the push was under way stay unsent. */
export function applyResult(record, result, sent) {
  if (result.status === 'rejected') {
    // a clock ahead of the master's is this phone's to fix: push.js re-stamps the edits and sends them again
    const retry = result.error === CLOCK_AHEAD || Object.entries(record.local).some(([name, v]) => sent[name] !== v.hlc);
    return { ...record, status: retry ? 'waiting' : 'failed', error: retry ? null : (result.detail || result.error || 'rejected') };
  }
  const fields = { ...(record.master?.fields ?? {}) };
  const local = {};
  for (const [name, v] of Object.entries(record.local)) {
    if (sent[name] === v.hlc) {
      fields[name] = { value: v.value, hlc: v.hlc, by: v.by };
    } else {
      // the master now holds the edit that was sent, so a newer edit builds on that one
      local[name] = sent[name] ? { ...v, base: sent[name] } : v;
    }
  }
  const master = { conflicts: [], ...(record.master ?? {}), fields, seq: result.seq ?? record.master?.seq ?? 0 };
  return { ...record, master, local, status: isEmpty(local) ? 'synced' : 'waiting', error: null };
}

/**
 * The master's latest state of an entry from the changes feed. Unsent edits stay; one the
 * master already holds (its push committed but the answer was lost) counts as acknowledged.
 */
export function applyPulled(record, entry) {
  const start = record ?? {
    uuid: entry.uuid, formId: entry.formId, formVersion: entry.formVersion, createdAt: entry.createdAt,
    createdBy: entry.createdBy, master: null, local: {}, status: 'synced', error: null,
  };
  const master = {
    fields: entry.fields ?? {}, deleted: entry.deleted ?? null, seq: entry.seq ?? 0, conflicts: entry.conflicts ?? [],
  };
  const local = {};
  for (const [name, v] of Object.entries(start.local)) {
    if (master.fields[name]?.hlc !== v.hlc) local[name] = v;
  }
  const status = isEmpty(local) ? 'synced' : start.status;
  return {
    ...start, formVersion: Math.max(start.formVersion, entry.formVersion ?? 0), master, local, status,
    error: status === 'synced' ? null : start.error,
  };
}

/**
 * The team's retention: whether this phone may drop its copy of an entry. Only a copy holding
 * nothing of this phone's alone may go (no edit waiting, being sent or refused, no open conflict)
 * that nobody changed for `days` (its newest clock is older than `nowMs` minus the days). The
 * master still holds it; if it changes there, the changes feed brings it back.
 */
export function mayDropCopy(record, nowMs, days) {
  if (!(days >= 1) || !record.master || record.status !== 'synced' || !isEmpty(record.local)) return false;
  if ((record.master.conflicts ?? []).length > 0) return false;
  const clocks = Object.values(record.master.fields ?? {}).map((v) => v.hlc);
  if (record.master.deleted) clocks.push(record.master.deleted.hlc);
  const newest = parseHlc(clocks.reduce((a, b) => (b > a ? b : a), ''));
  return newest !== null && newest.wall < nowMs - days * DAY_MS;
}

/** Drops the edits the master refused, back to its state (e.g. a change it did not allow). */
export function discardLocal(record) {
  if (isEmpty(record.local)) return null;
  return { ...record, local: {}, status: record.master ? 'synced' : 'waiting', error: null };
}

/**
 * New clocks for the unsent edits: after pairing again under a new device id (they become this
 * device's edits, and an entry the master never stored becomes this device's creation), and after
 * the master refused them as stamped ahead of its time. Each new clock is later than the edit's
 * base, so the master takes it as an edit of the value it holds; the creation time never stays
 * ahead of the master's time. The same rule as the laptops' (LocalEdits.restamp).
 */
export function restamp(record, clock) {
  if (isEmpty(record.local)) return null;
  for (const v of Object.values(record.local)) {
    if (v.base) clock.observe(v.base);
  }
  // later than every base, and one clock for all, as a save makes
  const hlc = clock.now();
  const local = {};
  for (const [name, v] of Object.entries(record.local)) local[name] = { ...v, hlc, by: clock.deviceId };
  const createdAt = Math.min(record.createdAt, clock.physicalNow());
  const createdBy = record.master ? record.createdBy : clock.deviceId;
  return { ...record, createdAt, createdBy, local, status: 'waiting', error: null };
}
