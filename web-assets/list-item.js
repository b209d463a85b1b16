// One entry as the list shows it: a title, up to three more answers, form, time and author,
// its sync status in words (and the reason when the master refused it), its receipt (✓ on the
// master, ✓✓ on the team's server), and its actions. Values are shown with textContent only;
// dates as the phone's date box shows them (the browser's language), not as stored.

import { currentValues } from './entries.js';
import { answerFields, choicesOf } from './form-tree.js';
import { MARKS } from './receipts.js';
import { isEmptyValue } from './validate.js';
import { plural, t } from './words.js';

const STATUS_TEXT = { waiting: 'status.waiting', syncing: 'status.syncing', synced: 'status.synced', failed: 'status.failed' };

function text(tag, className, content) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

function shown(field, value) {
  if (field?.type === 'boolean') return value ? t('answer.yes') : t('answer.no');
  if (field?.type === 'repeat') return plural('list.members', value.length);
  if (field?.type === 'date' && typeof value === 'string') return dateText(value);
  const names = Array.isArray(value) ? value : [value];
  const plain = names.map((name) => (field ? choiceLabel(field, name) : String(name))).join(', ');
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

/** A select answer's label (in the form's default language); any other answer as it is. */
function choiceLabel(field, name) {
  return String(choicesOf(field).find((c) => c.name === name)?.label ?? name);
}

// one formatter of each kind for every row, in the browser's language: building one is what costs
const WHEN = new Intl.DateTimeFormat(navigator.language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
// day, month and year as the date box (<input type="date">) shows them: 01/12/2026, 12/01/2026, 01.12.2026…
const DAY = new Intl.DateTimeFormat(navigator.language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

function when(ms) {
  return WHEN.format(new Date(ms));
}

/** A date answer ("2026-12-01", as stored and sent) as the phone's language writes it; other text as it is. */
export function dateText(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? DAY.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : value;
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
  el.replaceChildren(glyph, ` ${t(MARKS[mark].words)}`);
}

/**
 * One entry's list item: `by` (who made it, in words: "by you", "by Amina"), `editable` (gets the
 * Edit action), `mark` (receipts.js), `actions` ({ onEdit, onRetry, onDiscard }, each called with the uuid).
 */
export function entryItem(record, form, by, editable, mark, actions) {
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
    text('span', 'entry-title', titleField ? shown(titleField, values[titleField.name]) : t('list.noAnswers')),
    text('span', `badge badge-${record.status}`, STATUS_TEXT[record.status] ? t(STATUS_TEXT[record.status]) : record.status),
  );
  li.append(head);

  const summary = answered.filter((f) => f !== titleField).slice(0, 3)
    .map((f) => `${f.label || f.name}: ${shown(f, values[f.name])}`).join(' · ');
  if (summary) li.append(text('p', 'entry-summary', summary));
  li.append(text('p', 'entry-meta', `${form?.title ?? record.formId} · ${when(record.createdAt)} · ${by}`));
  const receipt = document.createElement('p');
  receipt.className = 'receipt';
  fillReceipt(receipt, mark);
  li.append(receipt);

  if (record.status === 'failed') {
    const reason = record.error || t('list.noReason');
    li.append(text('p', 'entry-error', t(editable ? 'list.refusedEditable' : 'list.refused', { reason })));
  }
  const clashes = (record.master?.conflicts ?? []).map((c) => fields.find((f) => f.name === c.field)?.label ?? c.field);
  if (clashes.length) li.append(text('p', 'entry-note', t('list.clash', { fields: [...new Set(clashes)].join(', ') })));

  const row = document.createElement('div');
  row.className = 'entry-actions';
  if (editable && form) {
    const edit = button(t('list.edit'), () => actions.onEdit(record.uuid));
    edit.setAttribute('aria-label', t('list.editLabel', { title: li.querySelector('.entry-title').textContent }));
    row.append(edit);
  }
  if (record.status === 'failed') {
    // a refused change to someone else's entry cannot be sent again: it can only be undone
    row.append(editable ? button(t('list.sendAgain'), () => actions.onRetry(record.uuid))
      : button(t('list.undo'), () => actions.onDiscard(record.uuid)));
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

/** The lower-case text a search looks in: every answer (a date also as the list shows it), and the form's title. */
export function searchText(record, form) {
  const values = currentValues(record);
  const dates = (form ? answerFields(form) : []).filter((f) => f.type === 'date' && typeof values[f.name] === 'string')
    .map((f) => dateText(values[f.name]));
  const answers = Object.values(values).filter((v) => !isEmptyValue(v))
    .map(wordsOf);
  answers.push(...dates);
  return [...answers, form?.title ?? record.formId].join('\n').toLowerCase();
}
