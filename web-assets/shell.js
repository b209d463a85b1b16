// The app shell around the page. In a secure context: the service worker (reopening without the
// master, sending waiting entries in the background) and persistent storage. On plain http, when
// the master offers its secure page: a link to set this phone up for it.

import { BACKGROUND_PUSH } from './push.js';

/** `api` asks the master whether it offers the secure page (only asked on plain http). */
export function setUpShell({ insecureNote, secureOffer, api }) {
  if (window.isSecureContext && 'serviceWorker' in navigator) {
    registerWorker();
    navigator.storage?.persist?.();
    return;
  }
  insecureNote.hidden = false;
  api.info().then((info) => {
    if (!info.secure) return;
    insecureNote.hidden = true;
    secureOffer.hidden = false;
  }, () => {}); // out of reach: the plain note stays
}

async function registerWorker() {
  try {
    await navigator.serviceWorker.register('sw.js', { type: 'module' });
  } catch {
    // a browser without module workers: the shell cache alone, without background sending
    await navigator.serviceWorker.register('sw-shell.js').catch((e) => console.warn('no offline reload:', e));
  }
}

/**
 * Asks the browser to wake the service worker once the network is back, even with the page
 * closed, to push what waits. Without Background Sync (or its permission) the page's own sync
 * loop still sends everything when it runs again.
 */
export async function askForBackgroundPush() {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  await registration?.sync?.register(BACKGROUND_PUSH).catch(() => {});
}
