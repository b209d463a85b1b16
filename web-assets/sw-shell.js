// The service worker's shell cache (secure contexts only: https or localhost): keeps the app so
// the page reopens without the master. Network first, so a new version of the app arrives at
// once; the API is never cached (entries live in IndexedDB). A plain script, so that it runs
// inside the module worker `sw.js` and, in browsers without module workers, on its own.
//
// A new version takes over at once but never reloads a page: an open form stays as it is, and
// the next opening gets the new files.

const CACHE = 'lankit-shell-v11';
const SHELL = [
  './', 'index.html', 'setup.html', 'styles.css', 'manifest.webmanifest',
  'app.js', 'api.js', 'backoff.js', 'banner.js', 'clock.js', 'db.js', 'dom.js', 'draft.js', 'entries.js',
  'expr.js', 'form.js', 'form-controls.js', 'form-tree.js', 'geopoint.js', 'handover.js', 'join.js',
  'language.js', 'list.js', 'list-item.js', 'live.js', 'moved.js', 'photo.js', 'push.js', 'receipts.js',
  'rules.js', 'sealing.js', 'setup.js', 'shell.js', 'sync.js', 'team.js', 'upload.js', 'validate.js', 'wire.js', 'words.js',
  'i18n/languages.json',
  'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/maskable-192.png', 'icons/maskable-512.png',
];
/** The pages a navigation may bring, by path; any other path is the app's single page. */
const PAGES = { '/setup': 'setup.html', '/setup.html': 'setup.html' };
const NETWORK_WAIT_MS = 4000;
/**
 * After the master failed to answer, the shell answers from its cache at once for this long: a
 * page opened away from the WiFi waits for the network once, not once per level of its modules.
 */
const UNREACHABLE_MS = 30000;
let unreachableUntil = 0;

/** The shell, and the words of every language i18n/languages.json lists (a new language is a file, not code). */
async function install() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const languages = await (await cache.match('i18n/languages.json')).json();
  await cache.addAll(languages.map((code) => `i18n/${code}.json`));
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function fromNetwork(request) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the master is slow to answer')), NETWORK_WAIT_MS);
    fetch(request).then((response) => {
      clearTimeout(timer);
      resolve(response);
    }, (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function shell(request) {
  const cache = await caches.open(CACHE);
  const page = request.mode === 'navigate' ? (PAGES[new URL(request.url).pathname] ?? 'index.html') : null;
  const fromCache = () => (page ? cache.match(page) : cache.match(request, { ignoreSearch: true }));
  if (Date.now() < unreachableUntil) {
    const cached = await fromCache();
    if (cached) return cached;
  }
  try {
    const response = await fromNetwork(request);
    unreachableUntil = 0;
    if (response.ok) cache.put(page ?? request, response.clone());
    return response;
  } catch (error) {
    unreachableUntil = Date.now() + UNREACHABLE_MS;
    const cached = await fromCache();
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(shell(event.request));
});
