// When the master laptop gets a new address (another WiFi, a new lease), the page this phone
// keeps open still comes from the old one, with the entries in its storage. The worker types the
// new address shown under the QR code; the phone checks that the same master, or the team's newer
// master (one that took over, team.js), answers there and from then on talks to it at that address.
// The question is asked only once the laptop has been out of reach for a while with the phone on
// a network: a phone that walks out of the WiFi, or a laptop closed for a minute, is no new address.

import { Api, masterOrigin } from './api.js';
import { TeamWatch, Verdict } from './team.js';
import { t } from './words.js';

/** How long the laptop stays out of reach, with the phone on a network, before the phone asks. */
export const ASK_AFTER_MS = 60000;

/**
 * Whether to ask for the laptop's new address: it has been out of reach for {@link ASK_AFTER_MS}
 * while the browser says the phone is online. Offline, the clock starts again once back online.
 * `onChange` runs when `ask` changes.
 */
export class LostLaptop {
  #timer = null;
  #asking = false;
  #reachable = null;
  #onChange;

  constructor(onChange) {
    this.#onChange = onChange;
    addEventListener('online', () => this.update(this.#reachable));
    addEventListener('offline', () => this.update(this.#reachable));
  }

  /** The sync loop's latest word: true, false (out of reach) or null (not known yet). */
  update(reachable) {
    this.#reachable = reachable;
    const counting = reachable === false && navigator.onLine;
    if (counting && this.#timer === null) {
      this.#timer = setTimeout(() => {
        this.#asking = true;
        this.#onChange();
      }, ASK_AFTER_MS);
    } else if (!counting && this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
      if (this.#asking) {
        this.#asking = false;
        this.#onChange();
      }
    }
  }

  get ask() {
    return this.#asking;
  }
}

/** Wires the "new address" form; onMoved(base) runs once the team's master answered there. */
export function setUpMasterMove({ form, input, message, store, onMoved }) {
  const tell = (text) => { message.textContent = text; };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const origin = masterOrigin(input.value);
    if (!origin) {
      tell(t('moved.badAddress'));
      return;
    }
    tell(t('moved.looking'));
    let info;
    try {
      info = await new Api({ getToken: () => null, onTime: () => {}, getBase: () => origin }).info();
    } catch {
      tell(t('moved.nothing'));
      return;
    }
    const [known, team] = await Promise.all([store.getMeta('masterId'), store.getMeta('team')]);
    const verdict = new TeamWatch(team).judge(info.teamId, info.epoch);
    if (verdict === Verdict.FORMER) {
      tell(t('moved.former'));
      return;
    }
    const ourTeam = verdict === Verdict.SAME || verdict === Verdict.NEWER;
    if (known && info.deviceId !== known && !ourTeam) {
      tell(t('moved.otherTeam', { team: info.name }));
      return;
    }
    const base = origin === location.origin ? '' : origin;
    await store.setMeta('masterBase', base);
    tell(t('moved.found', { address: origin }));
    onMoved(base);
  });
}
