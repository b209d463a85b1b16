// Renders a form from GET /api/v1/forms as labelled controls inside a real <form>, reads the
// answers back as typed values, and shows problems next to their fields. Everything that came
// from the server is set as text, never as HTML.

import { formProblems, MAX_TEXT, MAX_TEXTAREA } from './validate.js';

function element(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') el.textContent = value;
    else if (key in el && key !== 'list') el[key] = value;
    else el.setAttribute(key, value);
  }
  for (const child of children) el.append(child);
  return el;
}

function option(value, text) {
  return element('option', { value, text });
}

export class EntryForm {
  #fields = new Map();

  constructor(container) {
    this.container = container;
  }

  /** Builds one labelled control per field. */
  render(form) {
    this.form = form;
    this.#fields.clear();
    this.container.replaceChildren();
    form.fields.forEach((field, i) => {
      const id = `field-${i}`;
      const error = element('p', { id: `${id}-error`, className: 'field-error', hidden: true });
      const wrapper = field.type === 'select_multiple'
        ? this.#choices(field, id, error)
        : this.#single(field, id, error);
      wrapper.dataset.field = field.name;
      this.container.append(wrapper);
      this.#fields.set(field.name, { field, wrapper, error });
    });
  }

  #labelText(field) {
    const text = [document.createTextNode(field.label || field.name)];
    if (field.required) text.push(element('span', { className: 'required', text: ' (required)' }));
    return text;
  }

  #single(field, id, error) {
    const control = this.#control(field, id);
    control.setAttribute('aria-describedby', error.id);
    if (field.required) control.setAttribute('aria-required', 'true');
    const label = element('label', { htmlFor: id }, this.#labelText(field));
    return element('div', { className: 'field' }, [label, control, error]);
  }

  #choices(field, id, error) {
    const boxes = (field.options ?? []).map((opt, j) => element('label', { className: 'choice' }, [
      element('input', { type: 'checkbox', name: id, value: opt, id: `${id}-${j}` }), document.createTextNode(opt),
    ]));
    const fieldset = element('fieldset', { className: 'field choices' },
      [element('legend', {}, this.#labelText(field)), ...boxes, error]);
    fieldset.setAttribute('aria-describedby', error.id);
    return fieldset;
  }

  #control(field, id) {
    switch (field.type) {
      case 'textarea':
        return element('textarea', { id, name: id, rows: 3, maxLength: MAX_TEXTAREA });
      case 'integer':
      case 'decimal': {
        const input = element('input', {
          id, name: id, type: 'number', step: field.type === 'integer' ? '1' : 'any',
          inputMode: field.type === 'integer' ? 'numeric' : 'decimal',
        });
        if (field.min !== undefined && field.min !== null) input.min = String(field.min);
        if (field.max !== undefined && field.max !== null) input.max = String(field.max);
        return input;
      }
      case 'date':
        return element('input', { id, name: id, type: 'date' });
      case 'select_one':
        return element('select', { id, name: id },
          [option('', 'Choose…'), ...(field.options ?? []).map((o) => option(o, o))]);
      case 'boolean':
        return element('select', { id, name: id }, [option('', 'Choose…'), option('true', 'Yes'), option('false', 'No')]);
      default:
        return element('input', { id, name: id, type: 'text', maxLength: MAX_TEXT, autocomplete: 'off' });
    }
  }

  /** The answers as typed values (null = no answer) and every problem, in the master's words. */
  read() {
    const values = {};
    const unreadable = {};
    for (const [name, { field, wrapper }] of this.#fields) {
      if (field.type === 'select_multiple') {
        const picked = [...wrapper.querySelectorAll('input:checked')].map((box) => box.value);
        values[name] = picked.length ? picked : null;
        continue;
      }
      const control = wrapper.querySelector('input, select, textarea');
      const raw = control.value;
      if (field.type === 'integer' || field.type === 'decimal') {
        if (control.validity.badInput) unreadable[name] = field.type === 'integer' ? 'must be a whole number' : 'must be a number';
        values[name] = raw.trim() === '' ? null : Number(raw);
      } else if (field.type === 'boolean') {
        values[name] = raw === '' ? null : raw === 'true';
      } else if (field.type === 'text' || field.type === 'textarea') {
        values[name] = raw.trim() === '' ? null : raw.trim();
      } else {
        values[name] = raw === '' ? null : raw;
      }
    }
    return { values, problems: { ...formProblems(this.form, values), ...unreadable } };
  }

  /** Puts values (e.g. of an entry being edited) into the controls. */
  fill(values) {
    for (const [name, { field, wrapper }] of this.#fields) {
      const value = values[name] ?? null;
      if (field.type === 'select_multiple') {
        const chosen = Array.isArray(value) ? value : [];
        for (const box of wrapper.querySelectorAll('input')) box.checked = chosen.includes(box.value);
      } else {
        wrapper.querySelector('input, select, textarea').value = value === null ? '' : String(value);
      }
    }
  }

  clear() {
    this.fill({});
    this.showProblems({});
  }

  /** Shows each problem next to its field and moves the focus to the first one. */
  showProblems(problems) {
    let first = null;
    for (const [name, { field, wrapper, error }] of this.#fields) {
      const problem = problems[name];
      const control = wrapper.querySelector('input, select, textarea');
      error.hidden = !problem;
      error.textContent = problem ? `${field.label || field.name} ${problem}.` : '';
      wrapper.classList.toggle('invalid', Boolean(problem));
      if (problem) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      if (problem && !first) first = { wrapper, control };
    }
    if (first) {
      // the label too must be in sight, below the sticky banner (see .field's scroll-margin-top)
      first.wrapper.scrollIntoView({ block: 'start' });
      first.control.focus({ preventScroll: true });
    }
  }
}
