// The banner at the top: is the master reachable (or is it the team's former master), and how
// many entries wait to be sent.

import { isPending } from './entries.js';

const HEADS = {
  reachable: 'Master reachable',
  unreachable: 'Master unreachable',
  connecting: 'Connecting to the master…',
  former: 'Old master laptop',
};

export function renderBanner(banner, { reachable, former = false, records }) {
  const waiting = records.filter(isPending).length;
  const failed = records.filter((r) => r.status === 'failed').length;
  let state = reachable === true ? 'reachable' : reachable === false ? 'unreachable' : 'connecting';
  if (former) state = 'former';
  let detail = waiting === 0 ? 'nothing waiting' : `${waiting} waiting`;
  if (failed) detail += ` · ${failed} failed`;
  banner.dataset.state = state;
  banner.querySelector('.banner-state').textContent = HEADS[state];
  banner.querySelector('.banner-count').textContent = detail;
  let hint = '';
  if (state === 'unreachable' && waiting) hint = 'Entries are kept on this phone and sent by themselves when the master is back.';
  if (state === 'former' && waiting) hint = 'Entries are kept on this phone until it has the new address.';
  banner.querySelector('.banner-hint').textContent = hint;
}
