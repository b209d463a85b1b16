// This phone's copy of the team's entries and its outbox, in IndexedDB (which works on plain
// http too). Every change runs in one transaction and then fires a "change" event, here and in
// the origin's other pages and its service worker (which keep their own connections). The event
// names the entries it touched, so a page holding thousands re-reads only those.
// Photos wait in their own store, by attachment name, until the master holds them and the entry
// naming them is accepted (upload.js); writing one announces nothing, as no entry changed.
//
// On the secure page the records are sealed (sealing.js): an entry is stored as
// { uuid, status, sealed } (the status stays plain for the outbox index), a photo keeps its
// flags plain and its picture as `sealedPhoto`. Callers see plain records either way. Sealing is
// no IndexedDB request, so a transaction would close while it runs: there a read-modify-write
// reads in one transaction and writes in a second, and every writer of the origin (its pages,
// its service worker) takes one Web Lock around the pair, so none slips in between.

import { Sealer, canSeal } from './sealing.js';

const NAME = 'lankit';
const CHANNEL = 'lankit-store';
// 2: entries indexed by status, so the outbox is read without reading every entry
// 3: attachments (photos) by name; what versions 1 and 2 stored stays as it is
// 4: keys (the secure page's sealing key); records stored plain before are sealed once, on
//    the first secure start (an app version older than 4 cannot open the database any more,
//    so none writes plain records next to sealed ones)
const VERSION = 4;
const STORES = ['meta', 'entries', 'attachments'];
const LOCK = 'lankit-store';
/** Meta key: every record stored plain before sealing began is sealed now. */
const ALL_SEALED = 'allSealed';
/** Records sealed per transaction when an older phone's plain records are sealed. */
const SEAL_BATCH = 200;

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** `onBlocked`: a page of an older app version holds the database open, so the upgrade waits. */
function openDatabase(onBlocked) {
  const request = indexedDB.open(NAME, VERSION);
  request.onblocked = onBlocked;
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    const entries = db.objectStoreNames.contains('entries')
      ? request.transaction.objectStore('entries')
      : db.createObjectStore('entries', { keyPath: 'uuid' });
    if (!entries.indexNames.contains('status')) entries.createIndex('status', 'status');
    if (!db.objectStoreNames.contains('attachments')) db.createObjectStore('attachments', { keyPath: 'name' });
    if (!db.objectStoreNames.contains('keys')) db.createObjectStore('keys');
  };
  return done(request);
}

export class LocalStore extends EventTarget {
  #db;
  #sealer;
  #channel = null;

