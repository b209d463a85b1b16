// A form's fields are a tree: groups and repeats hold fields. These walks say which fields hold
// an entry's answers (the same as org.lankit.sync.Form.answerFields) and which words to show in a
// language.

/** Whether a field of this type holds an answer of its own (groups and notes do not). */
export function takesAnswer(type) {
  return type !== 'group' && type !== 'note';
}

/** The fields whose answers sit side by side in `fields`' answers: groups opened, repeats as one field. */
export function answerFieldsOf(fields) {
  const out = [];
  for (const field of fields ?? []) {
    if (field.type === 'group') out.push(...answerFieldsOf(field.fields));
    else if (takesAnswer(field.type)) out.push(field);
  }
  return out;
}

/** The fields whose answers sit at the top of an entry, in form order. */
export function answerFields(form) {
  return answerFieldsOf(form.fields);
}

/** Every language the form's words are in, the default first; [] when there is only one. */
export function languagesOf(form) {
  const all = [form.defaultLanguage, ...(form.languages ?? [])].filter(Boolean);
  const unique = [...new Set(all)];
  return unique.length > 1 ? unique : [];
}

/** `field`'s words in `language` (null or the default: the field's own), each falling back to the default's. */
export function textsOf(field, form, language) {
  const own = { label: field.label, hint: field.hint, constraintMessage: field.constraintMessage, requiredMessage: field.requiredMessage };
  const translated = language && language !== form.defaultLanguage ? field.translations?.[language] : null;
  if (!translated) return own;
  return {
    label: translated.label ?? own.label,
    hint: translated.hint ?? own.hint,
    constraintMessage: translated.constraintMessage ?? own.constraintMessage,
    requiredMessage: translated.requiredMessage ?? own.requiredMessage,
  };
}

/** The field's choices as {name, label, labels, columns}, from `choices` or the plain `options`. */
export function choicesOf(field) {
  if (field.choices?.length) return field.choices;
  return (field.options ?? []).map((name) => ({ name, label: name }));
}

export function choiceLabel(choice, form, language) {
  const translated = language && language !== form.defaultLanguage ? choice.labels?.[language] : null;
  return translated ?? choice.label ?? choice.name;
}

/** The label people read for a question, never empty. */
export function labelOf(field, form, language) {
  const label = textsOf(field, form, language).label;
  return label && label.trim() ? label.trim() : field.name;
}
