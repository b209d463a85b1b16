// Service worker (secure contexts only: https or localhost): keeps the app shell so the page
// reopens without the master. Network first, so a new version of the app arrives at once; the
// API is never cached (entries live in IndexedDB).

const CACHE = 'lankit-shell-v2';
const SHELL = [
  './', 'index.html', 'styles.css', 'manifest.webmanifest',
  'app.js', 'api.js', 'backoff.js', 'banner.js', 'clock.js', 'db.js', 'entries.js',
  'form.js', 'join.js', 'list.js', 'live.js', 'moved.js', 'sync.js', 'validate.js',
  'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png',
];
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
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
  try {
    const response = await fromNetwork(request);
    if (response.ok) cache.put(request.mode === 'navigate' ? 'index.html' : request, response.clone());
    return response;
  } catch (error) {
    const cached = request.mode === 'navigate'
      ? await cache.match('index.html')
      : await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(shell(event.request));
});
