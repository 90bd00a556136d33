// Bodies, attributes and blocks, as hclsyntax reads them: each item ends with a new line; a block whose body starts
// on its `{` line holds one attribute and closes on that line. A broken item is reported once, the rest of its
// line skipped, and the next line read: an attribute whose value is broken is kept, with an `invalid` value (so no
// check reads it as missing); a block whose header is broken is left out.
import type { Attribute, Block, Body, Expr } from '../ast.js';
import { type Range, pointRange } from '../../common/diagnostics.js';
import { parseExpr } from './expr-parser.js';
import type { ParseContext } from './context.js';
import { Abort, type ParserState } from './parser-state.js';
import { skipBalanced, skipHeredoc } from './skip.js';
import { decodeQuoted } from './strings.js';
import { parseQuoted } from './template-parser.js';

const MAX_BLOCK_DEPTH = 100;

interface Owner {
  open: number;
  /** The block's type and labels, joined for a message when one is needed. */
  type: string;
  labels: string[];
}

/** The range of a block and its body until its `}` is read (a block is only handed on once it is). */
const PENDING: Range = pointRange();

/** The body of a whole file, from the scanner's start. */
export function parseFileBody(p: ParserState): Body {
  const sc = p.sc;
  const cx = p.cx;
  const body: Body = { attributes: [], blocks: [], range: cx.range(0, cx.src.length) };
  sc.next();
  while (sc.k() === 'newline') sc.next();
  if (sc.k() === '{') {
    p.error(
      sc.start,
      sc.start + 1,
      'expected attributes and blocks, found a JSON-style object: native HCL files cannot be a single { … } object',
      'write name = value lines, or save the file as .tf.json / .tfvars.json if it is JSON',
    );
    return body;
  }
  items(p, body, undefined, 0);
  checkBody(body, p.cx);
  return body;
}

/** Items until the end of the file, or the `}` of `owner` (the scanner is left on it). */
function items(p: ParserState, body: Body, owner: Owner | undefined, depth: number): void {
  const sc = p.sc;
  for (;;) {
    while (sc.k() === 'newline') sc.next();
    if (sc.k() === 'eof') {
      if (owner) {
        p.error(
          sc.start,
          sc.start,
          `missing '}' to close the block "${[owner.type, ...owner.labels].join(' ')}" opened at ${p.where(owner.open)}`,
          "add '}' at the end of the block, or remove the extra '{'",
        );
      }
      return;
    }
    if (sc.k() === '}') {
      if (owner) return;
      p.error(sc.start, sc.end, 'unexpected "}": there is no block open here to close', "remove it, or look for a missing '{' above");
      sc.next();
      continue;
    }
    const kind = item(p, body, depth, false);
    if (kind) endOfItem(p, kind, owner !== undefined);
  }
}

/** One attribute or block; returns what it was, or undefined when the rest of its line was skipped after an error. */
function item(p: ParserState, body: Body, depth: number, oneLine: boolean): 'attribute' | 'block' | undefined {
  const sc = p.sc;
  const cx = p.cx;
  const mode = sc.newlineOffs;
  const start = sc.start;
  sc.open = 0;
  try {
    if (sc.k() !== 'ident') {
      p.fail(
        sc.start,
        sc.end,
        `expected an attribute name or a block type, found ${p.found()}`,
        'each line of a body is "name = value" or "type "label" { … }"',
      );
    }
    const name = sc.text();
    const nameEnd = sc.end;
    sc.next();
    if (sc.k() === '=') {
      sc.next();
      const valueStart = sc.start;
      let expr: Expr;
      try {
        expr = parseExpr(p, 0);
      } catch (e) {
        if (!(e instanceof Abort)) throw e;
        sc.newlineOffs = mode;
        const end = recover(p, start);
        expr = p.invalid(valueStart, Math.max(valueStart, end));
        body.attributes.push({ name, nameRange: cx.range(start, nameEnd), expr, range: cx.range(start, expr.range.end.offset) });
        return undefined;
      }
      const a: Attribute = { name, nameRange: cx.range(start, nameEnd), expr, range: cx.range(start, expr.range.end.offset) };
      body.attributes.push(a);
      return 'attribute';
    }
    if (sc.k() === 'quote' || sc.k() === 'ident' || sc.k() === '{') {
      const b = block(p, name, start, nameEnd, depth, oneLine);
      body.blocks.push(b);
      return 'block';
    }
    const found = p.foundAfter(nameEnd);
    return p.fail(
      found.at,
      Math.min(found.at + 1, cx.src.length),
      `expected '=' or a block body after attribute name "${name}", found ${found.text}`,
      `write ${name} = <value> for an attribute, or ${name} { … } for a block (the '{' on the same line)`,
    );
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    sc.newlineOffs = mode;
    recover(p, start);
    return undefined;
  }
}

/** After an item: a new line, the end of the file, or (in a block) its `}`; anything else is reported. */
function endOfItem(p: ParserState, kind: 'attribute' | 'block', inBlock: boolean): void {
  const sc = p.sc;
  if (sc.k() === 'newline' || sc.k() === 'eof' || (sc.k() === '}' && !inBlock)) return;
  const what = kind === 'attribute' ? 'argument' : 'block definition';
  p.error(
    sc.start,
    sc.end,
    `missing newline after ${what}: found ${p.found()} on the same line`,
    sc.k() === '}' ? "put the closing '}' on its own line" : `put each ${kind} on its own line`,
  );
}

