// HCL expressions by recursive descent, as hclsyntax reads them: conditional (right-associative) over binary
// operators (|| < && < == != < comparisons < + - < * / %, all left-associative) over unary `-` `!` over a term with
// its traversals (`.name`, `[key]`, legacy `.0`, splats). Chains of operators, traversals, unary operators and
// conditionals are read in loops; only brackets, calls and templates recurse, and each costs depth units, so a deep
// input ends in one diagnostic and an `invalid` expression instead of a stack overflow.
import { SPLAT_ELEMENT, type BinaryOp, type Expr, type ForExpr, type ObjectItem } from '../ast.js';
import { MAX_DEPTH, NEST_UNITS } from './context.js';
import { type ParserState } from './parser-state.js';
import { skipBalanced } from './skip.js';
import { parseHeredoc, parseQuoted } from './template-parser.js';

/** Depth units of one binary operator level of the tree. */
const BINARY_UNITS = 3;

const PRECEDENCE: Partial<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** An expression from the current token; the scanner is left on the token after it. */
export function parseExpr(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const first = parseBinary(p, depth);
  if (sc.k() !== '?') return first;
  // a ? b : c ? d : e, read in a loop: [a, b, c, d, e], then built from the right.
  const seq: Expr[] = [first];
  while (sc.k() === '?') {
    sc.next();
    const then = parseExpr(p, depth + 1);
    if (sc.k() !== ':') p.fail(sc.start, sc.end, `expected ':' in the conditional expression, found ${p.found()}`, 'write cond ? a : b');
    sc.next();
    seq.push(then, parseBinary(p, depth + 1));
  }
  const links = (seq.length - 1) / 2;
  if (depth + links > MAX_DEPTH) return tooDeep(p, seq[0]!.range.start.offset, seq[seq.length - 1]!.range.end.offset);
  let acc = seq[seq.length - 1]!;
  const end = acc.range.end;
  for (let i = seq.length - 3; i >= 0; i -= 2) {
    acc = { kind: 'conditional', cond: seq[i]!, then: seq[i + 1]!, else: acc, range: { start: seq[i]!.range.start, end } };
  }
  return acc;
}

/** Binary operators by precedence climbing over an explicit stack (no recursion per operator). */
function parseBinary(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const first = parseUnary(p, depth);
  // Most expressions have no operator: no stacks for them.
  if (PRECEDENCE[sc.k()] === undefined) {
    return depth > MAX_DEPTH ? tooDeep(p, first.range.start.offset, first.range.end.offset) : first;
  }
  const operands: Array<{ e: Expr; h: number }> = [{ e: first, h: 0 }];
  const ops: Array<{ op: BinaryOp; prec: number }> = [];
  const reduce = (): void => {
    const right = operands.pop()!;
    const left = operands.pop()!;
    const { op } = ops.pop()!;
    const e: Expr = { kind: 'binary', op, left: left.e, right: right.e, range: { start: left.e.range.start, end: right.e.range.end } };
    operands.push({ e, h: Math.max(left.h, right.h) + 1 });
  };
  for (;;) {
    const prec = PRECEDENCE[sc.k()];
    if (prec === undefined) break;
    const op = sc.k() as BinaryOp;
    while (ops.length && ops[ops.length - 1]!.prec >= prec) reduce();
    ops.push({ op, prec });
    sc.next();
    operands.push({ e: parseUnary(p, depth), h: 0 });
  }
  while (ops.length) reduce();
  const top = operands[0]!;
  if (depth + top.h * BINARY_UNITS > MAX_DEPTH) return tooDeep(p, top.e.range.start.offset, top.e.range.end.offset);
  return top.e;
}

