// This phone's copy of the team's entries and its outbox, in IndexedDB (which works on plain
// http too). Every change runs in one transaction and then fires a "change" event, here and in
// the origin's other pages and its service worker (which keep their own connections). The event
// names the entries it touched, so a page holding thousands re-reads only those.
// Photos wait in their own store, by attachment name, until the master holds them and the entry
// naming them is accepted (upload.js); writing one announces nothing, as no entry changed.

const NAME = 'lankit';
const CHANNEL = 'lankit-store';
// 2: entries indexed by status, so the outbox is read without reading every entry
// 3: attachments (photos) by name; what versions 1 and 2 stored stays as it is
const VERSION = 3;
const STORES = ['meta', 'entries', 'attachments'];

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
  };
  return done(request);
}

export class LocalStore extends EventTarget {
  #db;
  #channel = null;

  constructor(db) {
    super();
    this.#db = db;
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

  static async open({ onBlocked = () => {} } = {}) {
    return new LocalStore(await openDatabase(onBlocked));
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
   * await IndexedDB requests (anything else would let the transaction close early); it records
   * each entry it writes in `stores.touched` (uuid → record, or null when deleted). `announce`:
   * whether a write fires "change" (a write of photos alone changes no entry).
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

  allEntries() {
    return this.#inTransaction('readonly', ({ entries }) => done(entries.getAll()));
  }

  getEntry(uuid) {
    return this.#inTransaction('readonly', ({ entries }) => done(entries.get(uuid)));
  }

  /** The records of `keys`, in their order (undefined where there is none). */
  getEntries(keys) {
    return this.#inTransaction('readonly', ({ entries }) => Promise.all(keys.map((key) => done(entries.get(key)))));
  }

  /** The records whose status is one of `statuses` (e.g. the outbox: 'waiting', 'syncing'). */
  entriesWithStatus(...statuses) {
    return this.#inTransaction('readonly', async ({ entries }) => {
      const index = entries.index('status');
      return (await Promise.all(statuses.map((status) => done(index.getAll(status))))).flat();
    });
  }

  /** Stores records and, in the same transaction, meta values (the clock, the checkpoint). */
  putAll(records, metaValues = {}) {
    return this.#inTransaction('readwrite', async ({ meta, entries, touched }) => {
      for (const record of records) {
        entries.put(record);
        touched.set(record.uuid, record);
      }
      for (const [key, value] of Object.entries(metaValues)) meta.put(value, key);
    });
  }

  /**
   * Deletes, in one transaction, every record `test(record)` accepts, and adds their number to
   * the tally kept under the meta key `tallyKey` (`{ removed, ...details }`). Resolves to that number.
   */
  removeWhere(test, tallyKey, details = {}) {
    return this.#inTransaction('readwrite', async ({ meta, entries, touched }) => {
      const gone = (await done(entries.getAll())).filter(test);
      for (const record of gone) {
        entries.delete(record.uuid);
        touched.set(record.uuid, null);
      }
      if (gone.length > 0) {
        const before = (await done(meta.get(tallyKey))) ?? { removed: 0 };
        meta.put({ ...before, ...details, removed: before.removed + gone.length }, tallyKey);
      }
      return gone.length;
    });
  }

  /**
   * Read-modify-write of many records (distinct keys) in one transaction: `change(record or
   * undefined, key)` returns the new record, or a falsy value to leave it as it is. `metaValues`
   * may be a function, called after the changes (e.g. for the clock they advanced). Resolves to
   * the number of records changed.
   */
  updateAll(keys, change, metaValues = {}) {
    return this.#inTransaction('readwrite', async ({ meta, entries, touched }) => {
      // all reads at once: one round trip to the database instead of one per key
      const current = await Promise.all(keys.map((key) => done(entries.get(key))));
      let changed = 0;
      keys.forEach((key, i) => {
        const next = change(current[i], key);
        if (next) {
          entries.put(next);
          touched.set(key, next);
          changed++;
        }
      });
      const values = typeof metaValues === 'function' ? metaValues() : metaValues;
      for (const [key, value] of Object.entries(values)) meta.put(value, key);
      return changed;
    });
  }

  /** Keeps a photo: `{ name, blob, size, createdAt, sent, refused }` (upload.js says what they mean). */
  putAttachment(attachment) {
    return this.#inTransaction('readwrite', ({ attachments }) => done(attachments.put(attachment)), false);
  }

  getAttachment(name) {
    return this.#inTransaction('readonly', ({ attachments }) => done(attachments.get(name)));
  }

  /** Of `names`, the photos this phone holds, in one read. */
  attachmentsNamed(names) {
    return this.#inTransaction('readonly', async ({ attachments }) =>
      (await Promise.all(names.map((name) => done(attachments.get(name))))).filter(Boolean));
  }

  /** Read-modify-write of photos: `change(attachment)` returns the new record, or a falsy value to leave it. */
  updateAttachments(names, change) {
    return this.#inTransaction('readwrite', async ({ attachments }) => {
      const current = await Promise.all(names.map((name) => done(attachments.get(name))));
      for (const attachment of current) {
        const next = attachment && change(attachment);
        if (next) attachments.put(next);
      }
    }, false);
  }

  /**
   * Deletes, in one transaction, the photos `pick(attachments, entries)` names (it sees the photos
   * `candidate` accepts and every entry record, so no save slips in between; entries are read only
   * when there is a candidate). Resolves to the names deleted.
   */
  dropAttachments(pick, candidate = () => true) {
    return this.#inTransaction('readwrite', async ({ attachments, entries }) => {
      const held = (await done(attachments.getAll())).filter(candidate);
      if (held.length === 0) return [];
      const gone = pick(held, await done(entries.getAll()));
      for (const name of gone) attachments.delete(name);
      return gone;
    }, false);
  }
}
