// A location answer, "latitude longitude [altitude [accuracy]]" as ODK writes it. Browsers give
// the position only to secure pages (https, or the phone itself): there a button fills it in;
// on the master's plain http address a sentence says why there is no button, and the worker
// types the point (read off a GPS or a map app).

import { element } from './dom.js';
import { t } from './words.js';

const decimals = (n, places) => String(Number(n.toFixed(places)));

/** A position as the answer's text: degrees to 7 places, metres to 1. */
export function pointText(coords) {
  const parts = [decimals(coords.latitude, 7), decimals(coords.longitude, 7)];
  if (coords.altitude !== null && coords.altitude !== undefined) parts.push(decimals(coords.altitude, 1));
  else if (coords.accuracy !== null && coords.accuracy !== undefined) parts.push('0');
  if (coords.accuracy !== null && coords.accuracy !== undefined) parts.push(decimals(coords.accuracy, 1));
  return parts.join(' ');
}

function positionProblem(error) {
  switch (error.code) {
    case 1: return t('geo.denied');
    case 3: return t('geo.noFix');
    default: return t('geo.unknown');
  }
}

export function geopointControl(id) {
  const input = element('input', {
    id, name: id, type: 'text', inputMode: 'decimal', autocomplete: 'off', spellcheck: false,
    placeholder: '-1.2921 36.8219',
  });
  const status = element('p', { className: 'geo-status', role: 'status' });
  const parts = [input];
  if (window.isSecureContext && 'geolocation' in navigator) {
    const button = element('button', { type: 'button', className: 'secondary geo-button', text: t('geo.use') });
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = t('geo.finding');
      navigator.geolocation.getCurrentPosition((position) => {
        button.disabled = false;
        input.value = pointText(position.coords);
        status.textContent = t('geo.found', { metres: Math.round(position.coords.accuracy) });
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, (error) => {
        button.disabled = false;
        status.textContent = positionProblem(error);
      }, { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 });
    });
    parts.push(button);
  } else {
    status.textContent = t('geo.needsSecure');
    status.classList.add('note');
  }
  parts.push(status);
  const holder = element('div', { className: 'geopoint' }, parts);
  return {
    element: holder,
    focusable: input,
    get value() { return input.value.trim() === '' ? null : input.value.trim().replace(/\s+/g, ' '); },
    set value(v) { input.value = v ?? ''; },
    offer() {},
    unreadable: () => null,
  };
}
