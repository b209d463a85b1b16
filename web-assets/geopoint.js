// A location answer, "latitude longitude [altitude [accuracy]]" as ODK writes it. Browsers give
// the position only to secure pages (https, or the phone itself): there a button fills it in;
// on the master's plain http address a sentence says why there is no button, and the worker
// types the point (read off a GPS or a map app).

import { element } from './dom.js';

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
    case 1: return 'The phone did not allow this page to read the location. Allow it in the browser\'s settings, or type the point.';
    case 3: return 'No location yet (the phone may not see the sky). Try again outside, or type the point.';
    default: return 'The phone could not tell its location. Try again, or type the point.';
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
    const button = element('button', { type: 'button', className: 'secondary geo-button', text: 'Use my location' });
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = 'Finding the location…';
      navigator.geolocation.getCurrentPosition((position) => {
        button.disabled = false;
        input.value = pointText(position.coords);
        status.textContent = `Location found (within about ${Math.round(position.coords.accuracy)} m).`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, (error) => {
        button.disabled = false;
        status.textContent = positionProblem(error);
      }, { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 });
    });
    parts.push(button);
  } else {
    status.textContent = 'The location button needs the secure page (https); on this plain address browsers do not give '
      + 'the position. Type latitude and longitude, separated by a space.';
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
