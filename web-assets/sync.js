// The sync loop, as named steps: (once per connection) info, forms and teammates' names, and which of the team's
// masters answers (team.js) → the coordinator's current choices and the receipts of the team's
// server → push pending entries in batches → pull the changes feed since the checkpoint → apply
// and store the checkpoint in the same transaction → the team's retention. One run at a time;
// retried with backoff while the master is unreachable or is the team's former master.

import { ApiError, Unreachable } from './api.js';
import { Backoff } from './backoff.js';
import { applyPulled, mayDropCopy } from './entries.js';
import { LiveChannel } from './live.js';
import { pushPending } from './push.js';
import { receiptsOf } from './receipts.js';
import { FormerMaster, Verdict } from './team.js';

const PULL_PAGE = 1000; // the most the master sends in one page
const MAX_ROUNDS = 1000;

export class SyncLoop extends EventTarget {
  #running = false;
  #wanted = false;
  #retryTimer = null;
  #backoff = new Backoff();
  #sessionFresh = false;
  #stopped = false;
  #readingReceipts = false;
  #receiptsAgain = false;

  /** `team`: the TeamWatch that `api` also reads (the highest epoch it sends, former masters it refuses). */
  constructor({ store, api, clock, team }) {
    super();
    this.store = store;
    this.api = api;
    this.clock = clock;
    this.team = team;
    this.reachable = null;
    // the address in use is the team's former master: nothing is sent there
    this.former = false;
    this.lastSeq = 0;
    this.teamEdits = false;
    this.retentionDays = null;
    // what the team's server holds ({ through, refused }), null while the master does not say
    this.receipts = null;
    // the entry open in the form: retention leaves it alone until the form is closed
    this.inUse = null;
    this.live = new LiveChannel({
      url: () => api.liveUrl(),
      onSeq: (seq, first) => {
        // a form saved after the phone read the forms but before the master listened to this
        // socket sent its "refresh" to nobody: read them again once the master greets us
        if (first) this.#sessionFresh = false;
        if (first || seq > this.lastSeq) this.trigger();
      },
      onRefresh: () => { this.#sessionFresh = false; this.trigger(); },
      onReceipts: () => this.#readReceipts(),
      onOpen: () => { this.#setReachable(true); this.trigger(); },
      onDown: () => { this.#sessionFresh = false; this.#setReachable(false); },
      onRefused: () => this.#unpaired(),
    });
  }

  async start() {
    this.lastSeq = (await this.store.getMeta('lastSeq')) ?? 0;
    this.teamEdits = (await this.store.getMeta('teamEdits')) === true;
    this.receipts = receiptsOf(await this.store.getMeta('receipts'));
    this.dispatchEvent(new Event('choices'));
    // a run cut short by closing the page leaves entries marked "syncing": they are still waiting
    const stuck = (await this.store.entriesWithStatus('syncing')).map((r) => r.uuid);
    await this.store.updateAll(stuck, (r) => r && { ...r, status: 'waiting' });
    addEventListener('online', () => {
      this.#backoff.reset();
      this.live.reconnectNow();
      this.trigger();
    });
    addEventListener('offline', () => {
      this.live.pause();
      this.#setReachable(false);
    });
    this.live.start();
    this.trigger();
  }

  stop() {
    this.#stopped = true;
    this.live.stop();
    clearTimeout(this.#retryTimer);
  }

  /** The worker gave the master's new address (moved.js): try there at once. */
  masterMoved() {
    this.#sessionFresh = false;
    this.#backoff.reset();
    this.live.start();
    this.live.reconnectNow();
    this.trigger();
  }

  /** A call's answer came from the team's newer master (its headers said so): read the session again. */
  newerMasterSeen() {
    this.#sessionFresh = false;
    this.trigger();
  }

  /** Asks for a run as soon as the current one (if any) is over. */
  trigger() {
    if (this.#stopped) return;
    this.#wanted = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    if (!this.#running) this.#run();
  }

  async #run() {
    this.#running = true;
    try {
      while (this.#wanted && !this.#stopped) {
        this.#wanted = false;
        try {
          await this.#once();
          this.#backoff.reset();
          this.#setFormer(false);
          this.#setReachable(true);
        } catch (e) {
          this.#failed(e);
          break;
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /** Push and pull are separate steps: a push that fails still lets others' changes arrive. */
  async #once() {
    if (!this.#sessionFresh) await this.#refreshSession();
    await this.#readChoices();
    let pushError = null;
    try {
      await this.#push();
    } catch (e) {
      pushError = e;
    }
    await this.#pull();
    await this.#applyRetention();
    if (pushError) throw pushError;
  }

  /**
   * Once per connection, and again when the master says its forms changed (or a device paired):
   * the team's name, the forms and the teammates' names. The team's former master gets nothing;
   * a different master, or the team's newer one, starts the feed over (its numbers are not the
   * old master's; merging again is harmless).
   */
  async #refreshSession() {
    // marked first: a "refresh" (a form saved, a device paired) arriving while this reads marks it
    // stale again, and the next run reads once more instead of keeping what was read before it
    this.#sessionFresh = true;
    try {
      await this.#readSession();
    } catch (e) {
      this.#sessionFresh = false;
      throw e;
    }
  }

  async #readSession() {
    const info = await this.api.info();
    const verdict = this.team.judge(info.teamId, info.epoch);
    if (verdict === Verdict.FORMER) throw new FormerMaster();
    const knownMaster = await this.store.getMeta('masterId');
    if (verdict === Verdict.NEWER || (knownMaster && knownMaster !== info.deviceId)) {
      this.lastSeq = 0;
      await this.store.setMeta('lastSeq', 0);
    }
    const forms = await this.api.forms();
    // null from an older master, which has no names to give: the list then says "by a teammate"
    const names = await this.api.teamNames();
    const team = this.team.learn(info.teamId, info.epoch);
    await this.store.putAll([], {
      masterId: info.deviceId, teamName: info.name, forms, ...(team ? { team } : {}), ...(names ? { teamNames: names } : {}),
    });
    this.dispatchEvent(new CustomEvent('session', { detail: { info, forms, names } }));
  }

  /**
   * Every run, since the coordinator may change them at any time: may this phone edit others'
   * entries, and after how many days do settled entries leave the phone (absent: never)? The
   * same answer says what the team's server holds.
   */
  async #readChoices() {
    const status = await this.api.status();
    this.retentionDays = Number.isInteger(status.retentionDays) && status.retentionDays > 0 ? status.retentionDays : null;
    await this.#takeReceipts(status.upstream);
    const teamEdits = status.phonesEditTeamEntries === true;
    if (teamEdits === this.teamEdits) return;
    this.teamEdits = teamEdits;
    await this.store.setMeta('teamEdits', teamEdits);
    this.dispatchEvent(new Event('choices'));
  }

  /**
   * The master said the receipts moved: read them now, apart from the runs (nothing to push or
   * pull for it). One read at a time; a message during one brings one more. A failed read is
   * left to the next run, which reads them too.
   */
  async #readReceipts() {
    if (this.#readingReceipts) {
      this.#receiptsAgain = true;
      return;
    }
    this.#readingReceipts = true;
    try {
      do {
        this.#receiptsAgain = false;
        await this.#takeReceipts((await this.api.status()).upstream);
      } while (this.#receiptsAgain && !this.#stopped);
    } catch (e) {
      if (!(e instanceof Unreachable)) console.warn('reading the receipts failed', e);
    } finally {
      this.#readingReceipts = false;
    }
  }

  /** Keeps the receipts (also for a reload without the master) and tells the page when they moved. */
  async #takeReceipts(upstream) {
    const taken = receiptsOf(upstream);
    const kept = taken && { through: taken.through, refused: [...taken.refused] };
    const held = this.receipts && { through: this.receipts.through, refused: [...this.receipts.refused] };
    if (JSON.stringify(kept) === JSON.stringify(held)) return;
    this.receipts = taken;
    await this.store.setMeta('receipts', kept);
    this.dispatchEvent(new Event('receipts'));
  }

  #push() {
    return pushPending({
      store: this.store, api: this.api, clock: this.clock, metaValues: () => ({ clock: this.clock.state() }),
    });
  }

  async #pull() {
    for (let page = 0; page < MAX_ROUNDS; page++) {
      const answer = await this.api.pull(this.lastSeq, PULL_PAGE);
      const byUuid = new Map(answer.entries.map((e) => [e.uuid, e]));
      for (const entry of answer.entries) {
        for (const v of Object.values(entry.fields ?? {})) this.clock.observe(v.hlc);
        if (entry.deleted) this.clock.observe(entry.deleted.hlc);
      }
      await this.store.updateAll([...byUuid.keys()], (r, uuid) => applyPulled(r, byUuid.get(uuid)),
        { lastSeq: answer.lastSeq, clock: this.clock.state() });
      this.lastSeq = answer.lastSeq;
      if (!answer.more || answer.entries.length === 0) return;
    }
  }

  /** Drops the copies the master holds that nobody changed for the team's days; the checkpoint stays. */
  async #applyRetention() {
    const days = this.retentionDays;
    if (!days) return;
    const now = this.clock.physicalNow();
    await this.store.removeWhere((r) => r.uuid !== this.inUse && mayDropCopy(r, now, days), 'retention', { days });
  }

  #failed(error) {
    if (error instanceof ApiError && error.status === 401) {
      this.#unpaired();
      return;
    }
    if (error instanceof FormerMaster) {
      // its live socket would only bring runs that end here again: quiet until a new address
      this.live.stop();
      this.#sessionFresh = false;
      this.#setFormer(true);
      this.#setReachable(false);
    } else if (error instanceof Unreachable) {
      this.#setReachable(false);
      this.#sessionFresh = false;
    } else {
      console.warn('sync failed', error);
    }
    if (!navigator.onLine) return; // the "online" event starts the next run
    const wait = error instanceof ApiError && error.retryAfter > 0 ? error.retryAfter * 1000 : this.#backoff.next();
    this.#retryTimer = setTimeout(() => this.trigger(), wait);
  }

  #unpaired() {
    this.stop();
    this.dispatchEvent(new Event('unpaired'));
  }

  #setFormer(value) {
    if (this.former === value) return;
    this.former = value;
    if (!value) this.live.start(); // the team's master answers again at this address: listen to it
    this.dispatchEvent(new Event('state'));
  }

  #setReachable(value) {
    // a run that was under way when the phone went offline may still finish well: offline wins
    const reachable = value && navigator.onLine;
    if (this.reachable === reachable) return;
    this.reachable = reachable;
    this.dispatchEvent(new Event('state'));
  }
}

