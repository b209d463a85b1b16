// The form expression language (protocol.md, "Form expressions"): the XLSForm subset that
// `relevant`, `constraint`, `calculation` and `choice_filter` are written in. The master runs the
// same language in Java (org.lankit.sync.expr); both pass src/test/resources/vectors/expressions.json.
// parse() once per expression, evaluate() per answer change. Values are strings, numbers,
// booleans and lists (arrays: a repeat's rows, or a repeat child's value in every row).

export class ExprError extends Error {
  constructor(message, position) {
    super(position === undefined ? message : `${message} (at character ${position + 1})`);
    this.position = position;
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_.:-]/;
const SYMBOLS = ['!=', '<=', '>=', '..', '=', '<', '>', '+', '-', '*', '(', ')', ',', '.'];
const WORD_OPERATORS = new Set(['and', 'or', 'div', 'mod']);

/** The text as tokens: {kind: str|num|ref|name|op|end, value, at}. */
function tokens(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const at = i;
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ExprError('a text in quotes is not closed', at);
      out.push({ kind: 'str', value: text.slice(i + 1, close), at });
      i = close + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^[0-9]*(\.[0-9]*)?/.exec(text.slice(i));
      out.push({ kind: 'num', value: Number(m[0]), at });
      i += m[0].length;
    } else if (c === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i);
      const name = close < 0 ? '' : text.slice(i + 2, close).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new ExprError('a ${…} reference needs a question name', at);
      out.push({ kind: 'ref', value: name, at });
      i = close + 1;
    } else if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NAME_PART.test(text[j])) j++;
      out.push({ kind: 'name', value: text.slice(i, j), at });
      i = j;
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      if (!symbol) throw new ExprError(`"${c}" is not part of the expression language`, at);
      out.push({ kind: 'op', value: symbol, at });
      i += symbol.length;
    }
  }
  out.push({ kind: 'end', value: '', at: text.length });
  return out;
}

const BINARY_LEVELS = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];

class Parser {
  constructor(text, choiceFilter) {
    this.list = tokens(text);
    this.i = 0;
    this.choiceFilter = choiceFilter;
  }

  peek() { return this.list[this.i]; }

  next() { return this.list[this.i++]; }

  /** Whether the next token is binary operator `op` (word operators are names in the token list). */
  isOperator(ops) {
    const t = this.peek();
    return (t.kind === 'op' || (t.kind === 'name' && WORD_OPERATORS.has(t.value))) && ops.includes(t.value);
  }

  expect(value) {
    const t = this.next();
    if (t.kind !== 'op' || t.value !== value) throw new ExprError(`expected "${value}"`, t.at);
  }

  whole() {
    const node = this.binary(0);
    const t = this.peek();
    if (t.kind !== 'end') throw new ExprError(`unexpected "${t.value}"`, t.at);
    return node;
  }

