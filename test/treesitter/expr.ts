// tree-sitter expression nodes → Expr (src/load/ast.ts).
//
// The grammar hides `_expr_term`, so a term appears as a flat run of siblings: a primary (literal, variable,
// call, `(` expression `)`, …) followed by postfix nodes (get_attr, index, splat). Binary operands are such
// runs too. Precedence comes from the grammar and matches HCL (* / % > + - > comparisons > == != > && > ||).
import { SPLAT_ELEMENT, type BinaryOp, type Expr, type ObjectItem } from '../../src/load/ast.js';
import type { CstNode as Node } from './cst.js';
import { MAX_DEPTH, type ParseContext } from './context.js';
import { kids } from './nodes.js';
import { convertHeredoc, convertQuoted } from './template.js';

const BINARY_OPS = new Set(['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||']);

export function invalid(cx: ParseContext, start: number, end: number): Expr {
  return { kind: 'invalid', text: cx.src.slice(start, end), range: cx.range(start, end) };
}

/** Convert an `expression` node (or any expression-like node) to an Expr. Never throws. */
export function convertExpr(n: Node, cx: ParseContext, depth: number): Expr {
  if (depth > MAX_DEPTH) {
    cx.tooDeepAt(n);
    return invalid(cx, n.startIndex, n.endIndex);
  }
  if (n.type === 'expression') {
    const k = kids(n);
    if (k.length === 1 && k[0]!.type === 'conditional') return conditional(k[0]!, cx, depth + 1);
    return term(k, cx, depth + 1) ?? invalid(cx, n.startIndex, n.endIndex);
  }
  return term([n], cx, depth + 1) ?? invalid(cx, n.startIndex, n.endIndex);
}

/** A flat run of term nodes: primary, then get_attr / index / splat. */
function term(k: readonly Node[], cx: ParseContext, depth: number): Expr | undefined {
  if (k.length === 0) return undefined;
  const start = k[0]!.startIndex;
  let i: number;
  let e: Expr | undefined;
  if (k[0]!.type === '(') {
    const inner = k[1];
    const close = k[2];
    if (!inner || inner.type !== 'expression' || !close || close.type !== ')' || close.isMissing) return undefined;
    // A template hidden from the grammar for its depth (template-depth.ts) stands here as `( 0)`.
    e = cx.hidden.has(start)
      ? invalid(cx, start, close.endIndex)
      : { kind: 'parens', expr: convertExpr(inner, cx, depth + 1), range: cx.range(start, close.endIndex) };
    i = 3;
  } else {
    e = primary(k[0]!, cx, depth + 1);
    i = 1;
  }
  if (!e) return undefined;
  for (; i < k.length; i++) {
    const p = k[i]!;
    if (e.kind === 'literal' && typeof e.value === 'number' && p.firstChild?.type === 'legacy_index') {
      // `10.11.10.12`: tree-sitter reads a number and `.10` `.12` indexes; HCL rejects the number.
      const end = k[k.length - 1]!.endIndex;
      cx.error(
        'syntax',
        start,
        end,
        `invalid number ${JSON.stringify(cx.src.slice(start, end))}`,
        'quote it if it is text, e.g. an IP address or CIDR: "10.0.0.0/16"',
      );
      return invalid(cx, start, end);
    }
    const next = postfix(e, p, start, cx, depth + 1);
    if (!next) return undefined;
    e = next;
  }
  return e;
}

function postfix(object: Expr, p: Node, start: number, cx: ParseContext, depth: number): Expr | undefined {
  const range = cx.range(start, p.endIndex);
  switch (p.type) {
    case 'get_attr': {
      const id = p.children.find((c) => c?.type === 'identifier');
      if (!id) return undefined;
      return { kind: 'getattr', object, name: cx.text(id), range };
    }
    case 'index': {
      const key = indexKey(p, cx, depth);
      return key && { kind: 'index', object, key, range };
    }
    case 'splat':
      return splat(object, p, start, cx, depth);
    default:
      return undefined;
  }
}

function indexKey(p: Node, cx: ParseContext, depth: number): Expr | undefined {
  const inner = p.firstChild;
  if (!inner) return undefined;
  if (inner.type === 'legacy_index') {
    // `.0`: the digits follow the dot (tree-sitter gives them no node of their own).
    const digits = cx.src.slice(inner.startIndex + 1, inner.endIndex);
    if (!/^[0-9]+$/.test(digits)) return undefined;
    return { kind: 'literal', value: Number(digits), range: cx.range(inner.startIndex + 1, inner.endIndex) };
  }
  if (inner.type === 'new_index') {
    const e = kids(inner).find((c) => c.type === 'expression');
    const close = inner.lastChild;
    if (!e || !close || close.isMissing) return undefined;
    return convertExpr(e, cx, depth + 1);
  }
  return undefined;
}

