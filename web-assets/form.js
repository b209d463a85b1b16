// Renders a form from GET /api/v1/forms inside a real <form>: groups as sections, repeats as rows
// with "Add member" and "Remove", notes, calculated values (read-only), a language switch. As
// answers change, the form's rules (rules.js) hide and show questions, work out calculations and
// narrow choices. read() gives the answers as typed values, hidden questions' answers dropped,
// and every problem as the master words it; showProblems() puts them next to their questions.

import { element } from './dom.js';
import { questionControl } from './form-controls.js';
import { answerFieldsOf, labelOf, languagesOf, textsOf } from './form-tree.js';
import { pickLanguage } from './language.js';
import { FormRules } from './rules.js';
import { MAX_ROWS, isEmptyValue } from './validate.js';
import { numberText } from './expr.js';
import { t } from './words.js';

const pad = (n) => String(n).padStart(2, '0');

/** Today and now on this phone's clock, as expressions read them. */
function clockContext(at = new Date()) {
  const today = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return { today, now: `${today}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}` };
}

/** A field's `default` as a typed answer. */
function typedDefault(field) {
  const text = field.defaultValue;
  switch (field.type) {
    case 'integer': case 'decimal': return Number.isFinite(Number(text)) ? Number(text) : null;
    case 'select_multiple': return text.split(/\s+/).filter(Boolean);
    case 'boolean': return text === 'true' ? true : text === 'false' ? false : null;
    default: return text;
  }
}

/** The answers a new entry (or a new repeat row) starts with. */
function defaultsOf(fields) {
  const values = {};
  for (const field of answerFieldsOf(fields)) {
    if (field.defaultValue !== undefined && field.defaultValue !== null && field.defaultValue !== '') values[field.name] = typedDefault(field);
  }
  return values;
}

