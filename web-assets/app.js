// Wires the phone app together: local store, clock, API, sync loop, join page, form and list;
// on the secure page also a phone handed over from the plain one.

import { Api } from './api.js';
import { renderBanner } from './banner.js';
import { HlcClock, newUuid } from './clock.js';
import { LocalStore } from './db.js';
import { draftFor, dropDraft, keepDraft, loadDraft } from './draft.js';
import { discardLocal, editRecord, editSnapshot, newRecord, restamp } from './entries.js';
import { EntryForm } from './form.js';
import { decodeMove, isMove, receiveMove } from './handover.js';
import { joinCodeOf, showJoin, takeFragment } from './join.js';
import { fillReceipt } from './list-item.js';
import { EntriesList } from './list.js';
import { LostLaptop, setUpMasterMove } from './moved.js';
import { markOf } from './receipts.js';
import { askForBackgroundPush, setUpShell } from './shell.js';
import { SyncLoop } from './sync.js';
import { TeamWatch } from './team.js';
import { loadWords, plural, t, translatePage } from './words.js';

const $ = (id) => document.getElementById(id);

/** This plain page handed the phone over to the secure page `origin`: it only points there now. */
function showMovedAway(origin) {
  for (const id of ['app-view', 'banner', 'join-view', 'moved', 'insecure-note', 'secure-offer']) $(id).hidden = true;
  $('moved-away-link').href = `${origin}/`;
  $('moved-away').hidden = false;
}

async function main() {
  await loadWords();
  translatePage();
  const fragment = takeFragment();
  const store = await LocalStore.open({
    onBlocked: () => fail(t('app.otherTab')),
  });
  $('fatal').hidden = true;
  const movedTo = await store.getMeta('movedTo');
  if (movedTo) {
    showMovedAway(movedTo);
    return;
  }
  setUpShell({
    insecureNote: $('insecure-note'), secureOffer: $('secure-offer'),
    api: new Api({ getToken: () => null, onTime: () => {} }),
  });
  if (isMove(fragment)) {
    const moved = decodeMove(fragment);
    if (moved) await receiveMove(store, moved);
    else fail(t('app.moveBroken'));
  }
  const code = isMove(fragment) ? '' : joinCodeOf(fragment);
  const device = await store.getMeta('device');
  if (device) {
    await startApp(store, device);
    return;
  }
  const clockState = (await store.getMeta('clock')) ?? {};
  const joinApi = new Api({ getToken: () => null, onTime: (t, s, r) => { clockState.offset = t - (s + r) / 2; } });
  showJoin({
    view: $('join-view'), api: joinApi, code,
    onJoined: async (joined) => {
      await store.putAll([], { device: { ...joined, formerIds: [] }, clock: clockState });
      await startApp(store, await store.getMeta('device'));
    },
  });
}

