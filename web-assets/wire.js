// The two JSON forms of an entry on the wire (protocol.md). v1: every field an object
// {value, hlc, by, base}. v2, the compact form: the entry names the clock most fields carry
// (`clock`), every value (`values`), only the clocks that differ (`clocks`) and the bases of the
// fields a push edits (`bases`); `by` is left out, as it is the device id inside each clock.
// The phone keeps entries as v1 (entries.js); this module reads what the master sends, in either
// form, and writes what the phone pushes. The master's codec passes the same vectors
// (src/test/resources/vectors/entry-wire.json).

/** Where the device id starts in a clock: `<13 digits>-<6 digits>-<device>`. */
const DEVICE_AT = 21;
const COMPACT_KEYS = ['clock', 'values', 'clocks', 'bases'];

/** An entry whose parts do not hang together; the message names the part, as the master does. */
export class WireError extends Error {}

/** The device id inside a clock, or null when it has none. */
export function deviceOf(hlc) {
  if (typeof hlc !== 'string' || hlc.length <= DEVICE_AT || hlc[DEVICE_AT - 8] !== '-' || hlc[DEVICE_AT - 1] !== '-') return null;
  return hlc.slice(DEVICE_AT);
}

/** An entry from the master, in either form, as v1 with every `by`. Properties it does not know are ignored. */
export function fromWire(entry) {
  if (!isObject(entry)) throw new WireError('an entry must be an object');
  const compact = COMPACT_KEYS.some((key) => entry[key] != null);
  if (compact && entry.fields != null) throw new WireError('an entry holds either fields (v1) or values (v2), not both');
  const out = {};
  if (entry.uuid != null) out.uuid = entry.uuid;
  if (entry.formId != null) out.formId = entry.formId;
  out.formVersion = entry.formVersion ?? 0;
  out.fields = compact ? compactFields(entry) : v1Fields(entry.fields);
  if (entry.deleted != null) out.deleted = fieldValue(entry.deleted, 'deleted');
  out.createdAt = entry.createdAt ?? 0;
  if (entry.createdBy != null) out.createdBy = entry.createdBy;
  out.seq = entry.seq ?? 0;
  out.conflicts = (entry.conflicts ?? []).map((c, i) => {
    const hlc = c.hlc ?? null;
    return { field: c.field ?? null, value: c.value ?? null, hlc, by: author(hlc, c.by, `conflicts[${i}]`) ?? null };
  });
  if (Array.isArray(entry.settled) && entry.settled.length > 0) out.settled = entry.settled;
  return out;
}

/** An entry (v1, as entries.js builds it) in the compact form; the master writes the same bytes' worth. */
export function toCompact(entry) {
  const out = {};
  if (entry.uuid != null) out.uuid = entry.uuid;
  if (entry.formId != null) out.formId = entry.formId;
  out.formVersion = entry.formVersion ?? 0;
  out.createdAt = entry.createdAt ?? 0;
  if (entry.createdBy != null) out.createdBy = entry.createdBy;
  out.seq = entry.seq ?? 0;
  const fields = entry.fields ?? {};
  const names = Object.keys(fields).sort();
  if (names.length > 0) {
    const given = names.filter((name) => fields[name] != null);
    const clock = sharedClock(given.map((name) => fields[name].hlc));
    if (clock != null) out.clock = clock;
    const values = {};
    const clocks = {};
    const bases = {};
    for (const name of given) {
      const v = fields[name];
      values[name] = v.value ?? null;
      if (v.hlc == null || v.hlc !== clock) clocks[name] = v.hlc ?? null;
      if (v.base != null) bases[name] = v.base;
    }
    out.values = values;
    if (Object.keys(clocks).length > 0) out.clocks = clocks;
    if (Object.keys(bases).length > 0) out.bases = bases;
  }
  if (entry.deleted != null) {
    const d = entry.deleted;
    out.deleted = { value: d.value ?? null };
    if (d.hlc != null) out.deleted.hlc = d.hlc;
    if (d.base != null) out.deleted.base = d.base;
  }
  if ((entry.conflicts ?? []).length > 0) {
    out.conflicts = entry.conflicts.map((c) => {
      const conflict = {};
      if (c.field != null) conflict.field = c.field;
      conflict.value = c.value ?? null;
      if (c.hlc != null) conflict.hlc = c.hlc;
      return conflict;
    });
  }
  if ((entry.settled ?? []).length > 0) out.settled = entry.settled;
  return out;
}

/** The clock most fields carry; of clocks carried equally often, the latest (plain string order, as on the master). */
function sharedClock(hlcs) {
  const sorted = hlcs.filter((h) => h != null).sort();
  let best = null;
  let bestRun = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i >= bestRun) {
      best = sorted[i];
      bestRun = j - i;
    }
    i = j;
  }
  return best;
}

function compactFields(entry) {
  const clock = text(entry.clock, 'clock');
  const values = object(entry.values, 'values') ?? {};
  const clocks = texts(entry.clocks, 'clocks');
  const bases = texts(entry.bases, 'bases');
  namesValues(clocks, 'clocks', values);
  namesValues(bases, 'bases', values);
  const fields = {};
  for (const [name, value] of Object.entries(values)) {
    const hlc = clocks && Object.hasOwn(clocks, name) ? clocks[name] : clock;
    const v = { value };
    if (hlc != null) v.hlc = hlc;
    const by = deviceOf(hlc);
    if (by != null) v.by = by;
    if (bases?.[name] != null) v.base = bases[name];
    fields[name] = v;
  }
  return fields;
}

function v1Fields(fields) {
  if (fields == null) return {};
  if (!isObject(fields)) throw new WireError('fields must be an object');
  const out = {};
  for (const [name, v] of Object.entries(fields)) out[name] = v === null ? null : fieldValue(v, `fields.${name}`);
  return out;
}

/** One {value, hlc, by, base}; the author is the device inside the clock. */
function fieldValue(v, path) {
  if (!isObject(v)) throw new WireError(`${path} must be an object`);
  const out = { value: v.value ?? null };
  if (v.hlc != null) out.hlc = v.hlc;
  const by = author(v.hlc, v.by, path);
  if (by != null) out.by = by;
  if (v.base != null) out.base = v.base;
  return out;
}

/** A `by` that names another device than the clock's is refused, as the master does. */
function author(hlc, by, path) {
  const device = deviceOf(hlc);
  if (by == null || device == null) return by ?? device;
  if (by !== device) throw new WireError(`${path}.by must be the device in its hlc`);
  return device;
}

function namesValues(named, part, values) {
  for (const name of Object.keys(named ?? {})) {
    if (!Object.hasOwn(values, name)) throw new WireError(`${part}.${name} names no value`);
  }
}

function texts(map, part) {
  const checked = object(map, part);
  for (const [name, value] of Object.entries(checked ?? {})) text(value, `${part}.${name}`);
  return checked;
}

function object(value, part) {
  if (value != null && !isObject(value)) throw new WireError(`${part} must be an object`);
  return value ?? null;
}

function text(value, part) {
  if (value != null && typeof value !== 'string') throw new WireError(`${part} must be a string`);
  return value ?? null;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
