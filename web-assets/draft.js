// What is typed into a new entry, kept in this tab's session storage until it is saved or
// cancelled: a reload (a new version of the app, a phone that dropped the tab to free memory)
// brings it back instead of an empty form.

const KEY = 'lankit-draft';

export function keepDraft(formId, values) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ formId, values }));
  } catch {
    // storage full or refused: the form still works, only without the safety copy
  }
}

/** The values typed into form `formId` before a reload, or null. */
export function draftFor(formId) {
  try {
    const draft = JSON.parse(sessionStorage.getItem(KEY));
    return draft?.formId === formId ? draft.values : null;
  } catch {
    return null;
  }
}

export function dropDraft() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to drop
  }
}
