// The master's value rules (org.lankit.sync.EntryValidator), applied before saving so that a
// field worker hears about a problem next to the field, not later as a rejected entry.
// Messages match the master's; null, "" and [] mean "no answer".

export const MAX_TEXT = 2000;
export const MAX_TEXTAREA = 10000;

export function isEmptyValue(value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

const optionsOf = (field) => field.options ?? [];
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
    default:
      return 'unsupported field type';
  }
}

/** Every problem of a filled-in form: {fieldName: problem}; empty when it may be saved. */
export function formProblems(form, values) {
  const problems = {};
  for (const field of form.fields) {
    const value = values[field.name];
    const problem = field.required && isEmptyValue(value) ? 'is required' : valueProblem(field, value);
    if (problem) problems[field.name] = problem;
  }
  return problems;
}
