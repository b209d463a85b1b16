// This phone's copy of the team's entries and its outbox, in IndexedDB (which works on plain
// http too). Every change runs in one transaction and then fires a "change" event, here and in
// the origin's other pages and its service worker (which keep their own connections).

const NAME = 'lankit';
const CHANNEL = 'lankit-store';
const VERSION = 1;

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function openDatabase() {
  const request = indexedDB.open(NAME, VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    if (!db.objectStoreNames.contains('entries')) db.createObjectStore('entries', { keyPath: 'uuid' });
  };
  return done(request);
}

export class LocalStore extends EventTarget {
  #db;
  #channel = null;

  constructor(db) {
    super();
    this.#db = db;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = () => this.dispatchEvent(new Event('change'));
    }
  }

  static async open() {
    return new LocalStore(await openDatabase());
  }

  /**
   * Runs `work(stores)` in one transaction and resolves once it has committed. `work` may only
   * await IndexedDB requests (anything else would let the transaction close early).
   */
  async #inTransaction(mode, work) {
    const tx = this.#db.transaction(['meta', 'entries'], mode);
    const committed = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
    });
    let result;
    try {
      result = await work({ meta: tx.objectStore('meta'), entries: tx.objectStore('entries') });
    } catch (e) {
      tx.abort();
      committed.catch(() => {});
      throw e;
    }
    await committed;
    if (mode === 'readwrite') {
      this.dispatchEvent(new Event('change'));
      this.#channel?.postMessage('change');
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

  /** Stores records and, in the same transaction, meta values (the clock, the checkpoint). */
  putAll(records, metaValues = {}) {
    return this.#inTransaction('readwrite', async ({ meta, entries }) => {
      for (const record of records) entries.put(record);
      for (const [key, value] of Object.entries(metaValues)) meta.put(value, key);
    });
  }

  /**
   * Deletes, in one transaction, every record `test(record)` accepts, and adds their number to
   * the tally kept under the meta key `tallyKey` (`{ removed, ...details }`). Resolves to that number.
   */
  removeWhere(test, tallyKey, details = {}) {
    return this.#inTransaction('readwrite', async ({ meta, entries }) => {
      const gone = (await done(entries.getAll())).filter(test);
      for (const record of gone) entries.delete(record.uuid);
      if (gone.length > 0) {
        const before = (await done(meta.get(tallyKey))) ?? { removed: 0 };
        meta.put({ ...before, ...details, removed: before.removed + gone.length }, tallyKey);
      }
      return gone.length;
    });
  }

  /**
   * Read-modify-write of many records in one transaction: `change(record or undefined, key)`
   * returns the new record, or a falsy value to leave it as it is. `metaValues` may be a
   * function, called after the changes (e.g. for the clock they advanced). Resolves to the
   * number of records changed.
   */
  updateAll(keys, change, metaValues = {}) {
    return this.#inTransaction('readwrite', async ({ meta, entries }) => {
      let changed = 0;
      for (const key of keys) {
        const next = change(await done(entries.get(key)), key);
        if (next) {
          entries.put(next);
          changed++;
        }
      }
      const values = typeof metaValues === 'function' ? metaValues() : metaValues;
      for (const [key, value] of Object.entries(values)) meta.put(value, key);
      return changed;
    });
  }
}
