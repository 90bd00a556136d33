// Unknown values that remember the address they point to, growing as the traversal proceeds:
// `aws_kms_key` → `aws_kms_key.k` → `aws_kms_key.k.arn`.
import type { Expr } from '../load/ast.js';
import { Unknown } from './value.js';

export class ReferenceUnknown extends Unknown {
  readonly ref: string;

  constructor(ref: string) {
    // A reference to another object's attribute is present and non-empty once applied.
    super([{ kind: 'reference', ref }], true);
    this.ref = ref;
  }

  attr(name: string): ReferenceUnknown {
    return new ReferenceUnknown(`${this.ref}.${name}`);
  }

  index(key: string | number): ReferenceUnknown {
    return new ReferenceUnknown(`${this.ref}[${typeof key === 'number' ? key : JSON.stringify(key)}]`);
  }

  splat(): ReferenceUnknown {
    return new ReferenceUnknown(`${this.ref}[*]`);
  }
}

/** Names that start a traversal and are not references to resources. */
const RESERVED_ROOTS = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self', 'module', 'data']);

/**
 * Does the reference name an object of the configuration (a resource, a data source, a module), not a variable,
 * local or iterator? Reads the first name without splitting the reference.
 */
export function namesObject(ref: string): boolean {
  let end = ref.length;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 0x2e || c === 0x5b) {
      end = i; // the first `.` or `[`
      break;
    }
  }
  const root = ref.slice(0, end);
  return !RESERVED_ROOTS.has(root) || root === 'data' || root === 'module';
}

/**
 * The static references an expression makes (`aws_kms_key.k.arn`, `var.x`, `module.m.out`), as
 * written, for joining resources. Only plain traversals are followed: roots with attribute names and
 * literal indexes.
 */
export function staticReferences(expr: Expr, out: string[] = []): string[] {
  const t = traversalText(expr);
  if (t !== undefined) {
    if (!out.includes(t)) out.push(t);
    return out;
  }
  switch (expr.kind) {
    case 'template':
      for (const p of expr.parts) templatePartRefs(p, out);
      break;
    case 'tuple':
      for (const i of expr.items) staticReferences(i, out);
      break;
    case 'object':
      for (const i of expr.items) {
        if (!i.keyIsIdent) staticReferences(i.key, out);
        staticReferences(i.value, out);
      }
      break;
    case 'getattr':
    case 'index':
    case 'splat':
      staticReferences(expr.object, out);
      if (expr.kind === 'index') staticReferences(expr.key, out);
      break;
    case 'call':
      for (const a of expr.args) staticReferences(a, out);
      break;
    case 'unary':
      staticReferences(expr.operand, out);
      break;
    case 'binary':
      staticReferences(expr.left, out);
      staticReferences(expr.right, out);
      break;
    case 'conditional':
      staticReferences(expr.cond, out);
      staticReferences(expr.then, out);
      staticReferences(expr.else, out);
      break;
    case 'for':
      staticReferences(expr.collection, out);
      break;
    case 'parens':
      staticReferences(expr.expr, out);
      break;
    default:
      break;
  }
  return out;
}

function templatePartRefs(p: import('../load/ast.js').TemplatePart, out: string[]): void {
  if (p.kind === 'interp') staticReferences(p.expr, out);
  else if (p.kind === 'if') {
    staticReferences(p.cond, out);
    for (const q of p.then) templatePartRefs(q, out);
    for (const q of p.else ?? []) templatePartRefs(q, out);
  } else if (p.kind === 'for') staticReferences(p.collection, out);
}

/** `a.b[0].c` for a plain traversal, undefined otherwise. */
export function traversalText(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'variable':
      return expr.name;
    case 'getattr': {
      const o = traversalText(expr.object);
      return o === undefined ? undefined : `${o}.${expr.name}`;
    }
    case 'index': {
      const o = traversalText(expr.object);
      if (o === undefined || expr.key.kind !== 'literal') return undefined;
      const k = expr.key.value;
      if (typeof k === 'number') return `${o}[${k}]`;
      if (typeof k === 'string') return `${o}[${JSON.stringify(k)}]`;
      return undefined;
    }
    default:
      return undefined;
  }
}