async function startApp(store, device) {
  await loadDraft(store);
  const clock = new HlcClock(device.deviceId, (await store.getMeta('clock')) ?? {});
  let masterBase = (await store.getMeta('masterBase')) ?? '';
  const team = new TeamWatch(await store.getMeta('team'));
  const api = new Api({
    getToken: () => device.token, onTime: (t, s, r) => clock.followReference(t, s, r), getBase: () => masterBase,
    team, onNewerMaster: () => sync.newerMasterSeen(),
  });
  const sync = new SyncLoop({ store, api, clock, team });
  // the "new address?" question waits until the laptop has been out of reach a while (moved.js)
  const lost = new LostLaptop(() => queueRefresh());
  const entryForm = new EntryForm($('fields'));
  const ownIds = new Set([device.deviceId, ...(device.formerIds ?? [])]);
  const ui = {
    forms: (await store.getMeta('forms')) ?? [], formId: null, editing: null, seen: null,
    masterId: await store.getMeta('masterId'), names: (await store.getMeta('teamNames')) ?? {},
  };
  // this page's copy of the stored entries by uuid, kept up to date from the store's change events
  const records = new Map();
  const changes = [null]; // not applied to `records` yet, in order; null: read them all

  const currentForm = () => ui.forms.find((f) => f.id === ui.formId) ?? ui.forms[0];
  /** The form's message at its top, where the worker looks after a save; `state` ok or bad colours it. */
  const say = (text, state = '') => {
    $('form-message').textContent = text;
    $('form-message').dataset.state = state;
  };

  function showForm(form, values) {
    $('form-title').textContent = ui.editing ? t('form.editTitle', { title: form.title }) : form.title;
    $('save-button').textContent = ui.editing ? t('form.saveChanges') : t('form.save');
    $('cancel-edit').hidden = !ui.editing;
    entryForm.render(form);
    if (values) entryForm.fill(values);
  }

  function renderForms() {
    const form = currentForm();
    $('no-form').hidden = Boolean(form);
    $('entry-form').hidden = !form;
    const picker = $('form-picker');
    $('form-picker-field').hidden = ui.forms.length < 2 || Boolean(ui.editing);
    picker.replaceChildren(...ui.forms.map((f) => Object.assign(document.createElement('option'),
      { value: f.id, textContent: f.title, selected: f === form })));
    if (form) showForm(form, entryForm.form ? entryForm.read().values : (!ui.editing && draftFor(form.id)));
  }

  function showView(name) {
    $('form-view').hidden = name !== 'form';
    $('list-view').hidden = name !== 'list';
    $('tab-form').setAttribute('aria-pressed', String(name === 'form'));
    $('tab-list').setAttribute('aria-pressed', String(name === 'list'));
  }

  const isMine = (r) => ownIds.has(r.createdBy);
  /** Who made an entry, in words: this phone, the coordinator (on the laptop), a teammate by name. */
  const authorOf = (r) => {
    if (isMine(r)) return t('list.byYou');
    if (ui.masterId && r.createdBy === ui.masterId) return t('list.byCoordinator');
    const name = ui.names[r.createdBy];
    return name ? t('list.byName', { name }) : t('list.byTeammate');
  };
  const entriesList = new EntriesList({
    list: $('entries'), more: $('entries-more'), search: $('entry-search'), searchField: $('entry-search-field'),
    noMatch: $('no-match'),
    actions: {
      onEdit: startEdit,
      onRetry: (uuid) => store.updateAll([uuid], (r) => r && { ...r, status: 'waiting', error: null }).then(() => sync.trigger()),
      onDiscard: (uuid) => store.updateAll([uuid], (r) => r && discardLocal(r)),
    },
  });

  async function refresh() {
    const movedTo = await store.getMeta('movedTo'); // set up for the secure page, maybe in another tab
    if (movedTo) {
      sync.stop();
      showMovedAway(movedTo);
      return;
    }
    await applyChanges();
    const all = [...records.values()];
    const count = entriesList.update(all, {
      forms: ui.forms, authorOf, mayEdit: (r) => isMine(r) || sync.teamEdits, receipts: sync.receipts,
    });
    showEditedReceipt();
    const retention = await store.getMeta('retention');
    const removed = retention?.removed > 0;
    $('entry-count').textContent = String(count);
    $('empty-list').hidden = count > 0 || removed;
    $('retention-note').hidden = !removed;
    if (removed) $('retention-note').textContent = plural('app.retention', retention.days);
    renderBanner($('banner'), { reachable: sync.reachable, former: sync.former, records: all });
    $('moved').hidden = !(sync.former || lost.ask);
    $('former-master').hidden = !sync.former;
  }

  /** Brings `records` up to date: this page's own changes as they are, others' read by key. */
  async function applyChanges() {
    while (changes.length > 0) {
      if (changes.includes(null)) {
        changes.length = 0;
        records.clear();
        for (const r of await store.allEntries()) records.set(r.uuid, r);
        continue;
      }
      const change = changes.shift();
      const keys = change.records ? [...change.records.keys()] : change.keys;
      const got = change.records ? keys.map((k) => change.records.get(k)) : await store.getEntries(keys);
      keys.forEach((key, i) => (got[i] ? records.set(key, got[i]) : records.delete(key)));
    }
  }

  // one refresh at a time; changes during one bring another once it is over
  let refreshQueued = false;
  let refreshing = null;
  const queueRefresh = () => {
    if (refreshQueued) return;
    refreshQueued = true;
    setTimeout(async () => {
      await refreshing?.catch(() => {}); // its failure was reported where it happened
      refreshQueued = false;
      refreshing = refresh();
    }, 0);
  };

  /** The entry open in the form shows its receipt too, kept up to date like the list's. */
  function showEditedReceipt() {
    const record = ui.editing && records.get(ui.editing);
    fillReceipt($('form-receipt'), record ? markOf(record, sync.receipts) : 'waiting');
  }

  async function startEdit(uuid) {
    const record = await store.getEntry(uuid);
    const form = record && ui.forms.find((f) => f.id === record.formId);
    if (!form) return;
    ui.editing = uuid;
    sync.inUse = uuid;
    ui.seen = editSnapshot(record);
    ui.formId = form.id;
    say('');
    renderForms();
    entryForm.fill(ui.seen.values);
    showEditedReceipt();
    showView('form');
    window.scrollTo(0, 0);
  }

  function endEdit() {
    ui.editing = null;
    sync.inUse = null;
    entryForm.form = null;
    showEditedReceipt();
    renderForms();
  }

  async function save(event) {
    event.preventDefault();
    const form = currentForm();
    const { values, problems } = entryForm.read();
    entryForm.showProblems(problems);
    if (Object.keys(problems).length) {
      say(t('app.notSaved'), 'bad');
      return;
    }
    if (ui.editing) {
      await store.updateAll([ui.editing], (r) => r && editRecord(r, form, values, clock, ui.seen),
        () => ({ clock: clock.state() }));
      endEdit();
      say(''); // the list shows the entry's new status
      showView('list');
    } else {
      const record = newRecord({ uuid: newUuid(), form, values, clock });
      await store.putAll([record], { clock: clock.state() });
      dropDraft();
      entryForm.clear();
      say(t('app.saved'), 'ok');
      // the confirmation and the empty form's first question in sight, not the Save button below
      window.scrollTo(0, 0);
      entryForm.focusFirst();
    }
    if (sync.reachable !== true) askForBackgroundPush();
    sync.trigger();
  }

  $('entry-form').addEventListener('submit', save);
  $('entry-form').addEventListener('input', () => {
    if (!ui.editing && entryForm.form) keepDraft(entryForm.form.id, entryForm.read().values);
  });
  $('cancel-edit').addEventListener('click', () => { endEdit(); say(''); showView('list'); });
  $('form-picker').addEventListener('change', (e) => { ui.formId = e.target.value; entryForm.form = null; renderForms(); });
  $('tab-form').addEventListener('click', () => showView('form'));
  $('tab-list').addEventListener('click', () => showView('list'));
  store.addEventListener('change', (e) => {
    changes.push(e.detail);
    queueRefresh();
  });
  store.addEventListener('outdated', () => location.reload()); // a newer version of the app opened
  sync.addEventListener('state', () => {
    lost.update(sync.reachable);
    if (sync.former) $('moved').open = true; // the way on: the new laptop's address
    else if (sync.reachable === false) askForBackgroundPush();
    queueRefresh();
  });
  sync.addEventListener('choices', queueRefresh);
  sync.addEventListener('receipts', queueRefresh);
  sync.addEventListener('session', (e) => {
    $('team').textContent = e.detail.info.name;
    ui.masterId = e.detail.info.deviceId;
    if (e.detail.names) ui.names = e.detail.names;
    queueRefresh();
    if (JSON.stringify(e.detail.forms) === JSON.stringify(ui.forms)) return;
    ui.forms = e.detail.forms;
    if (!ui.editing) renderForms();
  });
  sync.addEventListener('unpaired', () => {
    $('app-view').hidden = true;
    $('banner').hidden = true;
    showJoin({
      view: $('join-view'), api: new Api({ getToken: () => null, onTime: () => {} }), name: device.name,
      reason: t('app.unpaired'),
      onJoined: async (joined) => {
        const next = { ...joined, formerIds: [...ownIds] };
        const fresh = new HlcClock(next.deviceId, clock.state());
        const all = await store.allEntries();
        await store.updateAll(all.map((r) => r.uuid), (r) => r && restamp(r, fresh),
          () => ({ device: next, clock: fresh.state() }));
        location.reload();
      },
    });
  });

  setUpMasterMove({
    form: $('moved-form'), input: $('moved-address'), message: $('moved-message'), store,
    onMoved: (base) => {
      masterBase = base;
      sync.masterMoved();
    },
  });
  $('team').textContent = (await store.getMeta('teamName')) ?? '';
  $('device-name').textContent = t('app.thisPhone', { name: device.name });
  showStorage(store.sealed);
  $('app-view').hidden = false;
  $('banner').hidden = false;
  renderForms();
  showView('form');
  refreshing = refresh();
  await refreshing;
  await sync.start();
}

/** The about area says whether this phone's copy of the entries is encrypted (secure page) or not (plain http). */
function showStorage(sealed) {
  $('about').hidden = false;
  $('about-encrypted').hidden = !sealed;
  $('about-plain').hidden = sealed;
}

function fail(text) {
  $('fatal').hidden = false;
  $('fatal').textContent = text;
}

main().catch((e) => {
  console.error(e);
  fail(t('app.failed', { reason: e.message }));
});
