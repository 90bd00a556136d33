// Quoted templates and heredocs → literal strings or TemplateExpr.
//
// tree-sitter's template_literal nodes leave out whitespace and newlines, so literal text is always taken from
// the source between the structural nodes (interpolations and directives). Strip markers (`~`) are applied here
// to the neighbouring text, and `<<-` heredocs have their common indentation removed, so the evaluator only
// concatenates parts.
import type { Expr, TemplatePart } from '../../src/load/ast.js';
import type { CstNode as Node } from './cst.js';
import type { ParseContext } from './context.js';
import { convertExpr, invalid } from './expr.js';
import { kids } from './nodes.js';
import { decodeHeredoc, decodeQuoted } from '../../src/load/hcl/strings.js';
import { applyStrip, dropEmpty, flushIndent, type Seq, type TextPart } from '../../src/load/hcl/template-text.js';

class Malformed extends Error {}

export function convertQuoted(n: Node, cx: ParseContext, depth: number): Expr {
  const k = kids(n);
  const open = k[0];
  const close = k[k.length - 1];
  if (!open || !close || k.length < 2) return invalid(cx, n.startIndex, n.endIndex);
  return build(n, open.endIndex, close.startIndex, k.slice(1, -1), false, false, cx, depth);
}

export function convertHeredoc(n: Node, cx: ParseContext, depth: number): Expr {
  const k = kids(n);
  const startTok = k[0];
  const openId = k[1];
  const closeId = k[k.length - 1];
  if (!startTok || !openId || !closeId || k.length < 3 || closeId.type !== 'heredoc_identifier') {
    return invalid(cx, n.startIndex, n.endIndex);
  }
  const flush = cx.text(startTok) === '<<-';
  const nl = cx.src.indexOf('\n', openId.endIndex);
  const contentStart = nl === -1 ? openId.endIndex : nl + 1;
  let contentEnd = closeId.isMissing ? closeId.startIndex : cx.src.lastIndexOf('\n', closeId.startIndex - 1) + 1;
  if (contentEnd < contentStart) contentEnd = contentStart;
  return build(n, contentStart, contentEnd, k.slice(2, -1), true, flush, cx, depth);
}

function build(
  n: Node,
  start: number,
  end: number,
  inner: readonly Node[],
  heredoc: boolean,
  flush: boolean,
  cx: ParseContext,
  depth: number,
): Expr {
  const range = cx.nodeRange(n);
  const decode = heredoc ? decodeHeredoc : decodeQuoted;
  const seq: Seq = [];
  let parts: TemplatePart[];
  try {
    parts = segment(start, end, inner, decode, seq, cx, depth);
  } catch (e) {
    if (e instanceof Malformed) return invalid(cx, n.startIndex, n.endIndex);
    throw e;
  }
  applyStrip(seq);
  if (flush) flushIndent(seq);
  if (parts.every((p) => p.kind === 'text')) {
    return { kind: 'literal', value: parts.map((p) => (p as TextPart).value).join(''), range };
  }
  return { kind: 'template', parts: dropEmpty(parts), heredoc, range };
}

/** Parts of the source [start, end) whose interpolations and directives are `inner` (other nodes are text). */
function segment(
  start: number,
  end: number,
  inner: readonly Node[],
  decode: (s: string) => string,
  seq: Seq,
  cx: ParseContext,
  depth: number,
): TemplatePart[] {
  const out: TemplatePart[] = [];
  let at = start;
  const text = (to: number): void => {
    const t: TextPart = { kind: 'text', value: to > at ? decode(cx.src.slice(at, to)) : '' };
    out.push(t);
    seq.push(t);
  };
  for (const c of inner) {
    if (c.type === 'template_literal') continue;
    if (c.type === 'template_interpolation') {
      text(c.startIndex);
      const ck = kids(c);
      const { stripLeft, stripRight } = strips(ck);
      const e = ck.find((x) => x.type === 'expression');
      let expr: Expr;
      if (e) expr = convertExpr(e, cx, depth + 1);
      else {
        cx.error(
          'syntax',
          c.startIndex,
          c.endIndex,
          'empty interpolation "${}": expected an expression inside',
          'put an expression inside ${ }, or write $${ for a literal ${',
        );
        expr = invalid(cx, c.startIndex, c.endIndex);
      }
      seq.push({ stripLeft, stripRight });
      out.push({ kind: 'interp', expr, stripLeft, stripRight });
    } else if (c.type === 'template_directive') {
      text(c.startIndex);
      const d = c.firstChild;
      if (d?.type === 'template_if') out.push(ifDirective(d, decode, seq, cx, depth));
      else if (d?.type === 'template_for') out.push(forDirective(d, decode, seq, cx, depth));
      else throw new Malformed();
    } else {
      throw new Malformed();
    }
    at = c.endIndex;
  }
  text(end);
  return out;
}

function strips(k: readonly Node[]): { stripLeft: boolean; stripRight: boolean } {
  return {
    stripLeft: k[1]?.type === 'strip_marker',
    stripRight: k.length > 2 && k[k.length - 2]?.type === 'strip_marker',
  };
}

function marker(n: Node | undefined, seq: Seq): readonly Node[] {
  if (!n) throw new Malformed();
  const k = kids(n);
  const last = k[k.length - 1];
  if (!last || last.isMissing || last.type !== 'template_directive_end') throw new Malformed();
  seq.push(strips(k));
  return k;
}

function ifDirective(d: Node, decode: (s: string) => string, seq: Seq, cx: ParseContext, depth: number): TemplatePart {
  const k = kids(d);
  const intro = k[0];
  const endNode = k[k.length - 1];
  if (intro?.type !== 'template_if_intro' || endNode?.type !== 'template_if_end') throw new Malformed();
  const ik = marker(intro, seq);
  const condNode = ik.find((x) => x.type === 'expression');
  if (!condNode) throw new Malformed();
  const cond = convertExpr(condNode, cx, depth + 1);
  const elseAt = k.findIndex((x) => x.type === 'template_else_intro');
  const thenEnd = elseAt === -1 ? k.length - 1 : elseAt;
  const then = segment(intro.endIndex, k[thenEnd]!.startIndex, k.slice(1, thenEnd), decode, seq, cx, depth);
  let elseParts: TemplatePart[] | undefined;
  if (elseAt !== -1) {
    const elseNode = k[elseAt]!;
    marker(elseNode, seq);
    elseParts = segment(elseNode.endIndex, endNode.startIndex, k.slice(elseAt + 1, -1), decode, seq, cx, depth);
  }
  marker(endNode, seq);
  const part: TemplatePart = { kind: 'if', cond, then };
  if (elseParts) part.else = elseParts;
  return part;
}

function forDirective(d: Node, decode: (s: string) => string, seq: Seq, cx: ParseContext, depth: number): TemplatePart {
  const k = kids(d);
  const intro = k[0];
  const endNode = k[k.length - 1];
  if (intro?.type !== 'template_for_start' || endNode?.type !== 'template_for_end') throw new Malformed();
  const ik = marker(intro, seq);
  const ids = ik.filter((x) => x.type === 'identifier').map((x) => cx.text(x));
  const collNode = ik.find((x) => x.type === 'expression');
  if (!collNode || ids.length === 0) throw new Malformed();
  const collection = convertExpr(collNode, cx, depth + 1);
  const body = segment(intro.endIndex, endNode.startIndex, k.slice(1, -1), decode, seq, cx, depth);
  marker(endNode, seq);
  const part: TemplatePart = { kind: 'for', valueVar: ids[ids.length - 1]!, collection, body };
  if (ids.length > 1) part.keyVar = ids[0]!;
  return part;
}
