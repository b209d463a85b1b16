// The master's value rules (org.lankit.sync.EntryValidator), applied before saving so that a
// field worker hears about a problem next to the field, not later as a rejected entry.
// Messages match the master's; null, "" and [] mean "no answer". The form's own rules (required,
// skip logic, constraints) are rules.js'.

import { answerFieldsOf } from './form-tree.js';

export const MAX_TEXT = 2000;
export const MAX_TEXTAREA = 10000;
/** Rows of one repeat (members of one household). */
export const MAX_ROWS = 100;
const ATTACHMENT_NAME = /^[0-9a-f]{32}\.(jpg|png)$/;

export function isEmptyValue(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

const optionsOf = (field) => field.options ?? field.choices?.map((c) => c.name) ?? [];
const listed = (field) => `[${optionsOf(field).join(', ')}]`;

function textProblem(value, max) {
  if (typeof value !== 'string') return 'must be text';
  return value.length > max ? `is longer than ${max} characters` : null;
}

function rangeProblem(field, n) {
  if (field.min !== undefined && field.min !== null && n < Number(field.min)) return `must be at least ${field.min}`;
  if (field.max !== undefined && field.max !== null && n > Number(field.max)) return `must be at most ${field.max}`;
  return null;
}

/** HH:MM or HH:MM:SS on a 24-hour clock. */
function isTime(text) {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  return Boolean(m) && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60;
}

/** "latitude longitude [altitude [accuracy]]", space separated, as ODK writes a point. */
function isGeopoint(text) {
  const parts = text.trim().split(/ +/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^-?[0-9]{1,12}(\.[0-9]{1,12})?$/.test(p))) return false;
  const n = parts.map(Number);
  return Math.abs(n[0]) <= 90 && Math.abs(n[1]) <= 180 && (n.length < 4 || n[3] >= 0);
}

function isRealDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What is wrong with one answer, in the master's words, or null. */
export function valueProblem(field, value) {
  if (isEmptyValue(value)) return null;
  switch (field.type) {
    case 'text':
      return textProblem(value, MAX_TEXT);
    case 'calculate':
      return typeof value === 'number' || typeof value === 'boolean' ? null : textProblem(value, MAX_TEXT);
    case 'textarea':
      return textProblem(value, MAX_TEXTAREA);
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
      return rangeProblem(field, value);
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      return rangeProblem(field, value);
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : 'must be a date like 2026-11-25';
    case 'time':
      return typeof value === 'string' && isTime(value) ? null : 'must be a time like 14:30';
    case 'select_one':
      return typeof value === 'string' && optionsOf(field).includes(value) ? null : `must be one of ${listed(field)}`;
    case 'select_multiple': {
      if (!Array.isArray(value)) return 'must be a list of choices';
      const seen = new Set();
      for (const choice of value) {
        if (typeof choice !== 'string' || !optionsOf(field).includes(choice)) return `must only hold ${listed(field)}`;
        if (seen.has(choice)) return 'lists a choice twice';
        seen.add(choice);
      }
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be yes or no (true or false)';
    case 'geopoint':
      return typeof value === 'string' && isGeopoint(value) ? null
        : 'must be a location like "-1.2921 36.8219" (latitude, longitude)';
    case 'image':
      return typeof value === 'string' && ATTACHMENT_NAME.test(value) ? null : 'must name a photo sent with the entry';
    case 'repeat':
      return rowsProblem(field, value);
    case 'note':
    case 'group':
      return 'takes no answer';
    default:
      return 'unsupported field type';
  }
}

/** A repeat's answer: a list of rows, each an object of its own questions' answers. */
function rowsProblem(field, value) {
  if (!Array.isArray(value)) return 'must be a list of rows';
  if (value.length > MAX_ROWS) return `has more than ${MAX_ROWS} rows`;
  const children = new Map(answerFieldsOf(field.fields).map((f) => [f.name, f]));
  for (const [i, row] of value.entries()) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return `row ${i + 1} must be an object of answers`;
    for (const [name, answer] of Object.entries(row)) {
      const child = children.get(name);
      if (!child) return `row ${i + 1}: ${name} is not a question of ${field.name}`;
      const problem = valueProblem(child, answer);
      if (problem) return `row ${i + 1}: ${child.label?.trim() || child.name} ${problem}`;
    }
  }
  return null;
}
