// Stand-in for the photo question until helper H5's photo.js (camera, resize, outbox, upload)
// is merged over it: it keeps a photo an entry already names and says that photos cannot be
// taken on this version of the app.

import { element } from './dom.js';

export function photoField(_field) {
  let name = null;
  const status = element('p', { className: 'note', text: 'No photo. Taking photos comes with the next version of the app.' });
  return {
    element: element('div', { className: 'photo' }, [status]),
    get value() { return name; },
    set value(v) {
      name = v ?? null;
      status.textContent = name ? 'A photo is attached.' : 'No photo. Taking photos comes with the next version of the app.';
    },
  };
}