function parseUnary(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  if (sc.k() !== '-' && sc.k() !== '!') return parseTerm(p, depth);
  const ops: Array<{ op: '-' | '!'; start: number }> = [];
  while (sc.k() === '-' || sc.k() === '!') {
    ops.push({ op: sc.k() as '-' | '!', start: sc.start });
    sc.next();
  }
  let e = parseTerm(p, depth + ops.length);
  if (depth + ops.length > MAX_DEPTH) return tooDeep(p, ops[0]!.start, e.range.end.offset);
  for (let i = ops.length - 1; i >= 0; i--) {
    e = { kind: 'unary', op: ops[i]!.op, operand: e, range: { start: p.cx.pos(ops[i]!.start), end: e.range.end } };
  }
  return e;
}

/** A primary expression and its traversals. */
function parseTerm(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const start = sc.start;
  let e = parsePrimary(p, depth);
  for (;;) {
    if (sc.k() === '.') {
      const dot = sc.start;
      if (sc.digitsAfterDot()) {
        if (e.kind === 'literal' && typeof e.value === 'number') {
          e = dottedNumber(p, start);
          continue;
        }
        e = { kind: 'index', object: e, key: legacyIndex(p), range: p.cx.range(start, sc.end) };
        sc.next();
        continue;
      }
      sc.next();
      if (sc.k() === '*') {
        e = splat(p, e, start, dot, sc.end, false, depth);
        continue;
      }
      if (sc.k() !== 'ident') p.fail(sc.start, sc.end, `expected an attribute name after '.', found ${p.found()}`);
      e = { kind: 'getattr', object: e, name: sc.text(), range: p.cx.range(start, sc.end) };
      sc.next();
      continue;
    }
    if (sc.k() === '[') {
      const open = sc.start;
      if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p, start);
      sc.newlinesOff();
      sc.next();
      if (sc.k() === '*' && sc.peek() === ']') {
        sc.next();
        sc.newlinesPop();
        e = splat(p, e, start, open, sc.end, true, depth);
        continue;
      }
      const key = parseExpr(p, depth + NEST_UNITS);
      if (sc.k() !== ']') p.fail(sc.start, sc.end, `expected ']' to close the index opened at ${p.where(open)}, found ${p.found()}`);
      sc.newlinesPop();
      e = { kind: 'index', object: e, key, range: p.cx.range(start, sc.end) };
      sc.next();
      continue;
    }
    return e;
  }
}

/** `10.11.10.12`: a number followed by legacy index steps, which HCL rejects (an IP address without quotes). */
function dottedNumber(p: ParserState, start: number): Expr {
  const sc = p.sc;
  let end = sc.end;
  sc.next();
  while (sc.k() === '.') {
    const dot = sc.save();
    if (!sc.digitsAfterDot()) {
      sc.load(dot);
      break;
    }
    end = sc.end;
    sc.next();
  }
  p.error(
    start,
    end,
    `invalid number ${JSON.stringify(p.cx.src.slice(start, end))}`,
    'quote it if it is text, e.g. an IP address or CIDR: "10.0.0.0/16"',
  );
  return p.invalid(start, end);
}

function legacyIndex(p: ParserState): Expr {
  const sc = p.sc;
  return { kind: 'literal', value: Number(sc.text()), range: p.cx.range(sc.start, sc.end) };
}

/**
 * `x[*].a[0]` (full) or `x.*.a` (attribute-only), the operator at [opStart, opEnd) and the scanner on its last
 * character. The traversal after the operator becomes `each`, applied to the element variable SPLAT_ELEMENT. An
 * attribute-only splat takes only attribute steps (and legacy `.0` indexes); a `[…]` after it indexes the result.
 */
