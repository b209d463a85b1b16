// Moving a phone from the plain http page to the secure (https) page of the same master. The two
// are different origins, each with its own IndexedDB, so the http side hands over the device
// (id, token, name), its clock and every entry the master has not acknowledged, once, in the
// fragment of the secure join URL: a fragment never reaches a server or its log. The https page
// takes it out of the address bar at once and stores it; the http side remembers that it moved
// (meta `movedTo`) and no longer syncs.

import { Api } from './api.js';
import { HlcClock } from './clock.js';
import { restamp } from './entries.js';
import { pushPending } from './push.js';
import { TeamWatch } from './team.js';
import { unsentNames } from './upload.js';

const PREFIX = 'move=';
const LAST_PUSH_MS = 4000;
// photos cannot travel in the fragment (megabytes): each one waiting buys the last push more time
const PER_PHOTO_MS = 4000;
const LONGEST_PUSH_MS = 60000;

/** What the master has not acknowledged: an unsent edit (waiting, syncing, refused) or never stored. */
export function unacknowledged(record) {
  return Object.keys(record.local).length > 0 || !record.master;
}

/** The fragment for the secure join URL, without the '#'. */
export function encodeMove(payload) {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The handed-over phone from a fragment (without '#'); null when it is none or arrived broken. */
export function decodeMove(fragment) {
  if (!fragment.startsWith(PREFIX)) return null;
  try {
    const binary = atob(fragment.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    const fine = typeof payload?.device?.deviceId === 'string' && typeof payload.device.token === 'string'
      && Array.isArray(payload.entries);
    return fine ? payload : null;
  } catch {
    return null;
  }
}

export function isMove(fragment) {
  return fragment.startsWith(PREFIX);
}

/**
 * Sends the phone to the secure page `secureOrigin` (like "https://192.168.1.23:8378"). A phone
 * not paired yet joins there with `code`. A paired one stops syncing here, tries one short push
 * of what waits, and carries whatever the master has not acknowledged.
 */
export async function moveToSecure({ store, secureOrigin, code }) {
  const device = await store.getMeta('device');
  if (!device) {
    location.assign(`${secureOrigin}/join${code ? `#${encodeURIComponent(code)}` : ''}`);
    return;
  }
  // first, so that the app open in another tab stops syncing and saving before the entries are read
  await store.setMeta('movedTo', secureOrigin);
  await lastPush(store, device);
  const [clock, masterId, teamName, team, forms, entries] = await Promise.all([
    store.getMeta('clock'), store.getMeta('masterId'), store.getMeta('teamName'), store.getMeta('team'),
    store.getMeta('forms'), store.allEntries(),
  ]);
  const payload = { device, clock, masterId, teamName, team, forms, entries: entries.filter(unacknowledged) };
  location.assign(`${secureOrigin}/join#${encodeMove(payload)}`);
}

/**
 * One push of waiting entries, bounded in time. Whatever it does not get acknowledged (the
 * master is out of reach, slow, or refuses) travels with the phone, so its failure is no error;
 * a photo not sent by then stays behind on this page (an entry naming it fails there).
 */
async function lastPush(store, device) {
  const [masterBase, team] = await Promise.all([store.getMeta('masterBase'), store.getMeta('team')]);
  const api = new Api({
    getToken: () => device.token, onTime: () => {}, getBase: () => masterBase ?? '', timeoutMs: LAST_PUSH_MS,
    team: new TeamWatch(team),
  });
  const waiting = await store.entriesWithStatus('waiting', 'syncing');
  const photos = (await store.attachmentsNamed([...unsentNames(waiting)])).filter((a) => !a.sent).length;
  const deadline = Date.now() + Math.min(LONGEST_PUSH_MS, LAST_PUSH_MS + photos * PER_PHOTO_MS);
  await pushPending({ store, api, keepGoing: () => Date.now() < deadline }).catch(() => {});
}

/**
 * Stores a handed-over phone in this (secure) origin's IndexedDB. A new or the same device takes
 * the identity; records this page lacks are added, and of one it holds, the newer edit of each
 * field wins. Nothing is dropped. If this page already joined as another device, it stays that
 * device, and the unsent edits carried over become its own (as after joining again).
 */
export async function receiveMove(store, moved) {
  const [own, ownClock, masterId, teamName, team, forms] = await Promise.all([
    store.getMeta('device'), store.getMeta('clock'), store.getMeta('masterId'), store.getMeta('teamName'),
    store.getMeta('team'), store.getMeta('forms'),
  ]);
  const adopt = !own || own.deviceId === moved.device.deviceId;
  const movedIds = [moved.device.deviceId, ...(moved.device.formerIds ?? [])];
  const device = adopt
    ? { ...moved.device, formerIds: union(moved.device.formerIds, own?.formerIds) }
    : { ...own, formerIds: union(own.formerIds, movedIds) };
  const clock = new HlcClock(device.deviceId, laterClock(ownClock, moved.clock));
  const incoming = new Map(moved.entries.map((r) => [r.uuid, adopt ? r : (restamp(r, clock) ?? r)]));
  await store.updateAll([...incoming.keys()], (mine, uuid) => merged(mine, incoming.get(uuid)), () => ({
    device, clock: clock.state(),
    masterId: masterId ?? moved.masterId, teamName: teamName ?? moved.teamName, forms: forms ?? moved.forms ?? [],
    team: laterTeam(team, moved.team),
  }));
}

/** A carried record merged into this page's copy: null when this page's copy already has it all. */
function merged(mine, theirs) {
  if (!mine) return theirs;
  const local = { ...mine.local };
  let added = false;
  for (const [name, edit] of Object.entries(theirs.local)) {
    if (!local[name] || local[name].hlc < edit.hlc) {
      local[name] = edit;
      added = true;
    }
  }
  const master = (theirs.master?.seq ?? -1) > (mine.master?.seq ?? -1) ? theirs.master : mine.master;
  if (!added && master === mine.master) return null;
  const pending = Object.keys(local).length > 0;
  return { ...mine, master, local, status: pending ? 'waiting' : mine.status, error: pending ? null : mine.error };
}

/** The team and epoch further on: a phone never forgets that a newer master took over. */
function laterTeam(a, b) {
  if (!a?.teamId) return b ?? null;
  return b?.teamId === a.teamId && b.epoch > a.epoch ? b : a;
}

/** The clock state further ahead, so stamps keep increasing on the new page. */
function laterClock(a, b) {
  if (!a) return b ?? {};
  if (!b) return a;
  const ahead = (b.lastWall ?? 0) > (a.lastWall ?? 0)
    || ((b.lastWall ?? 0) === (a.lastWall ?? 0) && (b.lastCounter ?? 0) > (a.lastCounter ?? 0));
  return ahead ? b : a;
}

function union(...lists) {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}
