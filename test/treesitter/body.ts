// tree-sitter body / block / attribute nodes → Body, Block, Attribute (src/load/ast.ts).
import type { Attribute, Block, Body, Expr } from '../../src/load/ast.js';
import type { CstNode as Node } from './cst.js';
import type { ParseContext } from './context.js';
import { convertExpr, invalid } from './expr.js';
import { kids } from './nodes.js';
import { decodeQuoted } from '../../src/load/hcl/strings.js';
import { checkBody } from '../../src/load/hcl/body-parser.js';

const MAX_BLOCK_DEPTH = 100;

/** The top-level body of a config_file node. */
export function convertFile(root: Node, cx: ParseContext): Body {
  const body: Body = { attributes: [], blocks: [], range: cx.range(0, cx.src.length) };
  for (const c of kids(root)) {
    if (c.type === 'body') fillBody(c, body, cx, 0);
    else if (c.type === 'object') {
      cx.error(
        'syntax',
        c.startIndex,
        c.startIndex + 1,
        'expected attributes and blocks, found a JSON-style object: native HCL files cannot be a single { … } object',
        'write name = value lines, or save the file as .tf.json / .tfvars.json if it is JSON',
      );
    }
  }
  checkBody(body, cx);
  return body;
}

function fillBody(n: Node, body: Body, cx: ParseContext, depth: number): void {
  const items = kids(n);
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    if (c.type === 'attribute') {
      const a = attribute(c, cx);
      if (a) body.attributes.push(a);
    } else if (c.type === 'block') {
      const b = block(c, cx, depth);
      if (b) body.blocks.push(b);
    } else {
      continue;
    }
    // Go HCL: each attribute and block ends with a newline.
    const next = items[i + 1];
    if (next && !c.hasError && (next.type === 'attribute' || next.type === 'block') && cx.row(next.startIndex) === cx.row(c.endIndex)) {
      const what = c.type === 'attribute' ? 'argument' : 'block definition';
      cx.error(
        'syntax',
        next.startIndex,
        next.endIndex,
        `missing newline after ${what}: found ${JSON.stringify(cx.text(next.firstChild ?? next))} on the same line`,
        `put each ${c.type === 'attribute' ? 'attribute' : 'block'} on its own line`,
      );
    }
  }
}

function attribute(n: Node, cx: ParseContext): Attribute | undefined {
  const k = kids(n);
  const name = k[0];
  if (!name || name.type !== 'identifier') return undefined;
  const e = k.find((c) => c.type === 'expression');
  const expr: Expr = e ? convertExpr(e, cx, 0) : invalid(cx, name.endIndex, n.endIndex);
  return { name: cx.text(name), nameRange: cx.nodeRange(name), expr, range: cx.nodeRange(n) };
}

function block(n: Node, cx: ParseContext, depth: number): Block | undefined {
  const k = kids(n);
  const typeNode = k[0];
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  const labels: string[] = [];
  const labelRanges = [];
  let i = 1;
  for (; i < k.length && (k[i]!.type === 'string_lit' || k[i]!.type === 'identifier'); i++) {
    const l = k[i]!;
    labels.push(l.type === 'identifier' ? cx.text(l) : label(l, cx));
    labelRanges.push(cx.nodeRange(l));
  }
  const open = k.find((c) => c.type === 'block_start');
  const afterType = k[1];
  if (afterType && cx.row(afterType.startIndex) > cx.row(typeNode.endIndex) && !typeNode.isMissing) {
    // `foo` alone on a line: tree-sitter reads it as the type of a block whose header continues below.
    let at = typeNode.endIndex;
    while (at < cx.src.length && /\s/.test(cx.src[at]!)) at++;
    const found = at >= cx.src.length ? 'the end of the file' : JSON.stringify(cx.src[at]);
    const name = cx.text(typeNode);
    cx.error(
      'syntax',
      at,
      Math.min(at + 1, cx.src.length),
      `expected '=' or a block body after attribute name "${name}", found ${found}`,
      `write ${name} = <value> for an attribute, or ${name} { … } for a block (the '{' on the same line)`,
    );
    cx.suppressSyntaxAfter = Math.min(cx.suppressSyntaxAfter, typeNode.startIndex);
    return undefined;
  }
  const close = k.find((c) => c.type === 'block_end');
  const bodyStart = open ? open.startIndex : n.endIndex;
  const bodyEnd = close ? close.endIndex : n.endIndex;
  const body: Body = { attributes: [], blocks: [], range: cx.range(bodyStart, bodyEnd) };
  const inner = k.find((c) => c.type === 'body');
  if (inner) {
    if (depth >= MAX_BLOCK_DEPTH) {
      cx.error(
        'syntax',
        n.startIndex,
        typeNode.endIndex,
        `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; the inner blocks were not read`,
      );
    } else {
      fillBody(inner, body, cx, depth + 1);
      if (!singleLineBlock(open, inner, close, cx)) closeOnOwnLine(inner, close, cx);
    }
  }
  checkBody(body, cx);
  return { type: cx.text(typeNode), typeRange: cx.nodeRange(typeNode), labels, labelRanges, body, range: cx.nodeRange(n) };
}

/** Go HCL allows `{ name = value }` on one line, but only a single attribute, and `}` must follow it. */
function singleLineBlock(open: Node | undefined, inner: Node, close: Node | undefined, cx: ParseContext): boolean {
  if (!open || !close || close.isMissing) return true;
  const items = kids(inner).filter((c) => c.type === 'attribute' || c.type === 'block');
  const first = items[0];
  if (!first || cx.row(first.startIndex) !== cx.row(open.startIndex)) return false;
  if (first.type === 'block') {
    cx.error(
      'syntax',
      first.startIndex,
      first.endIndex,
      'a block on one line can hold only a single attribute, found a nested block',
      'put the nested block on its own line',
    );
  } else if (items.length > 1 || cx.row(first.endIndex) !== cx.row(close.startIndex)) {
    const after = items[1] && items[1].startIndex < close.startIndex ? items[1] : close;
    cx.error(
      'syntax',
      after.startIndex,
      after.endIndex,
      `a block whose body starts on the '{' line must hold a single attribute and close with '}' on that line, found ${JSON.stringify(cx.text(after.firstChild ?? after))}`,
      "move the attribute to its own line below '{'",
    );
  }
  return true;
}

/** In a multi-line block the last attribute or block must end with a newline before '}'. */
function closeOnOwnLine(inner: Node, close: Node | undefined, cx: ParseContext): void {
  if (!close || close.isMissing || inner.hasError) return;
  const last = inner.lastNamedChild;
  if (!last || (last.type !== 'attribute' && last.type !== 'block') || cx.row(last.endIndex) !== cx.row(close.startIndex)) return;
  const what = last.type === 'attribute' ? 'argument' : 'block definition';
  cx.error(
    'syntax',
    close.startIndex,
    close.endIndex,
    `missing newline after ${what}: found "}" on the same line`,
    "put the closing '}' on its own line",
  );
}

function label(l: Node, cx: ParseContext): string {
  const raw = cx.src.slice(l.startIndex + 1, Math.max(l.startIndex + 1, l.endIndex - 1));
  if (/(^|[^$])\$\{|(^|[^%])%\{/.test(raw)) {
    cx.error(
      'interpolated-label',
      l.startIndex,
      l.endIndex,
      `block labels cannot contain interpolation, found ${cx.text(l)}`,
      'block labels must be literal names; use for_each or count to vary resources',
    );
  }
  return decodeQuoted(raw);
}
