// Which of a form's languages to show first: the first of the browser's languages the form has.
// XLSForm names languages as "French (fr)", "French" or "fr"; any of them matches a browser's "fr-FR".

const ENGLISH_NAMES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

function codesOf(language) {
  const lower = language.trim().toLowerCase();
  const inBrackets = /\(([a-z]{2,3}(?:-[a-z0-9]+)*)\)\s*$/.exec(lower);
  return [inBrackets?.[1], lower].filter(Boolean);
}

function englishName(code) {
  try {
    return ENGLISH_NAMES?.of(code)?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/** The form language that matches the browser's (`wanted`, in order of preference), or null. */
export function pickLanguage(languages, wanted) {
  for (const tag of wanted ?? []) {
    const full = tag.toLowerCase();
    const primary = full.split('-')[0];
    const name = englishName(primary);
    const match = languages.find((language) => {
      const codes = codesOf(language);
      return codes.includes(full) || codes.includes(primary) || (name !== null && codes.some((c) => c.split(' (')[0] === name));
    });
    if (match) return match;
  }
  return null;
}
