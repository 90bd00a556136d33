// Syntax diagnostics from tree-sitter ERROR and MISSING nodes.
//
// tree-sitter recovers from errors by wrapping a stretch of tokens in an ERROR node, which often starts well
// before the real mistake (a whole block whose body has a bad line). For body-level ERROR nodes we re-read the
// tokens with a small state machine for HCL bodies (name = value / type "label" { … }) to find the first token
// that does not fit and say what was expected there.
import type { CstNode as Node } from './cst.js';
import type { ParseContext } from './context.js';

const MAX_SYNTAX_ERRORS = 5;
const MAX_TOKENS = 5000;
/** Nodes treated as one token (strings and heredocs span lines and contain other tokens). */
const ATOMIC = new Set(['string_lit', 'quoted_template', 'heredoc_template', 'comment']);
const BODY_PARENTS = new Set(['config_file', 'body', 'block']);
const CLOSERS: Record<string, { what: string; close: string }> = {
  block_end: { what: 'block', close: '}' },
  object_end: { what: 'object', close: '}' },
  tuple_end: { what: 'list', close: ']' },
};

export function syntaxDiagnostics(root: Node, cx: ParseContext): void {
  if (!root.hasError) return;
  const budget = { left: MAX_SYNTAX_ERRORS };
  // When nothing parses, the root itself is the ERROR node.
  if (root.type === 'ERROR') errorNode(root, cx);
  else walk(root, cx, budget);
}

function walk(n: Node, cx: ParseContext, budget: { left: number }): void {
  for (const c of n.children) {
    if (!c || budget.left <= 0) return;
    if (c.startIndex >= cx.suppressSyntaxAfter) return;
    if (c.isMissing) {
      missing(c, cx);
      budget.left--;
    } else if (c.type === 'ERROR') {
      errorNode(c, cx);
      budget.left--;
    } else if (c.hasError) {
      walk(c, cx, budget);
    }
  }
}

function tokenText(cx: ParseContext, t: Node | undefined): string {
  if (!t) return 'the end of the file';
  const s = cx.text(t);
  const first = s.split('\n')[0]!;
  return JSON.stringify(first.length > 40 ? `${first.slice(0, 40)}…` : first);
}

function lineOf(cx: ParseContext, offset: number): number {
  return cx.pos(offset).line;
}

function missing(m: Node, cx: ParseContext): void {
  const parent = m.parent;
  const at = m.startIndex;
  const closer = parent ? CLOSERS[parent.type] : undefined;
  if (closer && parent?.parent) {
    const owner = parent.parent;
    const open = owner.children.find((c) => c && (c.type === 'block_start' || c.type === 'object_start' || c.type === 'tuple_start'));
    const openAt = open ? cx.pos(open.startIndex) : cx.pos(owner.startIndex);
    const name = owner.type === 'block' ? ` "${blockHeader(owner, cx)}"` : '';
    cx.error(
      'syntax',
      at,
      at,
      `missing '${closer.close}' to close the ${closer.what}${name} opened at line ${openAt.line}, column ${openAt.column}`,
      `add '${closer.close}' at the end of the ${closer.what}, or remove the extra '${closer.close === '}' ? '{' : '['}'`,
    );
    return;
  }
  switch (m.type) {
    case 'quoted_template_end': {
      const s = parent ?? m;
      cx.error(
        'syntax',
        s.startIndex,
        s.startIndex + 1,
        "unterminated string: this '\"' has no closing '\"' on the same line",
        "close the string with '\"'; for text over several lines use a heredoc (<<EOT … EOT)",
      );
      return;
    }
    case 'heredoc_identifier': {
      const h = parent ?? m;
      const id = h.children.find((c) => c?.type === 'heredoc_identifier' && !c.isMissing);
      const marker = id ? cx.text(id) : 'EOT';
      cx.error(
        'syntax',
        h.startIndex,
        h.startIndex + 2,
        `unclosed heredoc: no line containing only "${marker}" closes the heredoc started here`,
        `end the heredoc with a line holding just ${marker}`,
      );
      return;
    }
    case 'template_interpolation_end':
    case 'template_directive_end': {
      const s = parent ?? m;
      cx.error(
        'syntax',
        s.startIndex,
        s.startIndex + 2,
        `unclosed template sequence "${cx.src.slice(s.startIndex, s.startIndex + 2)}": expected '}'`,
        'close the interpolation with }',
      );
      return;
    }
    case ')': {
      const owner = parent ?? m;
      const open = cx.pos(owner.startIndex);
      cx.error(
        'syntax',
        at,
        at,
        `missing ')' to close the ${owner.type === 'function_call' ? 'function call' : 'parenthesis'} opened at line ${open.line}, column ${open.column}, found ${tokenText(cx, nextToken(m))}`,
        "add ')'",
      );
      return;
    }
    default:
      cx.error('syntax', at, at, `expected ${m.type === 'identifier' ? 'a name' : `'${m.type}'`}, found ${tokenText(cx, nextToken(m))}`);
  }
}

