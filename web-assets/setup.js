// The phone set-up page (http://<master>/setup#<join code>): the steps to install the kit's
// certificate, in plain words for the kind of phone; then a check that the phone trusts the
// master's secure page, and only then the move there, with everything the phone holds.

import { Api } from './api.js';
import { LocalStore } from './db.js';
import { moveToSecure } from './handover.js';
import { joinCodeOf } from './join.js';
import { loadWords, t, translatePage } from './words.js';

const CHECK_WAIT_MS = 8000;
const $ = (id) => document.getElementById(id);

/** 'iphone' (also an iPad, which calls itself a Mac with a touch screen), 'android' or 'other'. */
function phoneKind(userAgent, touchPoints) {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && touchPoints > 1)) return 'iphone';
  if (/Android/.test(userAgent)) return 'android';
  return 'other';
}

/** The join code in the fragment, taken out of the address bar at once. */
function takeCode() {
  const fragment = location.hash.slice(1);
  if (location.hash) history.replaceState(null, '', location.pathname);
  return joinCodeOf(fragment);
}

function tell(text) {
  $('setup-status').textContent = text;
  $('setup-status').hidden = false;
}

function showKind(kind) {
  for (const button of document.querySelectorAll('.kinds button')) {
    button.setAttribute('aria-pressed', String(button.dataset.kind === kind));
  }
  for (const other of ['android', 'iphone', 'other']) $(`steps-${other}`).hidden = other !== kind;
}

/** The master's secure page: this page's host at the HTTPS port. */
function secureOriginAt(port) {
  const url = new URL(location.origin);
  url.protocol = 'https:';
  url.port = String(port);
  return url.origin;
}

async function check({ master, secureOrigin, code }) {
  const button = $('check');
  const say = (text, state = 'busy') => {
    $('check-message').textContent = text;
    $('check-message').dataset.state = state;
  };
  button.disabled = true;
  $('not-yet').hidden = true;
  say(t('setup.checking'));
  try {
    let answer;
    try {
      answer = await new Api({
        getToken: () => null, onTime: () => {}, getBase: () => secureOrigin, timeoutMs: CHECK_WAIT_MS,
      }).info();
    } catch {
      say(t('setup.notTrusted'), 'bad');
      $('not-yet').hidden = false;
      return;
    }
    if (answer.deviceId !== master.deviceId) {
      say(t('setup.otherMaster'), 'bad');
      $('not-yet').hidden = false;
      return;
    }
    say(t('setup.moving'));
    await moveToSecure({ store: await LocalStore.open(), secureOrigin, code });
  } finally {
    button.disabled = false;
  }
}

async function main() {
  const code = takeCode();
  await loadWords();
  translatePage();
  if (location.protocol === 'https:') {
    tell(t('setup.alreadySecure'));
    return;
  }
  let master;
  try {
    master = await new Api({ getToken: () => null, onTime: () => {} }).info();
  } catch {
    tell(t('setup.unreachable'));
    return;
  }
  if (!master.secure) {
    tell(t('setup.noSecurePage'));
    return;
  }
  const secureOrigin = secureOriginAt(master.secure.port);
  for (const button of document.querySelectorAll('.kinds button')) {
    button.addEventListener('click', () => showKind(button.dataset.kind));
  }
  showKind(phoneKind(navigator.userAgent, navigator.maxTouchPoints));
  $('setup-steps').hidden = false;
  $('check').addEventListener('click', () => check({ master, secureOrigin, code }));
}

main().catch((e) => {
  console.error(e);
  tell(t('setup.failed', { reason: e.message }));
});
