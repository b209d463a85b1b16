// Joining the team: the QR code opens /join#<code>; the code is taken out of the address bar at
// once, the person types their name once, and the phone pairs with the master.

import { ApiError, Unreachable } from './api.js';
import { t } from './words.js';

/**
 * The URL fragment (a join code, or a phone handed over from the plain page), taken out of the
 * address bar and history at once.
 */
export function takeFragment() {
  const fragment = location.hash.slice(1);
  if (location.hash || location.pathname !== '/') history.replaceState(null, '', '/');
  return fragment;
}

/** The join code a fragment carries, or "". */
export function joinCodeOf(fragment) {
  try {
    return decodeURIComponent(fragment).trim();
  } catch {
    return ''; // a mangled fragment: the person types the code instead
  }
}

function explain(error) {
  if (error instanceof ApiError && error.status === 403) {
    return t('join.badCode');
  }
  if (error instanceof ApiError && error.status === 429) {
    return error.retryAfter ? t('join.tooMany', { seconds: error.retryAfter }) : t('join.tooManyUnknown');
  }
  if (error instanceof ApiError) return t('join.refused', { reason: error.detail || error.error });
  if (error instanceof Unreachable) return t('join.unreachable');
  return t('join.failed');
}

/**
 * Shows the join form. `onJoined({deviceId, token, name})` runs after a successful pairing;
 * `reason` explains why the phone has to join (again).
 */
export function showJoin({ view, api, code, name, reason, onJoined }) {
  const form = view.querySelector('#join-form');
  const codeInput = view.querySelector('#join-code');
  const nameInput = view.querySelector('#join-name');
  const message = view.querySelector('#join-message');
  const button = form.querySelector('button[type=submit]');
  view.querySelector('#join-intro').textContent = reason || t(code ? 'join.introWithCode' : 'join.introScan');
  codeInput.value = code ?? '';
  nameInput.value = name ?? '';
  view.hidden = false;
  (code ? nameInput : codeInput).focus();

  form.onsubmit = async (event) => {
    event.preventDefault();
    const joinCode = codeInput.value.trim();
    const person = nameInput.value.trim();
    if (!joinCode) {
      message.textContent = t('join.needCode');
      codeInput.focus();
      return;
    }
    if (!person || person.length > 60) {
      message.textContent = t('join.needName');
      nameInput.focus();
      return;
    }
    button.disabled = true;
    message.textContent = t('join.joining');
    try {
      const paired = await api.pair(joinCode, person);
      message.textContent = '';
      view.hidden = true;
      await onJoined({ deviceId: paired.deviceId, token: paired.token, name: person });
    } catch (e) {
      message.textContent = explain(e);
    } finally {
      button.disabled = false;
    }
  };
}
