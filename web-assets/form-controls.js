// One question's control, by field type: {element, focusable, get value(), set value(v),
// offer(names), unreadable()}. `value` is the typed answer (null = none); `offer` shows only the
// choices a choice_filter leaves; `unreadable` says what is wrong with input that is no value at
// all (letters in a number box), in the master's words. Server words are set as text only.

import { element } from './dom.js';
import { geopointControl } from './geopoint.js';
import { photoField } from './photo.js';
import { choiceLabel, choicesOf } from './form-tree.js';
import { MAX_TEXT, MAX_TEXTAREA } from './validate.js';
import { t } from './words.js';

const option = (value, text) => element('option', { value, text });
const trimmedOrNull = (raw) => (raw.trim() === '' ? null : raw.trim());

/** An <input>, <select> or <textarea> whose text is the answer, read back by `parse`. */
function plain(control, parse = (raw) => (raw === '' ? null : raw), unreadable = () => null) {
  return {
    element: control,
    focusable: control,
    get value() { return parse(control.value); },
    set value(v) { control.value = v === null || v === undefined ? '' : String(v); },
    offer() {},
    unreadable,
  };
}

function numberControl(field, id) {
  const whole = field.type === 'integer';
  const input = element('input', { id, name: id, type: 'number', step: whole ? '1' : 'any', inputMode: whole ? 'numeric' : 'decimal' });
  if (field.min !== undefined && field.min !== null) input.min = String(field.min);
  if (field.max !== undefined && field.max !== null) input.max = String(field.max);
  return plain(input, (raw) => (raw.trim() === '' ? null : Number(raw)),
    () => (input.validity.badInput ? (whole ? 'must be a whole number' : 'must be a number') : null));
}

function selectOne(field, id, form, language) {
  const select = element('select', { id, name: id });
  const all = choicesOf(field);
  let offered = all.map((c) => c.name);
  const draw = () => {
    const kept = select.value;
    select.replaceChildren(option('', t('answer.choose')),
      ...all.filter((c) => offered.includes(c.name) || c.name === kept).map((c) => option(c.name, choiceLabel(c, form, language))));
    select.value = kept;
  };
  draw();
  const control = plain(select);
  control.offer = (names) => {
    if (JSON.stringify(names) === JSON.stringify(offered)) return;
    offered = names;
    draw();
  };
  return control;
}

function selectMultiple(field, id, form, language) {
  const boxes = choicesOf(field).map((c, j) => {
    const box = element('input', { type: 'checkbox', name: id, value: c.name, id: `${id}-${j}` });
    return { name: c.name, box, label: element('label', { className: 'choice' }, [box, document.createTextNode(choiceLabel(c, form, language))]) };
  });
  const holder = element('div', { className: 'choice-list' }, boxes.map((b) => b.label));
  return {
    element: holder,
    focusable: boxes[0]?.box ?? holder,
    get value() {
      const picked = boxes.filter((b) => b.box.checked).map((b) => b.name);
      return picked.length ? picked : null;
    },
    set value(v) {
      const chosen = Array.isArray(v) ? v : [];
      for (const b of boxes) b.box.checked = chosen.includes(b.name);
    },
    offer(names) {
      // a picked choice the filter no longer offers stays in sight, so that it can be unticked
      for (const b of boxes) b.label.hidden = !names.includes(b.name) && !b.box.checked;
    },
    unreadable: () => null,
  };
}

/** The control of an answering question of `field.type`. */
export function questionControl(field, id, form, language) {
  switch (field.type) {
    case 'text':
      return plain(element('input', { id, name: id, type: 'text', maxLength: MAX_TEXT, autocomplete: 'off' }), trimmedOrNull);
    case 'textarea':
      return plain(element('textarea', { id, name: id, rows: 3, maxLength: MAX_TEXTAREA }), trimmedOrNull);
    case 'integer':
    case 'decimal':
      return numberControl(field, id);
    case 'date':
      return plain(element('input', { id, name: id, type: 'date' }));
    case 'time':
      return plain(element('input', { id, name: id, type: 'time' }));
    case 'select_one':
      return selectOne(field, id, form, language);
    case 'select_multiple':
      return selectMultiple(field, id, form, language);
    case 'boolean':
      return plain(element('select', { id, name: id }, [option('', t('answer.choose')), option('true', t('answer.yes')), option('false', t('answer.no'))]),
        (raw) => (raw === '' ? null : raw === 'true'));
    case 'geopoint':
      return geopointControl(id);
    case 'image': {
      const photo = photoField(field);
      const focusable = photo.element.querySelector('input, button') ?? photo.element;
      if (focusable.id === '') focusable.id = id;
      return {
        element: photo.element, focusable,
        get value() { return photo.value ?? null; },
        set value(v) { photo.value = v ?? null; },
        offer() {},
        unreadable: () => null,
      };
    }
    default:
      // a type newer than this app: the answer can still be typed
      return plain(element('input', { id, name: id, type: 'text', maxLength: MAX_TEXT, autocomplete: 'off' }), trimmedOrNull);
  }
}
