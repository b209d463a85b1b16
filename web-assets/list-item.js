// One entry as the list shows it: a title, up to three more answers, form, time and author,
// its sync status in words (and the reason when the master refused it), its receipt (✓ on the
// master, ✓✓ on the team's server), and its actions. Values are shown with textContent only.

import { currentValues } from './entries.js';
import { answerFields, choicesOf } from './form-tree.js';
import { MARKS } from './receipts.js';
import { isEmptyValue } from './validate.js';

const STATUS_TEXT = { waiting: 'Waiting', syncing: 'Syncing…', synced: 'Synced', failed: 'Failed' };

function text(tag, className, content) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

function shown(field, value) {
  if (field?.type === 'boolean') return value ? 'Yes' : 'No';
  if (field?.type === 'repeat') return value.length === 1 ? '1 member' : `${value.length} members`;
  const names = Array.isArray(value) ? value : [value];
  const plain = names.map((name) => (field ? choiceLabel(field, name) : String(name))).join(', ');
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

/** A select answer's label (in the form's default language); any other answer as it is. */
function choiceLabel(field, name) {
  return String(choicesOf(field).find((c) => c.name === name)?.label ?? name);
}

// one formatter for every row: building it is what costs
const WHEN = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function when(ms) {
  return WHEN.format(new Date(ms));
}

function button(label, onClick) {
  const b = text('button', 'secondary', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The receipt as words with its glyph beside them: the glyph is hidden from screen readers, which
 * read the words. Empty for the marks the status badge already says (waiting, failed).
 */
export function fillReceipt(el, mark) {
  const shown = mark === 'on_master' || mark === 'on_server';
  el.hidden = !shown;
  el.dataset.mark = mark;
  if (!shown) {
    el.replaceChildren();
    return;
  }
  const glyph = text('span', 'receipt-glyph', MARKS[mark].glyph);
  glyph.setAttribute('aria-hidden', 'true');
  el.replaceChildren(glyph, ` ${MARKS[mark].words}`);
}

/**
 * One entry's list item: `mine` (made on this phone), `editable` (gets the Edit action), `mark`
 * (receipts.js), `actions` ({ onEdit, onRetry, onDiscard }, each called with the uuid).
 */
export function entryItem(record, form, mine, editable, mark, actions) {
  const values = currentValues(record);
  const fields = form ? answerFields(form) : Object.keys(values).map((name) => ({ name, label: name }));
  const answered = fields.filter((f) => !isEmptyValue(values[f.name]));
  const titleField = answered.find((f) => f.type === 'text') ?? answered[0];
  const li = document.createElement('li');
  li.className = 'entry';
  li.dataset.uuid = record.uuid;
  li.dataset.status = record.status;

  const head = document.createElement('div');
  head.className = 'entry-head';
  head.append(
    text('span', 'entry-title', titleField ? shown(titleField, values[titleField.name]) : '(no answers)'),
    text('span', `badge badge-${record.status}`, STATUS_TEXT[record.status] ?? record.status),
  );
  li.append(head);

  const summary = answered.filter((f) => f !== titleField).slice(0, 3)
    .map((f) => `${f.label || f.name}: ${shown(f, values[f.name])}`).join(' · ');
  if (summary) li.append(text('p', 'entry-summary', summary));
  li.append(text('p', 'entry-meta',
    `${form?.title ?? record.formId} · ${when(record.createdAt)} · ${mine ? 'by you' : 'by another device'}`));
  const receipt = document.createElement('p');
  receipt.className = 'receipt';
  fillReceipt(receipt, mark);
  li.append(receipt);

  if (record.status === 'failed') {
    const next = editable ? ' Edit it and save again.' : '';
    li.append(text('p', 'entry-error', `Not accepted by the master: ${record.error || 'no reason given'}.${next}`));
  }
  const clashes = (record.master?.conflicts ?? []).map((c) => fields.find((f) => f.name === c.field)?.label ?? c.field);
  if (clashes.length) li.append(text('p', 'entry-note', `The coordinator will review a clash in: ${[...new Set(clashes)].join(', ')}`));

  const row = document.createElement('div');
  row.className = 'entry-actions';
  if (editable && form) {
    const edit = button('Edit', () => actions.onEdit(record.uuid));
    edit.setAttribute('aria-label', `Edit ${li.querySelector('.entry-title').textContent}`);
    row.append(edit);
  }
  if (record.status === 'failed') {
    // a refused change to someone else's entry cannot be sent again: it can only be undone
    row.append(editable ? button('Send again', () => actions.onRetry(record.uuid))
      : button('Undo my change', () => actions.onDiscard(record.uuid)));
  }
  if (row.childElementCount) li.append(row);
  return li;
}

/** An answer's words: a repeat's rows give their answers. */
function wordsOf(value) {
  if (Array.isArray(value)) return value.map(wordsOf).join(' ');
  if (value !== null && typeof value === 'object') return Object.values(value).map(wordsOf).join(' ');
  return String(value ?? '');
}

/** The lower-case text a search looks in: every answer, and the form's title. */
export function searchText(record, form) {
  const answers = Object.values(currentValues(record)).filter((v) => !isEmptyValue(v))
    .map(wordsOf);
  return [...answers, form?.title ?? record.formId].join('\n').toLowerCase();
}