function splat(p: ParserState, object: Expr, start: number, opStart: number, opEnd: number, full: boolean, depth: number): Expr {
  const sc = p.sc;
  const cx = p.cx;
  let each: Expr = { kind: 'variable', name: SPLAT_ELEMENT, range: cx.range(opStart, opEnd) };
  let end = opEnd;
  sc.next();
  for (;;) {
    if (sc.k() === '.') {
      const dot = sc.save();
      if (sc.digitsAfterDot()) {
        each = { kind: 'index', object: each, key: legacyIndex(p), range: cx.range(opStart, sc.end) };
        end = sc.end;
        sc.next();
        continue;
      }
      sc.next();
      if (sc.k() === 'ident') {
        each = { kind: 'getattr', object: each, name: sc.text(), range: cx.range(opStart, sc.end) };
        end = sc.end;
        sc.next();
        continue;
      }
      // `.*` again: a new splat over this one's result.
      sc.load(dot);
      break;
    }
    if (sc.k() === '[' && full) {
      const open = sc.start;
      if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p, start);
      const bracket = sc.save();
      sc.newlinesOff();
      sc.next();
      if (sc.k() === '*' && sc.peek() === ']') {
        sc.newlinesPop();
        sc.load(bracket);
        break;
      }
      const key = parseExpr(p, depth + NEST_UNITS);
      if (sc.k() !== ']') p.fail(sc.start, sc.end, `expected ']' to close the index opened at ${p.where(open)}, found ${p.found()}`);
      sc.newlinesPop();
      each = { kind: 'index', object: each, key, range: cx.range(opStart, sc.end) };
      end = sc.end;
      sc.next();
      continue;
    }
    break;
  }
  return { kind: 'splat', object, each, full, range: cx.range(start, end) };
}

function parsePrimary(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const cx = p.cx;
  const start = sc.start;
  switch (sc.k()) {
    case 'number': {
      const e: Expr = { kind: 'literal', value: Number(sc.text()), range: cx.range(start, sc.end) };
      sc.next();
      return e;
    }
    case 'badnumber': {
      const text = sc.text();
      p.error(
        start,
        sc.end,
        `invalid number ${JSON.stringify(text)}: HCL numbers are decimal`,
        'write the number in decimal, e.g. 0x1F as 31',
      );
      const e = p.invalid(start, sc.end);
      sc.next();
      return e;
    }
    case 'ident':
      return identifier(p, depth);
    case 'quote':
    case 'heredoc':
      if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p);
      return sc.k() === 'quote' ? parseQuoted(p, depth + NEST_UNITS) : parseHeredoc(p, depth + NEST_UNITS);
    case '(': {
      if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p);
      sc.newlinesOff();
      sc.next();
      const inner = parseExpr(p, depth + NEST_UNITS);
      if (sc.k() !== ')') {
        p.fail(sc.start, sc.end, `missing ')' to close the parenthesis opened at ${p.where(start)}, found ${p.found()}`, "add ')'");
      }
      sc.newlinesPop();
      const e: Expr = { kind: 'parens', expr: inner, range: cx.range(start, sc.end) };
      sc.next();
      return e;
    }
    case '[':
      if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p);
      return tuple(p, depth + NEST_UNITS);
    case '{':
      if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p);
      return object(p, depth + NEST_UNITS);
    default:
      return p.fail(
        start,
        sc.k() === 'eof' || sc.k() === 'newline' ? start : sc.end,
        `expected an expression, found ${p.found()}`,
        sc.k() === 'newline' || sc.k() === 'eof' ? 'write a value here, on the same line' : undefined,
      );
  }
}

function identifier(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const cx = p.cx;
  const start = sc.start;
  const name = sc.text();
  const m = sc.end;
  sc.next();
  if (sc.k() === '(' || (sc.k() === '::' && sc.start === m)) {
    let full = name;
    while (sc.k() === '::') {
      sc.next();
      if (sc.k() !== 'ident') p.fail(sc.start, sc.end, `expected a name after '::' in the function name, found ${p.found()}`);
      full += '::' + sc.text();
      sc.next();
    }
    if (sc.k() !== '(') p.fail(sc.start, sc.end, `expected '(' after the function name "${full}", found ${p.found()}`);
    if (depth + NEST_UNITS > MAX_DEPTH) return tooDeepSkip(p, start);
    return call(p, full, start, depth + NEST_UNITS);
  }
  const range = cx.range(start, m);
  if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', range };
  if (name === 'null') return { kind: 'literal', value: null, range };
  return { kind: 'variable', name, range };
}

