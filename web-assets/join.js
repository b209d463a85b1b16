// Joining the team: the QR code opens /join#<code>; the code is taken out of the address bar at
// once, the person types their name once, and the phone pairs with the master.

import { ApiError, Unreachable } from './api.js';

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
    return 'This join code is wrong or no longer valid. Ask the coordinator to show the QR code again, then scan it.';
  }
  if (error instanceof ApiError && error.status === 429) {
    return `Too many tries. Wait ${error.retryAfter || 'a few'} seconds, then try again.`;
  }
  if (error instanceof ApiError) return `The master refused: ${error.detail || error.error}`;
  if (error instanceof Unreachable) return 'The master cannot be reached. Join the team\'s WiFi and try again.';
  return 'Joining failed. Try again.';
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
  view.querySelector('#join-intro').textContent = reason || (code
    ? 'Type your name once; this phone then joins the team and shows the form.'
    : 'Scan the QR code on the coordinator\'s screen, or type the join code shown there.');
  codeInput.value = code ?? '';
  nameInput.value = name ?? '';
  view.hidden = false;
  (code ? nameInput : codeInput).focus();

  form.onsubmit = async (event) => {
    event.preventDefault();
    const joinCode = codeInput.value.trim();
    const person = nameInput.value.trim();
    if (!joinCode) {
      message.textContent = 'Type the join code shown on the coordinator\'s screen.';
      codeInput.focus();
      return;
    }
    if (!person || person.length > 60) {
      message.textContent = 'Type your name (up to 60 characters), so the team knows who collected what.';
      nameInput.focus();
      return;
    }
    button.disabled = true;
    message.textContent = 'Joining…';
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
