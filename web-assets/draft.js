// What is typed into a new entry, kept in this tab's session storage until it is saved or
// cancelled: a reload (a new version of the app, a phone that dropped the tab to free memory)
// brings it back instead of an empty form. On the secure page it is kept sealed with the phone's
// key (db.js), like the saved entries; the form reads it from memory, loaded once at start.

const KEY = 'lankit-draft';
const PLACE = 'draft';

let kept = null; // { formId, values }
let store = null; // the LocalStore that seals, on the secure page
let writes = 0; // a seal that finishes after a newer keep or a drop is not written

/** Reads the draft kept before a reload; call once at start, before {@link draftFor}. */
export async function loadDraft(localStore) {
  store = localStore.sealed ? localStore : null;
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY));
    if (!stored) return;
    kept = typeof stored.sealed === 'string' ? await localStore.openValue(fromBase64(stored.sealed), PLACE) : stored;
    // kept plain by an earlier version of the app: sealed from now on
    if (store && typeof stored.sealed !== 'string') keepDraft(kept.formId, kept.values);
  } catch {
    kept = null; // unreadable: the form starts empty, as without a draft
  }
}

export function keepDraft(formId, values) {
  kept = { formId, values };
  const turn = ++writes;
  if (!store) {
    write(JSON.stringify(kept));
    return;
  }
  store.sealValue(kept, PLACE).then((sealed) => {
    if (turn === writes) write(JSON.stringify({ sealed: toBase64(sealed) }));
  }, () => {}); // not sealed, not kept: the form still works, only without the safety copy
}

/** The values typed into form `formId` before a reload, or null. */
export function draftFor(formId) {
  return kept?.formId === formId ? kept.values : null;
}

export function dropDraft() {
  kept = null;
  writes++;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to drop
  }
}

function write(text) {
  try {
    sessionStorage.setItem(KEY, text);
  } catch {
    // storage full or refused: the form still works, only without the safety copy
  }
}

function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
