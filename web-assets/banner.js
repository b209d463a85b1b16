// The banner at the top: is the master reachable, and how many entries wait to be sent.

import { isPending } from './entries.js';

export function renderBanner(banner, { reachable, records }) {
  const waiting = records.filter(isPending).length;
  const failed = records.filter((r) => r.status === 'failed').length;
  const state = reachable === true ? 'reachable' : reachable === false ? 'unreachable' : 'connecting';
  const head = { reachable: 'Master reachable', unreachable: 'Master unreachable', connecting: 'Connecting to the master…' }[state];
  let detail = waiting === 0 ? 'nothing waiting' : `${waiting} waiting`;
  if (failed) detail += ` · ${failed} failed`;
  banner.dataset.state = state;
  banner.querySelector('.banner-state').textContent = head;
  banner.querySelector('.banner-count').textContent = detail;
  banner.querySelector('.banner-hint').textContent = state === 'unreachable' && waiting
    ? 'Entries are kept on this phone and sent by themselves when the master is back.' : '';
}