function blockHeader(b: Node, cx: ParseContext): string {
  const parts: string[] = [];
  for (const c of b.children) {
    if (!c || c.type === 'block_start') break;
    if (c.type !== 'comment') parts.push(cx.text(c));
  }
  return parts.join(' ').replace(/"/g, '');
}

/** The first token after n in the file (or undefined at the end). */
function nextToken(n: Node): Node | undefined {
  for (let cur = n, parent = n.parent; parent; cur = parent, parent = parent.parent) {
    const siblings = parent.children;
    for (let i = siblings.indexOf(cur) + 1; i < siblings.length; i++) {
      const sib = siblings[i]!;
      if (sib.type !== 'comment' && sib.endIndex !== sib.startIndex) return firstLeaf(sib);
    }
  }
  return undefined;
}

function firstLeaf(n: Node): Node {
  let cur = n;
  while (cur.childCount > 0 && !ATOMIC.has(cur.type)) {
    const c = cur.children.find((x) => x && x.endIndex > x.startIndex && x.type !== 'comment');
    if (!c) break;
    cur = c;
  }
  return cur;
}

function leaves(n: Node, out: Node[]): void {
  if (out.length >= MAX_TOKENS) return;
  if (n.endIndex === n.startIndex || n.type === 'comment') return;
  if (n.childCount === 0 || ATOMIC.has(n.type)) {
    out.push(n);
    return;
  }
  for (const c of n.children) if (c) leaves(c, out);
}

type State = 'item' | 'name' | 'labels' | 'expr';

function atBodyLevel(e: Node): boolean {
  return !e.parent || BODY_PARENTS.has(e.parent.type);
}

function errorNode(e: Node, cx: ParseContext): void {
  const toks: Node[] = [];
  leaves(e, toks);
  const after = nextToken(e);
  if (toks.length === 0) {
    cx.error('syntax', e.startIndex, e.endIndex, `unexpected ${tokenText(cx, after)}`);
    return;
  }
  if (atBodyLevel(e) && bodyMachine(toks, after, e, cx)) {
    // Later ERROR/MISSING nodes (an unclosed '}' at the end) are usually consequences of this one.
    cx.suppressSyntaxAfter = Math.min(cx.suppressSyntaxAfter, e.endIndex);
    return;
  }
  const first = toks[0]!;
  const where = atBodyLevel(e)
    ? 'expected an attribute (name = value) or a block (type "label" { … })'
    : 'expected a valid expression here';
  cx.error('syntax', first.startIndex, first.endIndex, `unexpected ${tokenText(cx, first)}; ${where}`);
}

/** Returns true when it reported a specific message. */
function bodyMachine(toks: Node[], after: Node | undefined, e: Node, cx: ParseContext): boolean {
  const stack: Array<{ body: boolean; open: Node; header: string }> = [];
  let state: State = 'item';
  let name = '';
  let header: string[] = [];
  let depth = 0; // ( [ and object { inside an expression
  const all = after ? [...toks, after] : toks;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    const ty = t.type;
    const txt = cx.text(t);
    const prev = all[i - 1];
    const newLine = prev !== undefined && lineOf(cx, t.startIndex) > lineOf(cx, prev.endIndex - 1);
    switch (state) {
      case 'item':
        if (ty === 'identifier') {
          state = 'name';
          name = txt;
          header = [txt];
        } else if (txt === '}' && stack.length > 0) {
          stack.pop();
        } else if (txt === '}') {
          // closes a block that started before this ERROR node
        } else {
          cx.error(
            'syntax',
            t.startIndex,
            t.endIndex,
            `expected an attribute name or a block type, found ${tokenText(cx, t)}`,
            'each line of a body is "name = value" or "type "label" { … }"',
          );
          return true;
        }
        break;
      case 'name':
        if (txt === '=' && !newLine) {
          state = 'expr';
          depth = 0;
        } else if ((ty === 'string_lit' || ty === 'identifier') && !newLine) {
          state = 'labels';
          header.push(txt);
        } else if (txt === '{' && !newLine) {
          stack.push({ body: true, open: t, header: header.join(' ') });
          state = 'item';
        } else {
          cx.error(
            'syntax',
            t.startIndex,
            t.endIndex,
            `expected '=' or a block body after attribute name "${name}", found ${newLine ? 'a new line' : tokenText(cx, t)}`,
            `write ${name} = <value> for an attribute, or ${name} { … } for a block`,
          );
          return true;
        }
        break;
      case 'labels':
        if ((ty === 'string_lit' || ty === 'identifier') && !newLine) header.push(txt);
        else if (txt === '{' && !newLine) {
          stack.push({ body: true, open: t, header: header.join(' ') });
          state = 'item';
        } else {
          cx.error(
            'syntax',
            t.startIndex,
            t.endIndex,
            `expected a block label or '{' after block type "${name}", found ${newLine ? 'a new line' : tokenText(cx, t)}`,
            'a block header is type "label" … { on one line',
          );
          return true;
        }
        break;
      case 'expr':
        if (depth === 0 && newLine && prev && cx.text(prev) !== '=') {
          state = 'item';
          i--;
          continue;
        }
        if (txt === '(' || txt === '[' || txt === '{' || txt === '[*]') depth += txt === '[*]' ? 0 : 1;
        else if (txt === ')' || txt === ']' || txt === '}') {
          if (depth === 0) {
            if (txt === '}') {
              state = 'item';
              i--;
              continue;
            }
            cx.error(
              'syntax',
              t.startIndex,
              t.endIndex,
              `unexpected ${tokenText(cx, t)} in the value of "${name}": there is no matching opening bracket`,
            );
            return true;
          }
          depth--;
        }
        break;
    }
  }
  const last = all[all.length - 1]!;
  if (state === 'name' || state === 'labels') {
    let at = last.endIndex;
    while (at < cx.src.length && /\s/.test(cx.src[at]!)) at++;
    const found = at >= cx.src.length ? 'the end of the file' : JSON.stringify(cx.src[at]);
    const msg =
      state === 'name'
        ? `expected '=' or a block body after attribute name "${name}", found ${found}`
        : `expected a block label or '{' after block type "${name}", found ${found}`;
    cx.error('syntax', at, Math.min(at + 1, cx.src.length), msg, `write ${name} = <value> for an attribute, or ${name} { … } for a block`);
    return true;
  }
  const open = stack[stack.length - 1];
  if (open && e.endIndex >= cx.src.length - 1) {
    const p = cx.pos(open.open.startIndex);
    cx.error(
      'syntax',
      e.endIndex,
      e.endIndex,
      `missing '}' to close the block "${open.header.replace(/"/g, '')}" opened at line ${p.line}, column ${p.column}`,
      "add '}' at the end of the block, or remove the extra '{'",
    );
    return true;
  }
  return false;
}