/**
 * `x[*].a[0]` (full) or `x.*.a` (attribute-only). The traversal after the splat operator becomes `each`,
 * applied to the element variable SPLAT_ELEMENT. An attribute-only splat takes only attribute steps (and legacy
 * `.0` indexes); a `[…]` index after it applies to the splat's result, as in HCL.
 */
function splat(object: Expr, p: Node, start: number, cx: ParseContext, depth: number): Expr | undefined {
  const s = p.firstChild;
  if (!s) return undefined;
  const full = s.type === 'full_splat';
  const steps = kids(s).slice(1);
  const op = s.firstChild!;
  let each: Expr = { kind: 'variable', name: SPLAT_ELEMENT, range: cx.nodeRange(op) };
  let i = 0;
  for (; i < steps.length; i++) {
    const step = steps[i]!;
    if (!full && step.type === 'index' && step.firstChild?.type === 'new_index') break;
    const next = postfix(each, step, op.startIndex, cx, depth + 1);
    if (!next) return undefined;
    each = next;
  }
  const end = i > 0 ? steps[i - 1]!.endIndex : op.endIndex;
  let e: Expr = { kind: 'splat', object, each, full, range: cx.range(start, end) };
  for (; i < steps.length; i++) {
    const next = postfix(e, steps[i]!, start, cx, depth + 1);
    if (!next) return undefined;
    e = next;
  }
  return e;
}

function primary(n: Node, cx: ParseContext, depth: number): Expr | undefined {
  if (depth > MAX_DEPTH) {
    cx.tooDeepAt(n);
    return invalid(cx, n.startIndex, n.endIndex);
  }
  const range = cx.nodeRange(n);
  switch (n.type) {
    case 'expression':
      return convertExpr(n, cx, depth);
    case 'literal_value':
    case 'template_expr':
    case 'collection_value':
    case 'operation':
    case 'for_expr': {
      const c = n.firstChild;
      return c ? primary(c, cx, depth + 1) : undefined;
    }
    case 'numeric_lit':
      return numeric(n, cx);
    case 'bool_lit':
      return { kind: 'literal', value: cx.text(n) === 'true', range };
    case 'null_lit':
      return { kind: 'literal', value: null, range };
    case 'string_lit':
    case 'quoted_template':
      return convertQuoted(n, cx, depth + 1);
    case 'heredoc_template':
      return convertHeredoc(n, cx, depth + 1);
    case 'variable_expr':
      return { kind: 'variable', name: cx.text(n), range };
    case 'tuple':
      return {
        kind: 'tuple',
        items: kids(n)
          .filter((c) => c.type === 'expression')
          .map((c) => convertExpr(c, cx, depth + 1)),
        range,
      };
    case 'object':
      return object(n, cx, depth);
    case 'function_call':
      return call(n, cx, depth);
    case 'unary_operation': {
      const k = kids(n);
      const operand = term(k.slice(1), cx, depth + 1);
      if (!operand) return undefined;
      return { kind: 'unary', op: k[0]!.type === '!' ? '!' : '-', operand, range };
    }
    case 'binary_operation':
      return binary(n, cx, depth);
    case 'conditional':
      return conditional(n, cx, depth);
    case 'for_tuple_expr':
    case 'for_object_expr':
      return forExpr(n, cx, depth);
    default:
      return undefined;
  }
}

function numeric(n: Node, cx: ParseContext): Expr {
  const text = cx.text(n);
  const range = cx.nodeRange(n);
  if (!/^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(text)) {
    cx.error(
      'syntax',
      n.startIndex,
      n.endIndex,
      `invalid number ${JSON.stringify(text)}: HCL numbers are decimal`,
      'write the number in decimal, e.g. 0x1F as 31',
    );
    return { kind: 'invalid', text, range };
  }
  return { kind: 'literal', value: Number(text), range };
}

function binary(n: Node, cx: ParseContext, depth: number): Expr | undefined {
  const k = kids(n);
  const at = k.findIndex((c, i) => i > 0 && !c.isNamed && BINARY_OPS.has(c.type));
  if (at < 1) return undefined;
  const left = term(k.slice(0, at), cx, depth + 1);
  const right = term(k.slice(at + 1), cx, depth + 1);
  if (!left || !right) return undefined;
  return { kind: 'binary', op: k[at]!.type as BinaryOp, left, right, range: cx.nodeRange(n) };
}

/**
 * The grammar makes `?:` left-associative; HCL's is right-associative (`a ? b : c ? d : e` is
 * `a ? b : (c ? d : e)`). Flatten the left spine into source order and rebuild it to the right.
 */