function call(p: ParserState, name: string, start: number, depth: number): Expr {
  const sc = p.sc;
  sc.newlinesOff();
  sc.next();
  const args: Expr[] = [];
  let expandFinal = false;
  while (sc.k() !== ')') {
    if (sc.k() === 'eof' || closesItem(p)) {
      p.fail(sc.start, sc.start, `missing ')' to close the function call opened at ${p.where(start)}, found ${p.found()}`, "add ')'");
    }
    args.push(parseExpr(p, depth));
    if (sc.k() === '...') {
      expandFinal = true;
      sc.next();
      if (sc.k() === ',') sc.next();
      if (sc.k() !== ')') p.fail(sc.start, sc.end, `expected ')' after the expanded final argument (...), found ${p.found()}`);
      break;
    }
    if (sc.k() === ',') {
      sc.next();
      continue;
    }
    if (sc.k() !== ')') {
      if (sc.k() === 'eof' || closesItem(p)) {
        p.fail(sc.start, sc.start, `missing ')' to close the function call opened at ${p.where(start)}, found ${p.found()}`, "add ')'");
      }
      p.fail(sc.start, sc.end, `expected ',' or ')' after a function argument, found ${p.found()}`);
    }
  }
  sc.newlinesPop();
  const e: Expr = { kind: 'call', name, args, expandFinal, range: p.cx.range(start, sc.end) };
  sc.next();
  return e;
}

function tuple(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const start = sc.start;
  sc.newlinesOff();
  sc.next();
  if (isFor(p)) return forExpr(p, start, ']', depth);
  const items: Expr[] = [];
  while (sc.k() !== ']') {
    if (sc.k() === 'eof' || closesItem(p)) missingCloser(p, ']', 'list', start);
    items.push(parseExpr(p, depth));
    if (sc.k() === ',') {
      sc.next();
      continue;
    }
    if (sc.k() !== ']') {
      if (sc.k() === 'eof' || closesItem(p)) missingCloser(p, ']', 'list', start);
      p.fail(sc.start, sc.end, `expected ',' or ']' after a list element, found ${p.found()}`, 'separate the elements with commas');
    }
  }
  sc.newlinesPop();
  const e: Expr = { kind: 'tuple', items, range: p.cx.range(start, sc.end) };
  sc.next();
  return e;
}

function object(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const start = sc.start;
  sc.newlinesOff();
  sc.next();
  if (isFor(p)) return forExpr(p, start, '}', depth);
  sc.newlinesPop();
  // Items are separated by commas or new lines: newlines count again (the current token is re-read).
  const items: ObjectItem[] = [];
  const e = sc.withNewlines(() => {
    sc.resumeAt(start + 1);
    for (;;) {
      while (sc.k() === 'newline') sc.next();
      if (sc.k() === '}') break;
      if (sc.k() === 'eof' || sc.k() === ']' || sc.k() === ')') missingCloser(p, '}', 'object', start);
      const keyStart = sc.k();
      const key = parseExpr(p, depth);
      const keyIsIdent = keyStart === 'ident' && key.kind === 'variable';
      if (sc.k() === '{' && keyIsIdent) {
        p.fail(
          sc.start,
          sc.end,
          `expected '=' or ':' after the object key "${(key as { name: string }).name}", found "{": a block cannot stand inside an expression`,
          'inside [ … ] or { … } write key = { … }; a nested block belongs directly in the body of a block',
        );
      }
      if (sc.k() !== '=' && sc.k() !== ':') {
        p.fail(sc.start, sc.end, `expected '=' or ':' after the object key, found ${p.found()}`, 'write key = value');
      }
      sc.next();
      const value = parseExpr(p, depth);
      items.push({ key, keyIsIdent, value });
      if (sc.k() === ',' || sc.k() === 'newline') {
        sc.next();
        continue;
      }
      if (sc.k() === '}') break;
      if (sc.k() === 'eof') missingCloser(p, '}', 'object', start);
      p.fail(
        sc.start,
        sc.end,
        `expected ',', a new line or '}' after an object item, found ${p.found()}`,
        'put each item on its own line or separate them with commas',
      );
    }
    return { kind: 'object', items, range: p.cx.range(start, sc.end) } as Expr;
  });
  sc.next();
  return e;
}