  binary(level) {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    while (this.isOperator(BINARY_LEVELS[level])) {
      const op = this.next().value;
      left = { type: 'bin', op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  unary() {
    if (this.isOperator(['-'])) {
      this.next();
      return { type: 'neg', arg: this.unary() };
    }
    return this.primary();
  }

  primary() {
    const t = this.next();
    switch (t.kind) {
      case 'str': return { type: 'lit', value: t.value };
      case 'num': return { type: 'lit', value: t.value };
      case 'ref': return { type: 'ref', name: t.value };
      case 'name':
        if (this.peek().kind === 'op' && this.peek().value === '(') return this.call(t);
        if (WORD_OPERATORS.has(t.value)) throw new ExprError(`"${t.value}" needs something before it`, t.at);
        if (!this.choiceFilter) throw new ExprError(`a question is named as \${${t.value}}; a bare name is only for a choice filter's columns`, t.at);
        return { type: 'column', name: t.value };
      case 'op':
        if (t.value === '.') return { type: 'self' };
        if (t.value === '(') {
          const inner = this.binary(0);
          this.expect(')');
          return inner;
        }
        throw new ExprError(`unexpected "${t.value}"`, t.at);
      case 'end': throw new ExprError('the expression ends too early', t.at);
      default: throw new ExprError(`unexpected "${t.value}"`, t.at);
    }
  }

  call(nameToken) {
    const fn = FUNCTIONS[nameToken.value];
    if (!fn) throw new ExprError(`unknown function ${nameToken.value}()`, nameToken.at);
    this.expect('(');
    const args = [];
    if (nameToken.value === 'position') {
      // position(..): the row's place; the only path the language has
      if (this.next().value !== '..') throw new ExprError('position() is written position(..)', nameToken.at);
    } else if (!(this.peek().kind === 'op' && this.peek().value === ')')) {
      args.push(this.binary(0));
      while (this.peek().kind === 'op' && this.peek().value === ',') {
        this.next();
        args.push(this.binary(0));
      }
    }
    this.expect(')');
    const [least, most] = fn.arity;
    if (args.length < least || args.length > most) {
      const wanted = least === most ? `${least}` : most === Infinity ? `at least ${least}` : `${least} to ${most}`;
      throw new ExprError(`${nameToken.value}() takes ${wanted} argument${wanted === '1' ? '' : 's'}`, nameToken.at);
    }
    return { type: 'call', name: nameToken.value, args };
  }
}

/**
 * The expression as a tree to evaluate; throws ExprError for anything outside the language.
 * `choiceFilter`: bare names are allowed, naming the candidate choice's columns.
 */
export function parse(text, { choiceFilter = false } = {}) {
  if (typeof text !== 'string' || text.trim() === '') throw new ExprError('the expression is empty', 0);
  return new Parser(text, choiceFilter).whole();
}

// ---- XPath 1.0 conversions ----

const DAY_MS = 86400000;
/** 'YYYY-MM-DD' is days since 1970-01-01; a time after it ('THH:MM[:SS]') adds the fraction of the day. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A list's first member stands for it, as a node-set's first node does in XPath. */
const single = (v) => (Array.isArray(v) ? (v.length ? v[0] : '') : v);

export function toNumber(v) {
  const x = single(v);
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  const text = String(x ?? '').trim();
  if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Number(text);
  const date = DATE_TIME.exec(text);
  if (date) {
    const [year, month, day, hours, minutes, seconds] = date.slice(1).map((part) => Number(part ?? 0));
    const ms = Date.UTC(year, month - 1, day, hours, minutes, seconds);
    const real = new Date(Date.UTC(year, month - 1, day));
    if (real.getUTCMonth() !== month - 1 || hours > 23 || minutes > 59 || seconds > 59) return NaN;
    return ms / DAY_MS;
  }
  return NaN;
}

/** A number as text: whole numbers without ".0", as Java's side prints them. */
export function numberText(n) {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  const text = String(n);
  return /e/.test(text) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : text;
}

export function toText(v) {
  const x = single(v);
  if (typeof x === 'number') return numberText(x);
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return x === null || x === undefined ? '' : String(x);
}

export function toBoolean(v) {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return String(v ?? '').length > 0;
}

function compareOne(op, a, b) {
  if (op === '=' || op === '!=') {
    let same;
    if (typeof a === 'boolean' || typeof b === 'boolean') same = toBoolean(a) === toBoolean(b);
    else if (typeof a === 'number' || typeof b === 'number') same = toNumber(a) === toNumber(b);
    else same = toText(a) === toText(b);
    return op === '=' ? same : !same;
  }
  const [x, y] = [toNumber(a), toNumber(b)];
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    default: return x >= y;
  }
}

/** A comparison; a list compares true when any of its members does. */
function compare(op, a, b) {
  if (Array.isArray(a)) return a.some((m) => compare(op, m, b));
  if (Array.isArray(b)) return b.some((m) => compare(op, a, m));
  return compareOne(op, a, b);
}

function arithmetic(op, a, b) {
  const [x, y] = [toNumber(a), toNumber(b)];
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case 'div': return x / y;
    default: return x % y;
  }
}

const words = (v) => toText(v).split(/\s+/).filter(Boolean);
const members = (args) => args.flatMap((a) => (Array.isArray(a) ? a : [a]));

/** round(x[, digits]): halves away from zero, as the master's BigDecimal HALF_UP does. */
function round(x, digits = 0) {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // through the decimal text, so that 1.005 (1.00499… as a double) rounds as people read it
  const shifted = Number(`${Math.abs(x)}e${digits}`);
  return sign * Number(`${Math.round(shifted)}e${-digits}`);
}

/** Whether `pattern` is found anywhere in `text`; a pattern that does not compile finds nothing. */
function regexTest(text, pattern) {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** Functions by name: arity [least, most] and the function of already evaluated arguments. */
const FUNCTIONS = {
  if: { arity: [3, 3], lazy: true },
  not: { arity: [1, 1], fn: (a) => !toBoolean(a) },
  true: { arity: [0, 0], fn: () => true },
  false: { arity: [0, 0], fn: () => false },
  boolean: { arity: [1, 1], fn: (a) => toBoolean(a) },
  number: { arity: [1, 1], fn: (a) => toNumber(a) },
  string: { arity: [1, 1], fn: (a) => toText(a) },
  int: { arity: [1, 1], fn: (a) => Math.trunc(toNumber(a)) },
  round: { arity: [1, 2], fn: (a, d) => round(toNumber(a), d === undefined ? undefined : Math.trunc(toNumber(d))) },
  coalesce: { arity: [2, Infinity], fn: (...args) => args.find((a) => toText(a) !== '') ?? '' },
  concat: { arity: [0, Infinity], fn: (...args) => members(args).map(toText).join('') },
  'string-length': { arity: [1, 1], fn: (a) => [...toText(a)].length },
  contains: { arity: [2, 2], fn: (a, b) => toText(a).includes(toText(b)) },
  'starts-with': { arity: [2, 2], fn: (a, b) => toText(a).startsWith(toText(b)) },
  'ends-with': { arity: [2, 2], fn: (a, b) => toText(a).endsWith(toText(b)) },
  substr: {
    arity: [2, 3],
    fn: (s, start, end) => {
      const chars = [...toText(s)];
      const from = Math.max(0, Math.trunc(toNumber(start)) || 0);
      const to = end === undefined ? chars.length : Math.min(chars.length, Math.trunc(toNumber(end)) || 0);
      return from >= to ? '' : chars.slice(from, to).join('');
    },
  },
  regex: { arity: [2, 2], fn: (s, p) => regexTest(toText(s), toText(p)) },
  selected: { arity: [2, 2], fn: (list, v) => words(list).includes(toText(v).trim()) },
  'count-selected': { arity: [1, 1], fn: (list) => words(list).length },
  'selected-at': { arity: [2, 2], fn: (list, n) => words(list)[toNumber(n)] ?? '' },
  today: { arity: [0, 0], context: (env) => env.today },
  now: { arity: [0, 0], context: (env) => env.now },
  count: { arity: [1, 1], fn: (a) => (Array.isArray(a) ? a.length : (toText(a) === '' ? 0 : 1)) },
  sum: { arity: [1, 1], fn: (a) => members([a]).reduce((total, m) => total + toNumber(m), 0) },
  min: { arity: [1, Infinity], fn: (...args) => extreme(args, Math.min) },
  max: { arity: [1, Infinity], fn: (...args) => extreme(args, Math.max) },
  position: { arity: [0, 0], context: (env) => env.position() },
};

function extreme(args, pick) {
  const numbers = members(args).map(toNumber);
  return numbers.length === 0 || numbers.some(Number.isNaN) ? NaN : pick(...numbers);
}

/**
 * The value of a parsed expression. `env` answers what the expression reads:
 * ref(name) → `${name}`'s value, self() → `.`, column(name) → a bare name (choice_filter),
 * position() → the repeat row's 1-based index, today / now → the caller's date and time.
 */
export function evaluate(node, env) {
  switch (node.type) {
    case 'lit': return node.value;
    case 'ref': return env.ref(node.name);
    case 'self': return env.self();
    case 'column': return env.column(node.name);
    case 'neg': return -toNumber(evaluate(node.arg, env));
    case 'bin': return binary(node, env);
    case 'call': return call(node, env);
    default: throw new ExprError(`unknown expression part ${node.type}`);
  }
}

function binary(node, env) {
  switch (node.op) {
    case 'or': return toBoolean(evaluate(node.left, env)) || toBoolean(evaluate(node.right, env));
    case 'and': return toBoolean(evaluate(node.left, env)) && toBoolean(evaluate(node.right, env));
    case '=': case '!=': case '<': case '<=': case '>': case '>=':
      return compare(node.op, evaluate(node.left, env), evaluate(node.right, env));
    default: return arithmetic(node.op, evaluate(node.left, env), evaluate(node.right, env));
  }
}

function call(node, env) {
  const fn = FUNCTIONS[node.name];
  if (fn.lazy) {
    const [test, then, otherwise] = node.args;
    return evaluate(toBoolean(evaluate(test, env)) ? then : otherwise, env);
  }
  if (fn.context) return fn.context(env);
  return fn.fn(...node.args.map((a) => evaluate(a, env)));
}