function block(p: ParserState, type: string, start: number, typeEnd: number, depth: number, oneLine: boolean): Block {
  const sc = p.sc;
  const cx = p.cx;
  const labels: string[] = [];
  const labelRanges = [];
  while (sc.k() === 'quote' || sc.k() === 'ident') {
    const ls = sc.start;
    if (sc.k() === 'ident') {
      labels.push(sc.text());
      labelRanges.push(cx.range(ls, sc.end));
      sc.next();
      continue;
    }
    const e = parseQuoted(p, 0);
    const le = e.range.end.offset;
    if (e.kind === 'invalid') throw new Abort();
    if (e.kind === 'template') {
      cx.error(
        'interpolated-label',
        ls,
        le,
        `block labels cannot contain interpolation, found ${cx.src.slice(ls, le)}`,
        'block labels must be literal names; use for_each or count to vary resources',
      );
    }
    labels.push(e.kind === 'literal' && typeof e.value === 'string' ? e.value : decodeQuoted(cx.src.slice(ls + 1, le - 1)));
    labelRanges.push(e.range);
  }
  if (sc.k() !== '{') {
    p.fail(
      sc.start,
      sc.k() === 'newline' ? sc.start : sc.end,
      `expected a block label or '{' after block type "${type}", found ${p.found()}`,
      'a block header is type "label" … { on one line',
    );
  }
  const open = sc.start;
  const body: Body = { attributes: [], blocks: [], range: PENDING };
  const b: Block = { type, typeRange: cx.range(start, typeEnd), labels, labelRanges, body, range: PENDING };
  if (depth >= MAX_BLOCK_DEPTH) {
    cx.error('syntax', start, typeEnd, `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; the inner blocks were not read`);
    const end = skipBalanced(sc);
    body.range = cx.range(open, end);
    b.range = cx.range(start, end);
    sc.resumeAt(end);
    return b;
  }
  if (oneLine) {
    p.error(
      start,
      blockEnd(p),
      'a block on one line can hold only a single attribute, found a nested block',
      'put the nested block on its own line',
    );
  }
  const owner: Owner = { open, type, labels };
  sc.next();
  if (sc.k() !== 'newline' && sc.k() !== '}' && sc.k() !== 'eof') {
    const kind = item(p, body, depth + 1, true);
    if (kind === 'attribute' && sc.k() !== '}') {
      while (sc.k() === 'newline') sc.next();
      p.error(
        sc.start,
        sc.end,
        `a block whose body starts on the '{' line must hold a single attribute and close with '}' on that line, found ${p.found()}`,
        "move the attribute to its own line below '{'",
      );
    }
  }
  if (sc.k() !== '}') items(p, body, owner, depth + 1);
  const end = sc.k() === '}' ? sc.end : sc.start;
  body.range = cx.range(open, end);
  b.range = cx.range(start, end);
  checkBody(body, p.cx);
  if (sc.k() === '}') sc.next();
  return b;
}

/** Where the block at the scanner's `{` ends, without reading it (for a message's range). */
function blockEnd(p: ParserState): number {
  const sc = p.sc;
  const t = sc.save();
  const end = skipBalanced(sc);
  sc.load(t);
  return end;
}

/**
 * Skip the rest of a broken item: to the end of the line where the brackets open at the error (and those opened
 * after it) close, or to a `}` closing the enclosing block, or to a line that begins a top-level item in column 1
 * (a bracket left open). A token that begins a later line than the item is not skipped: it starts the next item.
 * Returns where the skipped text ends.
 */
function recover(p: ParserState, itemStart: number): number {
  const sc = p.sc;
  const s = p.cx.src;
  // Re-read the current token with the body's newline mode; skip to where the brackets open at the error close.
  const errAt = sc.start;
  let depth = sc.open;
  sc.open = 0;
  sc.resumeAt(errAt);
  if (sc.start > itemStart && p.startsLine(sc.start, itemStart)) return lastTokenEnd(s, sc.start);
  let end = sc.start;
  for (;;) {
    switch (sc.k()) {
      case 'eof':
        return end;
      case 'newline':
        if (depth <= 0) return end;
        break;
      case 'ident':
        // A bracket left open: a name in column 1 followed by a label, '{' or '=' begins the next top-level item.
        if (s[sc.start - 1] === '\n' && /^["{=]/.test(sc.peek() === 'quote' ? '"' : sc.peek())) return end;
        break;
      case '}':
        if (depth <= 0) return end;
        depth--;
        break;
      case '{':
      case '[':
      case '(':
        depth++;
        break;
      case ']':
      case ')':
        depth--;
        break;
      case 'quote': {
        const e = skipBalanced(sc);
        end = e;
        sc.resumeAt(e);
        continue;
      }
      case 'heredoc': {
        const e = skipHeredoc(s, sc.start);
        end = e;
        sc.resumeAt(e);
        continue;
      }
      default:
        break;
    }
    end = sc.end;
    sc.next();
  }
}

/** The end of the last non-blank character before `at`. */
function lastTokenEnd(s: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(s[i - 1]!)) i--;
  return i;
}

/** Duplicate attributes are an error in Terraform ("Attribute redefined"). */
export function checkBody(body: Body, cx: ParseContext): void {
  if (body.attributes.length < 2) return;
  const seen = new Map<string, number>();
  for (const a of body.attributes) {
    const first = seen.get(a.name);
    if (first === undefined) {
      seen.set(a.name, a.nameRange.start.line);
      continue;
    }
    cx.diagnostics.push({
      severity: 'error',
      code: 'duplicate-attribute',
      message: `attribute "${a.name}" is set twice: it was already set on line ${first}`,
      file: cx.path,
      range: a.nameRange,
      hint: 'remove one of the two; Terraform allows each argument only once per block',
    });
  }
}
