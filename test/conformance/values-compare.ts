// Comparing our values of constant attributes with those of hcl2json (HashiCorp's Go HCL parser compiled to
// WASM, as published by cdktn), file by file. Pure functions: the command-line driver is values.ts.
//
// "Constant" (isConstantExpr) means what both parsers turn into a value without evaluating anything:
//   - literals: numbers, true/false, null, and strings and heredocs without `${}` or `%{}`;
//   - a unary minus applied to a number literal (`-1`), which hcl2json also folds into a number;
//   - tuples and objects whose items are constants, with object keys written as identifiers or plain strings.
// Left out: parentheses (hcl2json prints `(2)` as the string "${(2)}"), templates with interpolations even of
// constants (`"${"x"}"`), operators, conditionals, function calls, references, `for` expressions.
// Numbers: both sides are JavaScript doubles (hcl2json hands over Go's float64), so they must be equal, including
// big integers (both round 12345678901234567890 to the same double) and 1e400 (Infinity on both sides).
import type { Block, Body, Expr, File } from '../../src/load/ast.js';
import { type Value, Unknown, isObject } from '../../src/evaluate/value.js';

/** Every class of difference we understand, with its explanation (also in docs/conformance-loader.md). */
export const EXPLAINED: Readonly<Record<string, string>> = {
  'escaped-template-sequence':
    'hcl2json leaves the escapes `$${` and `%%{` of a plain string as written; Terraform (and tfguard) read them as the literal text `${` and `%{`',
  'block-shadowed-by-attribute':
    'a body with an attribute and a block of the same name (`volume = "x"` and `volume { }`): HCL parses it (Terraform rejects it later against the schema), but a JSON object holds only one of them, and hcl2json keeps the attribute',
};

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Difference {
  file: string;
  line: number;
  /** Attribute path in the file, e.g. `resource.aws_s3_bucket.b#0/tags` and inside the value `.Name`. */
  path: string;
  ours: string;
  theirs: string;
  cls: string;
}

export interface Stats {
  attributes: number;
  equal: number;
  different: number;
  /** Attributes whose value is not a constant (skipped). */
  skipped: number;
  /** Leaf differences by class. */
  byClass: Map<string, { count: number; example: Difference }>;
  differences: Difference[];
}

export function newStats(): Stats {
  return { attributes: 0, equal: 0, different: 0, skipped: 0, byClass: new Map(), differences: [] };
}

export function isConstantExpr(e: Expr, depth = 0): boolean {
  if (depth > 100) return false;
  switch (e.kind) {
    case 'literal':
      return true;
    case 'unary':
      return e.op === '-' && e.operand.kind === 'literal' && typeof e.operand.value === 'number';
    case 'tuple':
      return e.items.every((i) => isConstantExpr(i, depth + 1));
    case 'object':
      return e.items.every(
        (i) => (i.keyIsIdent || (i.key.kind === 'literal' && typeof i.key.value === 'string')) && isConstantExpr(i.value, depth + 1),
      );
    default:
      return false;
  }
}

/** `${` and `%{` written as hcl2json prints plain strings: with their escapes kept. */
export function escapeTemplateSequences(s: string): string {
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The class of one leaf difference; a class not in EXPLAINED is an unexplained difference. */
export function classifyLeaf(ours: Value, theirs: Json | undefined): string {
  if (theirs === undefined) return 'absent-in-oracle';
  if (typeof ours === 'string' && typeof theirs === 'string') {
    if (escapeTemplateSequences(ours) === theirs) return 'escaped-template-sequence';
    return /^\$\{[^]*\}$/.test(theirs) && !ours.startsWith('${') ? 'oracle-not-constant' : 'string';
  }
  if (typeof ours === 'number' && typeof theirs === 'number') return 'number';
  if (typeof theirs === 'string' && /^\$\{[^]*\}$/.test(theirs)) return 'oracle-not-constant';
  return `type:${kindOf(ours)}-vs-${kindOfJson(theirs)}`;
}

function kindOf(v: Value): string {
  if (v instanceof Unknown) return 'unknown';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'tuple';
  return typeof v;
}

function kindOfJson(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'tuple';
  return typeof v;
}

function show(v: unknown): string {
  const s = v === undefined ? 'undefined' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Deep comparison; every differing leaf is passed to `diff` with its path inside the value. */
export function compareValues(
  ours: Value,
  theirs: Json | undefined,
  at: string,
  diff: (path: string, o: Value, t: Json | undefined) => void,
): void {
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length) return diff(`${at}#length`, ours.length, theirs.length);
    ours.forEach((o, i) => compareValues(o, theirs[i], `${at}[${i}]`, diff));
    return;
  }
  if (isObject(ours) && theirs !== null && typeof theirs === 'object' && !Array.isArray(theirs)) {
    for (const k of Object.keys(ours)) compareValues(ours[k]!, Object.hasOwn(theirs, k) ? theirs[k] : undefined, `${at}.${k}`, diff);
    for (const k of Object.keys(theirs)) if (!(k in ours)) diff(`${at}.${k}`, null, theirs[k]!);
    return;
  }
  if (ours === theirs) return;
  if (typeof ours === 'number' && typeof theirs === 'number' && Number.isNaN(ours) && Number.isNaN(theirs)) return;
  diff(at, ours, theirs);
}

