// When the master laptop gets a new address (another WiFi, a new lease), the page this phone
// keeps open still comes from the old one, with the entries in its storage. The worker types the
// new address shown under the QR code; the phone checks that the same master, or the team's newer
// master (one that took over, team.js), answers there and from then on talks to it at that address.

import { Api, masterOrigin } from './api.js';
import { TeamWatch, Verdict } from './team.js';

/** Wires the "new address" form; onMoved(base) runs once the team's master answered there. */
export function setUpMasterMove({ form, input, message, store, onMoved }) {
  const tell = (text) => { message.textContent = text; };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const origin = masterOrigin(input.value);
    if (!origin) {
      tell('Type the address shown under the QR code, like 192.168.1.23:8377.');
      return;
    }
    tell('Looking for the master…');
    let info;
    try {
      info = await new Api({ getToken: () => null, onTime: () => {}, getBase: () => origin }).info();
    } catch {
      tell('Nothing answers at that address. Check it, and that this phone is on the same WiFi as the master.');
      return;
    }
    const [known, team] = await Promise.all([store.getMeta('masterId'), store.getMeta('team')]);
    const verdict = new TeamWatch(team).judge(info.teamId, info.epoch);
    if (verdict === Verdict.FORMER) {
      tell("That is the team's former master laptop; ask your coordinator for the new address.");
      return;
    }
    const ourTeam = verdict === Verdict.SAME || verdict === Verdict.NEWER;
    if (known && info.deviceId !== known && !ourTeam) {
      tell(`That is not your team's master: it belongs to the team "${info.name}". Check the address.`);
      return;
    }
    const base = origin === location.origin ? '' : origin;
    await store.setMeta('masterBase', base);
    tell(`The master answers at ${origin}: waiting entries go there now.`);
    onMoved(base);
  });
}
