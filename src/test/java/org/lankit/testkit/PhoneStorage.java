package org.lankit.testkit;

/** Scripts that read the phone's IndexedDB and session storage as they lie, past the app. */
public final class PhoneStorage {

    /**
     * Everything the app's stores and this tab's session storage hold, as one text; bytes (sealed
     * values, pictures) as one character per byte, so a plain answer in them would show.
     */
    public static final String RAW_RECORDS = """
            async () => {
              const db = await new Promise((resolve, reject) => {
                const open = indexedDB.open('lankit');
                open.onsuccess = () => resolve(open.result);
                open.onerror = () => reject(open.error);
              });
              // key → record, for every record of store `name`
              const all = (name) => new Promise((resolve, reject) => {
                const store = db.transaction(name).objectStore(name);
                const keys = store.getAllKeys();
                const values = store.getAll();
                values.onsuccess = () => resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
                values.onerror = () => reject(values.error);
              });
              const show = async (value) => {
                if (value instanceof Blob) return show(new Uint8Array(await value.arrayBuffer()));
                if (value instanceof ArrayBuffer) return show(new Uint8Array(value));
                if (ArrayBuffer.isView(value)) {
                  let text = '';
                  for (const b of new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) text += String.fromCharCode(b);
                  return text;
                }
                if (typeof CryptoKey === 'function' && value instanceof CryptoKey) return '[key]';
                if (value !== null && typeof value === 'object') {
                  const parts = await Promise.all(Object.entries(value).map(async ([k, v]) => `${k}: ${await show(v)}`));
                  return `{ ${parts.join(', ')} }`;
                }
                return String(value);
              };
              const texts = [];
              for (const name of db.objectStoreNames) texts.push(`${name}: ${await show(await all(name))}`);
              for (let i = 0; i < sessionStorage.length; i++) {
                texts.push(`session ${sessionStorage.key(i)}: ${sessionStorage.getItem(sessionStorage.key(i))}`);
              }
              db.close();
              return texts.join('\\n');
            }
            """;

    /** The sealing key as IndexedDB keeps it: its kind, whether it can be taken out, and what exporting it gives. */
    public static final String SEALING_KEY = """
            async () => {
              const db = await new Promise((resolve, reject) => {
                const open = indexedDB.open('lankit');
                open.onsuccess = () => resolve(open.result);
                open.onerror = () => reject(open.error);
              });
              const key = await new Promise((resolve, reject) => {
                const read = db.transaction('keys').objectStore('keys').get('answers');
                read.onsuccess = () => resolve(read.result);
                read.onerror = () => reject(read.error);
              });
              db.close();
              if (!(key instanceof CryptoKey)) return { cryptoKey: false };
              const exported = await crypto.subtle.exportKey('raw', key).then(() => 'exported', (e) => e.name);
              return { cryptoKey: true, algorithm: key.algorithm.name, bits: key.algorithm.length,
                       extractable: key.extractable, exported };
            }
            """;

    private PhoneStorage() {
    }
}