/** `[for …` or `{for …`: the scanner is on the token after the bracket. */
function isFor(p: ParserState): boolean {
  const sc = p.sc;
  return sc.k() === 'ident' && sc.text() === 'for' && sc.peek() === 'ident';
}

function forExpr(p: ParserState, start: number, close: ']' | '}', depth: number): Expr {
  const sc = p.sc;
  sc.next(); // `for`
  const ids: string[] = [];
  for (;;) {
    if (sc.k() !== 'ident') p.fail(sc.start, sc.end, `expected a variable name in the for expression, found ${p.found()}`);
    ids.push(sc.text());
    sc.next();
    if (sc.k() === ',' && ids.length === 1) {
      sc.next();
      continue;
    }
    break;
  }
  if (sc.k() !== 'ident' || sc.text() !== 'in')
    p.fail(sc.start, sc.end, `expected 'in' after the for variables, found ${p.found()}`, 'write for k, v in collection : …');
  sc.next();
  const collection = parseExpr(p, depth);
  if (sc.k() !== ':') p.fail(sc.start, sc.end, `expected ':' after the collection of the for expression, found ${p.found()}`);
  sc.next();
  const first = parseExpr(p, depth);
  let keyExpr: Expr | undefined;
  let valueExpr = first;
  let grouping = false;
  if (close === '}') {
    if (sc.k() !== '=>')
      p.fail(
        sc.start,
        sc.end,
        `expected '=>' after the key of an object for expression, found ${p.found()}`,
        'write {for k, v in x : k => v}',
      );
    sc.next();
    keyExpr = first;
    valueExpr = parseExpr(p, depth);
    if (sc.k() === '...') {
      grouping = true;
      sc.next();
    }
  }
  let cond: Expr | undefined;
  if (sc.k() === 'ident' && sc.text() === 'if') {
    sc.next();
    cond = parseExpr(p, depth);
  }
  if (sc.k() !== close) {
    if (sc.k() === 'eof') missingCloser(p, close, close === ']' ? 'list' : 'object', start);
    p.fail(sc.start, sc.end, `expected '${close}' to end the for expression, found ${p.found()}`);
  }
  sc.newlinesPop();
  const out: ForExpr = { kind: 'for', valueVar: ids[ids.length - 1]!, collection, valueExpr, grouping, range: p.cx.range(start, sc.end) };
  if (ids.length > 1) out.keyVar = ids[0]!;
  if (keyExpr) out.keyExpr = keyExpr;
  if (cond) out.cond = cond;
  sc.next();
  return out;
}

/**
 * A token at the start of a line that begins a new attribute or block (`name =`, `type "label" {`), or a `}`: the
 * bracket before it was left open, not an element missing its comma.
 */
function closesItem(p: ParserState): boolean {
  const sc = p.sc;
  if (sc.k() === '}') return true;
  if (sc.k() !== 'ident' || !p.startsLine(sc.start)) return false;
  const k = sc.peek();
  return k === '=' || k === '{' || k === 'quote';
}

function missingCloser(p: ParserState, close: string, what: string, openAt: number): never {
  const sc = p.sc;
  return p.fail(
    sc.start,
    sc.start,
    `missing '${close}' to close the ${what} opened at ${p.where(openAt)}`,
    `add '${close}' at the end of the ${what}, or remove the extra '${close === '}' ? '{' : close === ']' ? '[' : '('}'`,
  );
}

function tooDeep(p: ParserState, start: number, end: number): Expr {
  p.cx.tooDeep(start, end);
  return p.invalid(start, end);
}

/** The construct at the current token is past the depth budget: report it once and step over it without reading it. */
function tooDeepSkip(p: ParserState, from?: number): Expr {
  const start = from ?? p.sc.start;
  const end = skipBalanced(p.sc);
  p.cx.tooDeep(start, end);
  const e = p.invalid(start, end);
  p.sc.resumeAt(end);
  return e;
}
