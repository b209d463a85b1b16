// The service worker, as a module (Chromium, Safari 15+, Firefox 114+): the shell cache of
// `sw-shell.js`, and Background Sync: when the page saved while the master was out of reach, it
// asked for a sync, and the browser wakes this worker once the network is back, even with the
// page closed. The worker then pushes the waiting entries exactly as the page's sync loop does
// (the same uuids and clocks, so a push that also comes from the page is a duplicate to the master).

import './sw-shell.js';
import { Api } from './api.js';
import { LocalStore } from './db.js';
import { BACKGROUND_PUSH, pushPending } from './push.js';
import { FormerMaster, TeamWatch, Verdict } from './team.js';

self.addEventListener('sync', (event) => {
  if (event.tag === BACKGROUND_PUSH) event.waitUntil(pushInBackground());
});

/** Rejects while the master is out of reach, so that the browser tries again later. */
async function pushInBackground() {
  const store = await LocalStore.open();
  try {
    const [device, movedTo, masterBase, team] = await Promise.all([
      store.getMeta('device'), store.getMeta('movedTo'), store.getMeta('masterBase'), store.getMeta('team'),
    ]);
    if (!device || movedTo) return;
    const watch = new TeamWatch(team);
    const api = new Api({ getToken: () => device.token, onTime: () => {}, getBase: () => masterBase ?? '', team: watch });
    const info = await api.info(); // which entry form the master reads (and whether it is in reach at all)
    // the team's former master: nothing goes there, and trying again later will not change that (the page tells the worker)
    if (watch.judge(info.teamId, info.epoch) === Verdict.FORMER) return;
    await pushPending({ store, api });
  } catch (e) {
    if (!(e instanceof FormerMaster)) throw e;
  } finally {
    store.close();
  }
}
