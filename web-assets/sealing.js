// On the secure page (a secure context: https, or localhost), what the field worker answered is
// kept in IndexedDB sealed with AES-GCM under a key that never leaves the browser: it is made
// once, non-extractable, and stored in IndexedDB as a CryptoKey object, which the browser keeps
// apart from the page's reach (no script can read its bytes, only ask it to seal or open). Someone
// who copies the phone's storage files gets the records without the words. On plain http the
// browser offers no WebCrypto, so the phone's copy stays plain there (the page says so).
//
// A sealed value: 1 version byte (1), a 12-byte random nonce, then the ciphertext with its
// 16-byte tag. The additional data is the value's place (an entry's uuid, a photo's name), so a
// sealed value moved to another record does not open.

const VERSION = 1;
const NONCE_BYTES = 12;
const KEY_NAME = 'answers';
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A stored value this phone's key does not open (changed bytes, or a record from elsewhere). */
export class UnreadableRecord extends Error {}

/** Whether this page or worker can seal: a secure context with WebCrypto and Web Locks (db.js needs both). */
export function canSeal() {
  return globalThis.isSecureContext === true && Boolean(globalThis.crypto?.subtle) && Boolean(globalThis.navigator?.locks);
}

export class Sealer {
  #key;

  constructor(key) {
    this.#key = key;
  }

  /**
   * This phone's key from the object store `keys` of `db` (db.js), made on first use. Two pages
   * starting at once may each make one; the first stored wins and the other is dropped unused.
   */
  static async of(db) {
    const stored = await request(db.transaction('keys').objectStore('keys').get(KEY_NAME));
    if (stored) return new Sealer(stored);
    const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const tx = db.transaction('keys', 'readwrite');
    const keys = tx.objectStore('keys');
    const kept = (await request(keys.get(KEY_NAME))) ?? made;
    if (kept === made) keys.put(made, KEY_NAME);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('the key could not be stored'));
    });
    return new Sealer(kept);
  }

  /** `bytes` (Uint8Array or ArrayBuffer) sealed for `place`. */
  async sealBytes(bytes, place) {
    const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: utf8.encode(place) },
      this.#key, bytes);
    const out = new Uint8Array(1 + NONCE_BYTES + sealed.byteLength);
    out[0] = VERSION;
    out.set(nonce, 1);
    out.set(new Uint8Array(sealed), 1 + NONCE_BYTES);
    return out;
  }

  /** The bytes `sealed` holds for `place` (an ArrayBuffer). Throws UnreadableRecord. */
  async openBytes(sealed, place) {
    const bytes = sealed instanceof Uint8Array ? sealed : new Uint8Array(sealed ?? []);
    if (bytes.length < 1 + NONCE_BYTES + 16 || bytes[0] !== VERSION) throw unreadable(place);
    try {
      return await crypto.subtle.decrypt({
        name: 'AES-GCM', iv: bytes.subarray(1, 1 + NONCE_BYTES), additionalData: utf8.encode(place),
      }, this.#key, bytes.subarray(1 + NONCE_BYTES));
    } catch {
      throw unreadable(place);
    }
  }

  /** A JSON value sealed for `place`. */
  seal(value, place) {
    return this.sealBytes(utf8.encode(JSON.stringify(value)), place);
  }

  async open(sealed, place) {
    return JSON.parse(fromUtf8.decode(await this.openBytes(sealed, place)));
  }
}

function unreadable(place) {
  return new UnreadableRecord(`Something kept on this phone (${place}) cannot be read: it was changed, or it comes from another phone.`);
}

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
