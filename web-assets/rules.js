// A form's rules over a set of answers, the same as the master's (org.lankit.sync.FormRules; both
// pass src/test/resources/vectors/form-rules.json): which questions are shown, the calculated
// values, the choices a choice_filter leaves, and every problem as the sentence the worker and
// the master both show. Paths name answers: `age`, `members[0].age` (0-based row).

import { ExprError, evaluate, parse, toBoolean } from './expr.js';
import { answerFieldsOf, choicesOf, labelOf, textsOf } from './form-tree.js';
import { isEmptyValue, valueProblem } from './validate.js';

const EXPRESSION_KEYS = ['relevant', 'constraint', 'calculation', 'choiceFilter'];

/** An answer as expressions read it: no answer is "", a multiple choice its names joined by spaces. */
function asExpressionValue(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  return value;
}

/** A calculation's result as an answer: text, a finite number or a boolean ('' for NaN and infinities). */
function asAnswer(value) {
  if (Array.isArray(value)) return asAnswer(value.length ? value[0] : '');
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

export class FormRules {
  #form;
  #parsed = new Map(); // field → {relevant, constraint, calculation, choiceFilter} as trees
  #topFields; // answer name → field, at the top of an entry
  #rowChildren = new Map(); // repeat field → (answer name → field)
  #repeatOf = new Map(); // name of a question inside a repeat → that repeat

  constructor(form) {
    this.#form = form;
    this.#topFields = new Map(answerFieldsOf(form.fields).map((f) => [f.name, f]));
    this.#index(form.fields, null);
  }

  /** The rules of `form`, every expression parsed once; throws ExprError naming the question. */
  static of(form) {
    return new FormRules(form);
  }

  get form() {
    return this.#form;
  }

  #index(fields, repeat) {
    for (const field of fields ?? []) {
      const parsed = {};
      for (const key of EXPRESSION_KEYS) {
        if (!field[key]) continue;
        try {
          parsed[key] = parse(field[key], { choiceFilter: key === 'choiceFilter' });
        } catch (e) {
          if (e instanceof ExprError) throw new ExprError(`${field.name}, ${key}: ${e.message}`);
          throw e;
        }
      }
      this.#parsed.set(field, parsed);
      if (repeat) this.#repeatOf.set(field.name, repeat);
      if (field.type === 'repeat') {
        this.#rowChildren.set(field, new Map(answerFieldsOf(field.fields).map((f) => [f.name, f])));
        this.#index(field.fields, field);
      } else if (field.type === 'group') {
        this.#index(field.fields, repeat);
      }
    }
  }

  /**
   * The rules applied to `answers` ({name: value}, a repeat's answer a list of row objects).
   * `context` gives today ("YYYY-MM-DD") and now (local date-time); `language` the words of the
   * problems (null: the form's default, as the master says them).
   */
  evaluate(answers, context = {}, language = null) {
    const run = new Run(this, answers ?? {}, context, language);
    run.calculate(this.#form.fields);
    run.check(this.#form.fields, null, '', true);
    return run.result;
  }

  parsedOf(field) {
    return this.#parsed.get(field);
  }

  topField(name) {
    return this.#topFields.get(name);
  }

  rowChild(repeat, name) {
    return this.#rowChildren.get(repeat)?.get(name);
  }

  repeatHolding(name) {
    return this.#repeatOf.get(name);
  }
}

/**
 * One evaluation. First every calculate in form order (a repeat's row by row where it stands),
 * each seeing the answers and the calculates before it; then relevance, choices and problems,
 * seeing everything. Relevance blanks nothing here: devices clear hidden answers when they save.
 */
class Run {
  constructor(rules, answers, context, language) {
    this.rules = rules;
    this.context = { today: context.today ?? '', now: context.now ?? '' };
    this.language = language;
    this.values = {};
    for (const [name, value] of Object.entries(answers)) {
      this.values[name] = Array.isArray(value) && rules.topField(name)?.type === 'repeat'
        ? value.map((row) => ({ ...(row ?? {}) })) : value;
    }
    this.result = { relevant: {}, calculated: {}, choices: {}, problems: {} };
  }

  /** Calls `visit(field, scope, path)` for each field in form order, rows in order; groups and repeats before their fields. */
  eachField(fields, scope, prefix, visit) {
    for (const field of fields ?? []) {
      const path = prefix + field.name;
      visit(field, scope, path);
      if (field.type === 'group') this.eachField(field.fields, scope, prefix, visit);
      if (field.type === 'repeat') {
        this.rows(field).forEach((_, i) => this.eachField(field.fields, { repeat: field, row: i }, `${path}[${i}].`, visit));
      }
    }
  }

  rows(repeat) {
    return Array.isArray(this.values[repeat.name]) ? this.values[repeat.name] : [];
  }

  calculate(fields) {
    this.eachField(fields, null, '', (field, scope) => {
      if (field.type === 'calculate') this.set(scope, field, '');
    });
    this.eachField(fields, null, '', (field, scope, path) => {
      if (field.type !== 'calculate') return;
      const parsed = this.rules.parsedOf(field);
      const value = parsed.calculation ? asAnswer(evaluate(parsed.calculation, this.env(scope, field))) : '';
      this.result.calculated[path] = value;
      this.set(scope, field, value);
    });
  }

  /** Relevance (through every enclosing group and repeat), choices and problems, in form order. */
  check(fields, scope, prefix, parentShown) {
    for (const field of fields ?? []) {
      const path = prefix + field.name;
      const relevant = this.rules.parsedOf(field).relevant;
      const shown = parentShown && (!relevant || toBoolean(evaluate(relevant, this.env(scope, field))));
      this.result.relevant[path] = shown;
      if (field.type === 'select_one' || field.type === 'select_multiple') this.result.choices[path] = this.offered(field, scope);
      if (shown && field.type !== 'group' && field.type !== 'note' && field.type !== 'calculate') {
        const problem = this.problem(field, path, scope);
        if (problem) this.result.problems[path] = problem;
      }
      if (field.type === 'group') this.check(field.fields, scope, prefix, shown);
      if (field.type === 'repeat') {
        this.rows(field).forEach((_, i) => this.check(field.fields, { repeat: field, row: i }, `${path}[${i}].`, shown));
      }
    }
  }

  get(scope, field) {
    return scope ? this.values[scope.repeat.name][scope.row][field.name] : this.values[field.name];
  }

  set(scope, field, value) {
    if (scope) this.values[scope.repeat.name][scope.row][field.name] = value;
    else this.values[field.name] = value;
  }

  /** What an expression of `field` reads: its row's answers first, then the top's. */
  env(scope, field, choice = null) {
    return {
      ref: (name) => this.ref(scope, name),
      self: () => asExpressionValue(field ? this.get(scope, field) : ''),
      column: (name) => (choice ? (name === 'name' ? choice.name : (choice.columns?.[name] ?? '')) : ''),
      position: () => (scope ? scope.row + 1 : NaN),
      today: this.context.today,
      now: this.context.now,
    };
  }

  ref(scope, name) {
    if (scope && this.rules.rowChild(scope.repeat, name)) {
      return asExpressionValue(this.values[scope.repeat.name][scope.row][name]);
    }
    const top = this.rules.topField(name);
    if (top) return top.type === 'repeat' ? this.rows(top).map(() => '') : asExpressionValue(this.values[name]);
    const repeat = this.rules.repeatHolding(name);
    if (repeat) return this.rows(repeat).map((row) => asExpressionValue(row?.[name]));
    return '';
  }

  /** The choice names a select question offers after its choice_filter, in the form's order. */
  offered(field, scope) {
    const filter = this.rules.parsedOf(field).choiceFilter;
    const all = choicesOf(field);
    if (!filter) return all.map((c) => c.name);
    return all.filter((c) => toBoolean(evaluate(filter, this.env(scope, field, c)))).map((c) => c.name);
  }

  /** The first of: required and empty, a wrong shape, a choice not offered, a constraint broken. */
  problem(field, path, scope) {
    const form = this.rules.form;
    const label = labelOf(field, form, this.language);
    const texts = textsOf(field, form, this.language);
    const value = this.get(scope, field);
    if (isEmptyValue(value)) {
      if (!field.required) return null;
      return texts.requiredMessage ? `${label}: ${texts.requiredMessage}` : `${label} is required`;
    }
    if (field.type === 'repeat') return null;
    const shape = valueProblem(field, value);
    if (shape) return `${label} ${shape}`;
    const offered = this.result.choices[path];
    if (offered && [value].flat().some((name) => !offered.includes(name))) return `${label} must be one of the offered choices`;
    const constraint = this.rules.parsedOf(field).constraint;
    if (constraint && !toBoolean(evaluate(constraint, this.env(scope, field)))) {
      return `${label}: ${texts.constraintMessage || 'this answer is not allowed'}`;
    }
    return null;
  }
}
