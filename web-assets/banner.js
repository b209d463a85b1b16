// The banner at the top, one short line: is the coordinator's laptop (the master) reachable, or is
// it the team's former one, and how many entries wait to be sent. A hint below only while entries
// wait and the laptop is out of reach.

import { isPending } from './entries.js';
import { plural, t } from './words.js';

const HEADS = {
  reachable: 'banner.reachable',
  unreachable: 'banner.unreachable',
  connecting: 'banner.connecting',
  former: 'banner.former',
};

export function renderBanner(banner, { reachable, former = false, records }) {
  const waiting = records.filter(isPending).length;
  const failed = records.filter((r) => r.status === 'failed').length;
  let state = reachable === true ? 'reachable' : reachable === false ? 'unreachable' : 'connecting';
  if (former) state = 'former';
  let detail = waiting === 0 ? t('banner.nothingWaiting') : plural('banner.waiting', waiting);
  if (failed) detail += ` · ${plural('banner.failed', failed)}`;
  banner.dataset.state = state;
  banner.querySelector('.banner-state').textContent = t(HEADS[state]);
  banner.querySelector('.banner-count').textContent = detail;
  let hint = '';
  if (state === 'unreachable' && waiting) hint = t('banner.hintUnreachable');
  if (state === 'former' && waiting) hint = t('banner.hintFormer');
  banner.querySelector('.banner-hint').textContent = hint;
}