  /** `sealer`: seals records on the secure page; null on plain http (records stay plain). */
  constructor(db, sealer = null) {
    super();
    this.#db = db;
    this.#sealer = sealer;
    // a newer version of the app wants to upgrade the database: let it, and tell this page
    db.onversionchange = () => {
      db.close();
      this.dispatchEvent(new Event('outdated'));
    };
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL);
      // another page's change: only the keys (an older app version sends none: read everything)
      this.#channel.onmessage = (message) => this.#announce(Array.isArray(message.data?.keys)
        ? { keys: message.data.keys } : null);
    }
  }

  /** On the secure page, also seals what an earlier version of the app stored plain (once). */
  static async open({ onBlocked = () => {} } = {}) {
    const db = await openDatabase(onBlocked);
    const store = new LocalStore(db, canSeal() ? await Sealer.of(db) : null);
    if (store.sealed) await store.#sealPlainRecords();
    return store;
  }

  /** Whether this phone's answers are kept sealed (the secure page) or plain (plain http). */
  get sealed() {
    return this.#sealer !== null;
  }

  /** Seals `value` (JSON) for `place` with this phone's key; null on plain http. For draft.js. */
  sealValue(value, place) {
    return this.#sealer?.seal(value, place) ?? Promise.resolve(null);
  }

  /** What {@link sealValue} sealed for `place`. */
  openValue(sealed, place) {
    return this.#sealer.open(sealed, place);
  }

  /**
   * The "change" event's detail: `records` (this page's changes: uuid → the stored record, or
   * null when deleted), or `keys` (another page's: re-read them), or null (unknown: re-read all).
   */
  #announce(detail) {
    this.dispatchEvent(new CustomEvent('change', { detail }));
  }

  /**
   * Runs `work(stores)` in one transaction and resolves once it has committed. `work` may only
   * await IndexedDB requests and promises already settled (anything else would let the
   * transaction close early); it records each entry it writes in `stores.touched` (uuid →
   * record, or null when deleted). `announce`: whether a write fires "change" (a write of
   * photos alone changes no entry).
   */
  async #inTransaction(mode, work, announce = mode === 'readwrite') {
    const tx = this.#db.transaction(STORES, mode);
    const touched = new Map();
    const committed = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
    });
    let result;
    try {
      result = await work({
        meta: tx.objectStore('meta'), entries: tx.objectStore('entries'), attachments: tx.objectStore('attachments'), touched,
      });
    } catch (e) {
      tx.abort();
      committed.catch(() => {});
      throw e;
    }
    await committed;
    if (announce) {
      this.#announce({ records: touched });
      this.#channel?.postMessage({ keys: [...touched.keys()] });
    }
    return result;
  }

  /**
   * A read-modify-write: `read(stores)` takes what is stored (IndexedDB requests only; null: nothing),
   * `decide(stored)` works out the writes (it may open and seal records), `write(stores,
   * writes)` stores them. Plain: one transaction, as opening and sealing are then no work at
   * all. Sealed: two, under the origin's lock.
   */
  async #modify(read, decide, write, announce = true) {
    if (!this.#sealer) {
      return this.#inTransaction('readwrite', async (stores) => write(stores, await decide(read && await read(stores))), announce);
    }
    return navigator.locks.request(LOCK, async () => {
      const writes = await decide(read && await this.#inTransaction('readonly', read));
      return this.#inTransaction('readwrite', (stores) => write(stores, writes), announce);
    });
  }

  /** An entry as callers see it, from what the store holds. */
  async #openEntry(stored) {
    if (!stored?.sealed) return stored;
    return this.#sealer.open(stored.sealed, stored.uuid);
  }

  #openEntries(stored) {
    return Promise.all(stored.map((r) => this.#openEntry(r)));
  }

  /** An entry as the store keeps it: sealed on the secure page, but for its key and status. */
  async #sealEntry(record) {
    if (!this.#sealer) return record;
    return { uuid: record.uuid, status: record.status, sealed: await this.#sealer.seal(record, record.uuid) };
  }

  async #openPhoto(stored) {
    if (!stored?.sealedPhoto) return stored;
    const { sealedPhoto, type, ...flags } = stored;
    return { ...flags, blob: new Blob([await this.#sealer.openBytes(sealedPhoto, stored.name)], { type }) };
  }

  async #sealPhoto(attachment) {
    if (!this.#sealer) return attachment;
    const { blob, ...flags } = attachment;
    return { ...flags, type: blob.type, sealedPhoto: await this.#sealer.sealBytes(await blob.arrayBuffer(), attachment.name) };
  }

  /**
   * The first secure start of a phone that kept records plain (an earlier version of the app):
   * each store is sealed in batches, one transaction each, so a phone holding thousands neither
   * holds them all in memory at once nor loses the work done if the page is closed half-way.
   */
  async #sealPlainRecords() {
    if (await this.getMeta(ALL_SEALED)) return;
    await this.#sealStore('entries', 'uuid', (r) => !r.sealed, (r) => this.#sealEntry(r));
    await this.#sealStore('attachments', 'name', (a) => !a.sealedPhoto, (a) => this.#sealPhoto(a));
    await this.#inTransaction('readwrite', ({ meta }) => done(meta.put(true, ALL_SEALED)), false);
  }

  async #sealStore(name, keyPath, isPlain, seal) {
    let after = null;
    let finished = false;
    while (!finished) {
      await this.#modify(
        (stores) => done(stores[name].getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), SEAL_BATCH)),
        async (batch) => {
          finished = batch.length < SEAL_BATCH;
          if (batch.length > 0) after = batch.at(-1)[keyPath];
          return Promise.all(batch.filter(isPlain).map(seal));
        },
        (stores, sealed) => {
          for (const record of sealed) stores[name].put(record);
        },
        false);
    }
  }

  /** For short-lived users (the service worker's background push): lets the database go. */
  close() {
    this.#channel?.close();
    this.#db.close();
  }

  getMeta(key) {
    return this.#inTransaction('readonly', ({ meta }) => done(meta.get(key)));
  }

  setMeta(key, value) {
    return this.#inTransaction('readwrite', ({ meta }) => done(meta.put(value, key)));
  }

  async allEntries() {
    return this.#openEntries(await this.#inTransaction('readonly', ({ entries }) => done(entries.getAll())));
  }

  async getEntry(uuid) {
    return this.#openEntry(await this.#inTransaction('readonly', ({ entries }) => done(entries.get(uuid))));
  }

  /** The records of `keys`, in their order (undefined where there is none). */
  async getEntries(keys) {
    return this.#openEntries(await this.#inTransaction('readonly',
      ({ entries }) => Promise.all(keys.map((key) => done(entries.get(key))))));
  }

  /** The records whose status is one of `statuses` (e.g. the outbox: 'waiting', 'syncing'). */
  async entriesWithStatus(...statuses) {
    return this.#openEntries(await this.#inTransaction('readonly', async ({ entries }) => {
      const index = entries.index('status');
      return (await Promise.all(statuses.map((status) => done(index.getAll(status))))).flat();
    }));
  }

  /** Stores records and, in the same transaction, meta values (the clock, the checkpoint). */
  putAll(records, metaValues = {}) {
    return this.#modify(
      null,
      () => Promise.all(records.map((r) => this.#sealEntry(r))),
      ({ meta, entries, touched }, sealed) => {
        sealed.forEach((stored, i) => {
          entries.put(stored);
          touched.set(records[i].uuid, records[i]);
        });
        for (const [key, value] of Object.entries(metaValues)) meta.put(value, key);
      });
  }

  /**
   * Deletes, in one transaction, every record `test(record)` accepts, and adds their number to
   * the tally kept under the meta key `tallyKey` (`{ removed, ...details }`). Resolves to that number.
   */
  removeWhere(test, tallyKey, details = {}) {
    return this.#modify(
      async ({ meta, entries }) => ({ all: await done(entries.getAll()), before: await done(meta.get(tallyKey)) }),
      async ({ all, before }) => ({ gone: (await this.#openEntries(all)).filter(test), before }),
      ({ meta, entries, touched }, { gone, before }) => {
        for (const record of gone) {
          entries.delete(record.uuid);
          touched.set(record.uuid, null);
        }
        if (gone.length > 0) {
          const tally = before ?? { removed: 0 };
          meta.put({ ...tally, ...details, removed: tally.removed + gone.length }, tallyKey);
        }
        return gone.length;
      });
  }

  /**
   * Read-modify-write of many records (distinct keys), atomic: `change(record or undefined,
   * key)` returns the new record, or a falsy value to leave it as it is. `metaValues` may be a
   * function, called after the changes (e.g. for the clock they advanced). Resolves to the
   * number of records changed.
   */
  updateAll(keys, change, metaValues = {}) {
    return this.#modify(
      // all reads at once: one round trip to the database instead of one per key
      ({ entries }) => Promise.all(keys.map((key) => done(entries.get(key)))),
      async (stored) => {
        const current = await this.#openEntries(stored);
        const changed = [];
        keys.forEach((key, i) => {
          const next = change(current[i], key);
          if (next) changed.push(next);
        });
        const values = typeof metaValues === 'function' ? metaValues() : metaValues;
        return { changed, sealed: await Promise.all(changed.map((r) => this.#sealEntry(r))), values };
      },
      ({ meta, entries, touched }, { changed, sealed, values }) => {
        sealed.forEach((stored, i) => {
          entries.put(stored);
          touched.set(changed[i].uuid, changed[i]);
        });
        for (const [key, value] of Object.entries(values)) meta.put(value, key);
        return changed.length;
      });
  }

  /** Keeps a photo: `{ name, blob, size, createdAt, sent, refused }` (upload.js says what they mean). */
  putAttachment(attachment) {
    return this.#modify(null, () => this.#sealPhoto(attachment),
      ({ attachments }, stored) => done(attachments.put(stored)), false);
  }

  async getAttachment(name) {
    return this.#openPhoto(await this.#inTransaction('readonly', ({ attachments }) => done(attachments.get(name))));
  }

  /** Of `names`, the photos this phone holds, in one read. */
  async attachmentsNamed(names) {
    const stored = await this.#inTransaction('readonly', async ({ attachments }) =>
      (await Promise.all(names.map((name) => done(attachments.get(name))))).filter(Boolean));
    return Promise.all(stored.map((a) => this.#openPhoto(a)));
  }

  /**
   * Read-modify-write of photos' flags: `change(attachment)` returns the new record, or a falsy
   * value to leave it. It sees the photo as stored (on the secure page without `blob`, its
   * picture sealed): it changes flags and keeps the rest as it is.
   */
  updateAttachments(names, change) {
    return this.#modify(
      ({ attachments }) => Promise.all(names.map((name) => done(attachments.get(name)))),
      (current) => current.map((attachment) => attachment && change(attachment)).filter(Boolean),
      ({ attachments }, changed) => {
        for (const next of changed) attachments.put(next);
      },
      false);
  }

  /**
   * Deletes, in one transaction, the photos `pick(attachments, entries)` names (it sees the photos
   * `candidate` accepts, as stored, and every entry record, so no save slips in between; entries
   * are read only when there is a candidate). Resolves to the names deleted.
   */
  dropAttachments(pick, candidate = () => true) {
    return this.#modify(
      async ({ attachments, entries }) => {
        const held = (await done(attachments.getAll())).filter(candidate);
        return { held, entries: held.length === 0 ? [] : await done(entries.getAll()) };
      },
      async ({ held, entries }) => (held.length === 0 ? [] : pick(held, await this.#openEntries(entries))),
      ({ attachments }, gone) => {
        for (const name of gone) attachments.delete(name);
        return gone;
      },
      false);
  }
}
