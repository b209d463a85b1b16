// The phone's words in the phone's language: i18n/<code>.json for the first of the browser's
// languages (navigator.languages) that i18n/languages.json lists, English otherwise. A key the
// chosen file lacks falls back to English, so a half-done translation still shows every word.
// Blanks are written {name}; `**words**` in a page's text is shown bold (built as elements,
// never as HTML). Load once with loadWords() before the first t().

const ENGLISH = 'en';

let chosen = ENGLISH;
let english = {};
let own = {};

/** The language code of the browser's first language that has a words file, or 'en'. */
export function pickWordsLanguage(available, wanted) {
  for (const tag of wanted ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (available.includes(primary)) return primary;
  }
  return ENGLISH;
}

// a words file that does not come within this long is asked for once more: a page must never
// stay blank because one request stalled on a weak WiFi
const WAIT_MS = 4000;

async function readOnce(path) {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), WAIT_MS);
  try {
    const response = await fetch(new URL(path, import.meta.url), { signal: stop.signal });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(path) {
  try {
    return await readOnce(path);
  } catch {
    return readOnce(path);
  }
}

/**
 * Reads the words of the browser's language (and English beside them); marks the page's language.
 * Never fails: without its files the page keeps the English its HTML holds, and scripts show keys.
 */
export async function loadWords(wanted = navigator.languages) {
  const available = await readJson('i18n/languages.json').catch(() => [ENGLISH]);
  chosen = pickWordsLanguage(available, wanted);
  english = await readJson(`i18n/${ENGLISH}.json`).catch((e) => {
    console.warn('the English words could not be read', e);
    return {};
  });
  own = chosen === ENGLISH ? english : await readJson(`i18n/${chosen}.json`).catch(() => english);
  if (own === english) chosen = ENGLISH;
  document.documentElement.lang = chosen;
}

/** The language the words are in ('en', 'fr', …). */
export function wordsLanguage() {
  return chosen;
}

/** The words for `key` with each {name} replaced by `values[name]`; the key itself when English lacks it. */
export function t(key, values = {}) {
  const text = own[key] ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (blank, name) => (name in values ? String(values[name]) : blank));
}

/** The words for `count` of something: `key.one` or `key.other` as the language counts, {count} filled in. */
export function plural(key, count, values = {}) {
  const form = new Intl.PluralRules(chosen).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { count, ...values });
}

/** `text` with **bold** parts as <b> elements: nodes to append. */
export function withBold(text) {
  return text.split('**').map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const bold = document.createElement('b');
    bold.textContent = part;
    return bold;
  });
}

/**
 * Puts the words into a page's elements: data-i18n (text, **bold** allowed), data-i18n-placeholder,
 * data-i18n-label (aria-label), data-i18n-title (the document's title).
 */
export function translatePage(root = document) {
  if (Object.keys(own).length === 0) return; // no words read: the page's own English stays
  for (const el of root.querySelectorAll('[data-i18n]')) el.replaceChildren(...withBold(t(el.dataset.i18n)));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  const title = root.querySelector('title[data-i18n-title]');
  if (title) document.title = t(title.dataset.i18nTitle);
}