function shownValue(value) {
  if (typeof value === 'boolean') return value ? t('answer.yes') : t('answer.no');
  if (typeof value === 'number') return numberText(value);
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** `problem` as a sentence on screen: ends with one full stop. */
const sentence = (problem) => (/[.!?]$/.test(problem) ? problem : `${problem}.`);

/** An answer inside a label's words: a list's names joined, rows counted, nothing for no answer. */
function answerText(value) {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.join(' ') : String(value.length);
  return shownValue(value);
}

export class EntryForm {
  #nodes = [];
  #ids = 0;
  #answered = null; // the question last answered, whose problem shows once the worker moves on

  constructor(container) {
    this.container = container;
    container.addEventListener('input', (e) => this.#changed(e, false));
    container.addEventListener('change', (e) => this.#changed(e, true));
    container.addEventListener('focusin', (e) => this.#movedOn(e));
  }

  /** Builds the form with its default answers, in the browser's language when the form has it. */
  render(form) {
    const languages = languagesOf(form);
    const keep = this.form?.id === form.id && languages.includes(this.language);
    this.form = form;
    this.rules = FormRules.of(form);
    if (!keep) this.language = pickLanguage(languages, navigator.languages) ?? form.defaultLanguage ?? null;
    this.#build(defaultsOf(form.fields));
  }

  /** Puts values (e.g. of an entry being edited) into the form; fields not in `values` are empty. */
  fill(values) {
    this.#build(values ?? {});
  }

  clear() {
    this.#build(defaultsOf(this.form.fields));
  }

  focusFirst() {
    this.#walk((node) => (node.control && !node.element.closest('[hidden]') ? node.control.focusable : null))?.focus({ preventScroll: true });
  }

  #build(values) {
    this.#ids = 0;
    this.#answered = null;
    this.#nodes = this.#nodesFor(this.form.fields, values);
    const languages = languagesOf(this.form);
    this.container.replaceChildren(...(languages.length ? [this.#languageSwitch(languages)] : []), ...this.#nodes.map((n) => n.element));
    this.update();
  }

  #languageSwitch(languages) {
    const select = element('select', { id: 'form-language' }, languages.map((l) => element('option', { value: l, text: l })));
    select.value = this.language ?? languages[0];
    select.addEventListener('change', (e) => {
      e.stopPropagation();
      const values = this.#collect(this.#nodes, {});
      this.language = select.value;
      this.#build(values);
      this.container.querySelector('#form-language').focus();
    });
    return element('div', { className: 'field language' }, [element('label', { htmlFor: 'form-language', text: t('form.language') }), select]);
  }

  #label(field, withRequired = true) {
    const label = labelOf(field, this.form, this.language);
    // a label that shows answers ("${name}", as ODK's output) is filled in by update()
    const parts = [label.includes('${') ? element('span', { 'data-template': label }) : document.createTextNode(label)];
    if (withRequired && field.required) parts.push(element('span', { className: 'required', text: ` ${t('form.required')}` }));
    return parts;
  }

  #hint(field) {
    const hint = textsOf(field, this.form, this.language).hint;
    return hint ? [element('p', { className: 'hint', text: hint })] : [];
  }

  #nodesFor(fields, values) {
    return (fields ?? []).map((field) => {
      const node = this.#node(field, values);
      node.element.dataset.field = field.name;
      return node;
    });
  }

  #node(field, values) {
    switch (field.type) {
      case 'group': {
        const children = this.#nodesFor(field.fields, values);
        const heading = field.label ? [element('h2', {}, this.#label(field, false))] : [];
        return { kind: 'group', field, children, element: element('section', { className: 'group' }, [...heading, ...this.#hint(field), ...children.map((c) => c.element)]) };
      }
      case 'repeat':
        return this.#repeat(field, Array.isArray(values[field.name]) ? values[field.name] : []);
      case 'note':
        return { kind: 'note', field, element: element('div', { className: 'field note-field' }, [element('p', {}, this.#label(field, false)), ...this.#hint(field)]) };
      case 'calculate': {
        const output = element('output', { className: 'calculated-value' });
        const shown = element('div', { className: 'field calculated' }, [element('span', { className: 'calculated-label' }, this.#label(field, false)), output]);
        shown.hidden = !field.label; // an unlabelled calculation is the form's own working
        return { kind: 'calc', field, element: shown, output, value: values[field.name] ?? null, unlabelled: !field.label };
      }
      default:
        return this.#question(field, values[field.name] ?? null);
    }
  }

  #question(field, value) {
    const id = `field-${this.#ids++}`;
    const control = questionControl(field, id, this.form, this.language);
    control.value = value;
    const error = element('p', { id: `${id}-error`, className: 'field-error', hidden: true });
    const many = field.type === 'select_multiple';
    const title = many ? element('legend', {}, this.#label(field)) : element('label', { htmlFor: control.focusable.id || id }, this.#label(field));
    const wrapper = element(many ? 'fieldset' : 'div', { className: `field${many ? ' choices' : ''}` }, [title, ...this.#hint(field), control.element, error]);
    (many ? wrapper : control.focusable).setAttribute('aria-describedby', error.id);
    if (field.required) control.focusable.setAttribute('aria-required', 'true');
    return { kind: 'question', field, control, error, element: wrapper };
  }

  #repeat(field, rows) {
    const error = element('p', { id: `field-${this.#ids++}-error`, className: 'field-error', hidden: true });
    const holder = element('div', { className: 'repeat-rows' });
    const add = element('button', { type: 'button', className: 'secondary add-row', text: t('form.addMember') });
    const section = element('section', { className: 'group repeat' },
      [element('h2', {}, this.#label(field)), ...this.#hint(field), holder, add, error]);
    const node = { kind: 'repeat', field, rows: [], holder, add, error, element: section, control: { focusable: add } };
    rows.forEach((row) => this.#addRow(node, row ?? {}));
    add.addEventListener('click', () => {
      this.#addRow(node, defaultsOf(field.fields));
      this.#announce();
      node.rows.at(-1).element.querySelector('input, select, textarea')?.focus();
    });
    this.#numberRows(node);
    return node;
  }

  #addRow(node, values) {
    const children = this.#nodesFor(node.field.fields, values);
    const legend = element('legend');
    const remove = element('button', { type: 'button', className: 'secondary remove-row', text: t('form.remove') });
    const row = { children, legend, remove, element: element('fieldset', { className: 'repeat-row' }, [legend, ...children.map((c) => c.element), remove]) };
    remove.addEventListener('click', () => {
      node.rows.splice(node.rows.indexOf(row), 1);
      row.element.remove();
      this.#numberRows(node);
      this.#announce();
      node.add.focus();
    });
    node.rows.push(row);
    node.holder.append(row.element);
    this.#numberRows(node);
  }

  /** A row added or removed changes the answers as typing does: the rules run, the draft is kept. */
  #announce() {
    this.container.dispatchEvent(new Event('input', { bubbles: true }));
  }

  #numberRows(node) {
    node.rows.forEach((row, i) => {
      row.element.dataset.row = String(i);
      row.legend.textContent = t('form.member', { number: i + 1 });
      row.remove.setAttribute('aria-label', t('form.removeMember', { number: i + 1 }));
    });
    node.add.disabled = node.rows.length >= MAX_ROWS;
  }

  /** Calls `visit(node, path)` for every node in form order; stops at the first truthy result. */
  #walk(visit, nodes = this.#nodes, prefix = '') {
    for (const node of nodes) {
      const path = prefix + node.field.name;
      const found = visit(node, path)
        ?? (node.kind === 'group' ? this.#walk(visit, node.children, prefix) : null)
        ?? (node.kind === 'repeat' ? node.rows.reduce((f, row, i) => f ?? this.#walk(visit, row.children, `${path}[${i}].`), null) : null);
      if (found) return found;
    }
    return null;
  }

  /** The answers as typed, before the rules: {name: value}, a repeat as a list of row objects. */
  #collect(nodes, out) {
    for (const node of nodes) {
      switch (node.kind) {
        case 'question': out[node.field.name] = node.control.value; break;
        case 'calc': out[node.field.name] = node.value; break;
        case 'group': this.#collect(node.children, out); break;
        case 'repeat': out[node.field.name] = node.rows.map((row) => this.#collect(row.children, {})); break;
        case 'note': break;
      }
    }
    return out;
  }

  /** Applies the rules to what is typed now: shows and hides, calculates, narrows choices. */
  update() {
    const answers = this.#collect(this.#nodes, {});
    const result = this.rules.evaluate(answers, clockContext(), this.language);
    for (const span of this.container.querySelectorAll('[data-template]')) this.#fillIn(span, answers, result);
    this.#walk((node, path) => {
      node.element.hidden = result.relevant[path] === false || (node.kind === 'calc' && node.unlabelled);
      if (node.kind === 'calc') {
        node.value = result.calculated[path] ?? null;
        node.output.textContent = shownValue(node.value);
      }
      if (node.kind === 'question' && result.choices[path]) node.control.offer(result.choices[path]);
      return null;
    });
    return result;
  }

  /** A label's "${name}"s as the answers read: the row's own first, then the top's; calculations as worked out. */
  #fillIn(span, answers, result) {
    const row = span.closest('.repeat-row');
    const repeat = row?.closest('.repeat')?.dataset.field;
    const index = Number(row?.dataset.row);
    span.textContent = span.dataset.template.replace(/\$\{\s*([^}\s]+)\s*\}/g, (_, name) => {
      if (row) {
        const rowPath = `${repeat}[${index}].${name}`;
        if (rowPath in result.calculated) return answerText(result.calculated[rowPath]);
        const own = answers[repeat]?.[index];
        if (own && name in own) return answerText(own[name]);
      }
      return answerText(name in result.calculated ? result.calculated[name] : answers[name]);
    });
  }

  /**
   * After each change the rules run. A question already marked shows its problem (or none) as it
   * is typed. One just answered shows its problem once the worker moves on to another question:
   * not on leaving it for Save, whose tap a message appearing above it would move off the button.
   */
  #changed(event, committed) {
    if (event.target.id === 'form-language') return;
    const result = this.update();
    const changed = this.#nodeHolding(event.target);
    if (committed && changed) this.#answered = changed;
    this.#markWhere(result, (node) => !node.error.hidden);
  }

  #movedOn(event) {
    const answered = this.#answered;
    if (!answered || answered.element.contains(event.target)) return;
    this.#answered = null;
    this.#markWhere(this.update(), (node) => node === answered && !isEmptyValue(node.control.value));
  }

  #nodeHolding(target) {
    return this.#walk((node) => (node.kind === 'question' && node.element.contains(target) ? node : null));
  }

  #markWhere(result, which) {
    const problems = { ...result.problems, ...this.#unreadable() };
    this.#walk((node, path) => {
      if (node.error && which(node)) this.#mark(node, problems[path]);
      return null;
    });
  }

  #unreadable() {
    const problems = {};
    this.#walk((node, path) => {
      const problem = node.kind === 'question' && !node.element.closest('[hidden]') ? node.control.unreadable() : null;
      if (problem) problems[path] = `${labelOf(node.field, this.form, this.language)} ${problem}`;
      return null;
    });
    return problems;
  }

  /** The answers to save (hidden questions' answers dropped, calculations filled in) and every problem by path. */
  read() {
    const result = this.update();
    const prune = (nodes, prefix, out) => {
      for (const node of nodes) {
        const path = prefix + node.field.name;
        const shown = result.relevant[path] !== false;
        switch (node.kind) {
          case 'question': out[node.field.name] = shown ? node.control.value : null; break;
          case 'calc': out[node.field.name] = isEmptyValue(result.calculated[path]) ? null : result.calculated[path]; break;
          case 'group': prune(node.children, prefix, out); break;
          case 'repeat':
            out[node.field.name] = shown && node.rows.length
              ? node.rows.map((row, i) => Object.fromEntries(Object.entries(prune(row.children, `${path}[${i}].`, {})).filter(([, v]) => v !== null)))
              : null;
            break;
          case 'note': break;
        }
      }
      return out;
    };
    return { values: prune(this.#nodes, '', {}), problems: { ...result.problems, ...this.#unreadable() } };
  }

  #mark(node, problem) {
    node.error.hidden = !problem;
    node.error.textContent = problem ? sentence(problem) : '';
    node.element.classList.toggle('invalid', Boolean(problem));
    const target = node.kind === 'repeat' ? node.element : node.control.focusable;
    if (problem) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
  }

  /** Shows each problem (by path) next to its question and moves the focus to the first one. */
  showProblems(problems) {
    let first = null;
    this.#walk((node, path) => {
      if (!node.error) return null;
      this.#mark(node, problems[path]);
      if (problems[path] && !first) first = node;
      return null;
    });
    if (first) {
      // the label too must be in sight, below the sticky banner (see .field's scroll-margin-top)
      first.element.scrollIntoView({ block: 'start' });
      first.control.focusable.focus({ preventScroll: true });
    }
  }
}