function conditional(n: Node, cx: ParseContext, depth: number): Expr {
  const seq = flattenConditional(n);
  if (!seq) return invalid(cx, n.startIndex, n.endIndex);
  // Each link of the chain is one level of the tree the evaluator and the reference walk recurse through.
  if (depth + (seq.length - 1) / 2 > MAX_DEPTH) {
    cx.tooDeepAt(n);
    return invalid(cx, n.startIndex, n.endIndex);
  }
  let acc: Expr = convertExpr(seq[seq.length - 1]!, cx, depth + 1);
  for (let i = seq.length - 3; i >= 0; i -= 2) {
    const cond = convertExpr(seq[i]!, cx, depth + 1);
    const then = convertExpr(seq[i + 1]!, cx, depth + 1);
    acc = { kind: 'conditional', cond, then, else: acc, range: cx.range(seq[i]!.startIndex, seq[seq.length - 1]!.endIndex) };
  }
  return acc;
}

/**
 * The grammar reads `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; the operands in order, [a, b, c, d, e], to build
 * HCL's `a ? b : (c ? d : e)`. A loop down the left spine, so a chain of any length costs no stack; undefined when a
 * conditional has not three operands (a syntax error, reported by the error pass).
 */
function flattenConditional(n: Node): Node[] | undefined {
  const tails: Node[][] = [];
  let at = n;
  for (;;) {
    const parts = kids(at).filter((c) => c.type === 'expression');
    if (parts.length !== 3) return undefined;
    tails.push([parts[1]!, parts[2]!]);
    const ck = kids(parts[0]!);
    if (ck.length === 1 && ck[0]!.type === 'conditional') {
      at = ck[0]!;
      continue;
    }
    const seq = [parts[0]!];
    for (let i = tails.length - 1; i >= 0; i--) seq.push(...tails[i]!);
    return seq;
  }
}

function object(n: Node, cx: ParseContext, depth: number): Expr | undefined {
  const items: ObjectItem[] = [];
  for (const el of kids(n)) {
    if (el.type !== 'object_elem') continue;
    const keyNode = el.childForFieldName('key');
    const valNode = el.childForFieldName('val');
    if (!keyNode || !valNode) return undefined;
    const kk = kids(keyNode);
    const keyIsIdent = kk.length === 1 && kk[0]!.type === 'variable_expr';
    items.push({ key: convertExpr(keyNode, cx, depth + 1), keyIsIdent, value: convertExpr(valNode, cx, depth + 1) });
  }
  return { kind: 'object', items, range: cx.nodeRange(n) };
}

function call(n: Node, cx: ParseContext, depth: number): Expr | undefined {
  const k = kids(n);
  const name = k[0];
  const close = k[k.length - 1];
  if (!name || name.type !== 'identifier' || !close || close.type !== ')' || close.isMissing) return undefined;
  const argsNode = k.find((c) => c.type === 'function_arguments');
  const ak = argsNode ? kids(argsNode) : [];
  return {
    kind: 'call',
    name: cx.text(name),
    args: ak.filter((c) => c.type === 'expression').map((c) => convertExpr(c, cx, depth + 1)),
    expandFinal: ak.some((c) => c.type === 'ellipsis'),
    range: cx.nodeRange(n),
  };
}

function forExpr(n: Node, cx: ParseContext, depth: number): Expr | undefined {
  const k = kids(n);
  const intro = k.find((c) => c.type === 'for_intro');
  if (!intro) return undefined;
  const ik = kids(intro);
  const ids = ik.filter((c) => c.type === 'identifier').map((c) => cx.text(c));
  const coll = ik.find((c) => c.type === 'expression');
  if (!coll || ids.length === 0) return undefined;
  const exprs = k.filter((c) => c.type === 'expression');
  const condNode = k.find((c) => c.type === 'for_cond');
  const condExpr = condNode && kids(condNode).find((c) => c.type === 'expression');
  const isObject = n.type === 'for_object_expr';
  if (exprs.length !== (isObject ? 2 : 1)) return undefined;
  const out: Expr = {
    kind: 'for',
    valueVar: ids[ids.length - 1]!,
    collection: convertExpr(coll, cx, depth + 1),
    valueExpr: convertExpr(exprs[exprs.length - 1]!, cx, depth + 1),
    grouping: isObject && k.some((c) => c.type === 'ellipsis'),
    range: cx.nodeRange(n),
  };
  if (ids.length > 1) out.keyVar = ids[0]!;
  if (isObject) out.keyExpr = convertExpr(exprs[0]!, cx, depth + 1);
  if (condExpr) out.cond = convertExpr(condExpr, cx, depth + 1);
  return out;
}