function record(stats: Stats, d: Difference): void {
  const c = stats.byClass.get(d.cls);
  if (c) c.count++;
  else stats.byClass.set(d.cls, { count: 1, example: d });
  stats.differences.push(d);
}

function asRecord(j: Json | undefined): { [k: string]: Json } | undefined {
  return j !== null && typeof j === 'object' && !Array.isArray(j) ? j : undefined;
}

/**
 * Walk our body alongside hcl2json's object for it. Blocks are found by type, then one object level per label,
 * then the n-th element of the array for the n-th block of that type and labels in this body.
 */
export function compareBody(
  file: File,
  body: Body,
  oracle: Json | undefined,
  at: string,
  stats: Stats,
  evaluateConstant: (e: Expr) => Value,
): void {
  const obj = asRecord(oracle);
  const structural = (path: string, line: number, ours: string, theirs: string, cls: string): void => {
    stats.different++;
    record(stats, { file: file.path, line, path, ours, theirs, cls });
  };
  if (!obj) {
    structural(at || '(file)', body.range.start.line, 'a body', show(oracle), 'body-not-an-object-in-oracle');
    return;
  }
  const known = new Set<string>();
  for (const a of body.attributes) {
    known.add(a.name);
    const path = at ? `${at}/${a.name}` : a.name;
    if (!isConstantExpr(a.expr)) {
      stats.skipped++;
      continue;
    }
    stats.attributes++;
    let ours: Value;
    try {
      ours = evaluateConstant(a.expr);
    } catch (e) {
      structural(path, a.nameRange.start.line, `error: ${(e as Error).message}`, show(obj[a.name]), 'our-evaluation-error');
      continue;
    }
    let differs = false;
    compareValues(ours, Object.hasOwn(obj, a.name) ? obj[a.name] : undefined, '', (p, o, t) => {
      differs = true;
      record(stats, {
        file: file.path,
        line: a.nameRange.start.line,
        path: path + p,
        ours: show(o),
        theirs: show(t),
        cls: classifyLeaf(o, t),
      });
    });
    if (differs) stats.different++;
    else stats.equal++;
  }
  const seen = new Map<string, number>();
  const groups = new Map<string, { node: Json[] | undefined; count: number; first: Block; path: string }>();
  for (const b of body.blocks) {
    known.add(b.type);
    const key = [b.type, ...b.labels].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    let node: Json | undefined = obj[b.type];
    for (const l of b.labels) node = asRecord(node)?.[l];
    const path = `${at ? `${at}/` : ''}${[b.type, ...b.labels].join('.')}#${n}`;
    if (!Array.isArray(node) || n >= node.length) {
      const shadowed = b.labels.length === 0 && body.attributes.some((a) => a.name === b.type);
      structural(path, b.typeRange.start.line, 'a block', show(node), shadowed ? 'block-shadowed-by-attribute' : 'block-absent-in-oracle');
      continue;
    }
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { node, count: 1, first: b, path });
    compareBody(file, b.body, node[n], path, stats, evaluateConstant);
  }
  for (const g of groups.values()) {
    if (g.node && g.node.length > g.count) {
      structural(
        g.path.replace(/#0$/, ''),
        g.first.typeRange.start.line,
        `${g.count} blocks`,
        `${g.node.length} objects`,
        'extra-blocks-in-oracle',
      );
    }
  }
  for (const k of Object.keys(obj)) {
    if (!known.has(k)) structural(at ? `${at}/${k}` : k, body.range.start.line, 'nothing', show(obj[k]), 'extra-key-in-oracle');
  }
}
