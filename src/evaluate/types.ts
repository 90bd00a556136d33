// Variable type constraints: parsed from `type = ...` and applied to values as Terraform does,
// including `optional(T, default)` object attributes, which Terraform fills in when absent.
import type { Expr } from '../load/ast.js';
import { EvalError, describeType, numberToString } from './convert.js';
import { evaluate, type Scope } from './expr.js';
import { Unknown, type Value, isObject, newObject } from './value.js';

export type TypeConstraint =
  | { kind: 'any' }
  | { kind: 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; elem: TypeConstraint }
  | { kind: 'tuple'; elems: TypeConstraint[] }
  | { kind: 'object'; attrs: Map<string, ObjectAttr> };

export interface ObjectAttr {
  type: TypeConstraint;
  optional: boolean;
  defaultExpr?: Expr;
}

const ANY: TypeConstraint = { kind: 'any' };
const EMPTY_SCOPE: Scope = { resolveRoot: () => undefined };

/** Parse a type expression; anything not understood is `any` (no conversion, never an error). */
export function parseType(expr: Expr | undefined, depth = 0): TypeConstraint {
  if (!expr || depth > 32) return ANY;
  if (expr.kind === 'variable') {
    if (expr.name === 'string' || expr.name === 'number' || expr.name === 'bool') return { kind: expr.name };
    return ANY;
  }
  if (expr.kind === 'literal' && typeof expr.value === 'string' && ['string', 'number', 'bool'].includes(expr.value)) {
    return { kind: expr.value as 'string' | 'number' | 'bool' };
  }
  if (expr.kind !== 'call') return ANY;
  const [arg] = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expr.name, elem: parseType(arg, depth + 1) };
    case 'tuple':
      return arg?.kind === 'tuple' ? { kind: 'tuple', elems: arg.items.map((i) => parseType(i, depth + 1)) } : ANY;
    case 'object': {
      if (arg?.kind !== 'object') return ANY;
      const attrs = new Map<string, ObjectAttr>();
      for (const item of arg.items) {
        const k = item.key;
        const name = k.kind === 'variable' ? k.name : k.kind === 'literal' && typeof k.value === 'string' ? k.value : undefined;
        if (name === undefined) return ANY;
        const v = item.value;
        if (v.kind === 'call' && v.name === 'optional') {
          attrs.set(name, { type: parseType(v.args[0], depth + 1), optional: true, defaultExpr: v.args[1] });
        } else {
          attrs.set(name, { type: parseType(v, depth + 1), optional: false });
        }
      }
      return { kind: 'object', attrs };
    }
    default:
      return ANY;
  }
}

/** Convert a value to a type constraint. Throws EvalError when Terraform would reject the value. */
export function convertValue(v: Value, t: TypeConstraint, what: string, depth = 0): Value {
  if (v instanceof Unknown || v === null || t.kind === 'any' || depth > 64) return v;
  switch (t.kind) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return numberToString(v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      break;
    case 'number':
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v.trim())) return Number(v.trim());
      break;
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false') return false;
      break;
    case 'list':
    case 'set':
      if (Array.isArray(v)) return v.map((x, i) => convertValue(x, t.elem, `${what}[${i}]`, depth + 1));
      break;
    case 'tuple':
      if (Array.isArray(v)) {
        if (v.length !== t.elems.length) throw new EvalError(`${what}: a tuple of ${t.elems.length} elements is required, got ${v.length}`);
        return v.map((x, i) => convertValue(x, t.elems[i]!, `${what}[${i}]`, depth + 1));
      }
      break;
    case 'map':
      if (isObject(v)) {
        const out = newObject();
        for (const [k, x] of Object.entries(v)) out[k] = convertValue(x, t.elem, `${what}["${k}"]`, depth + 1);
        return out;
      }
      break;
    case 'object':
      if (isObject(v)) {
        const out = newObject();
        for (const [name, attr] of t.attrs) {
          if (Object.prototype.hasOwnProperty.call(v, name) && v[name] !== null) {
            out[name] = convertValue(v[name]!, attr.type, `${what}.${name}`, depth + 1);
          } else if (attr.optional) {
            out[name] = attr.defaultExpr
              ? convertValue(evaluate(attr.defaultExpr, EMPTY_SCOPE), attr.type, `${what}.${name}`, depth + 1)
              : null;
          } else if (Object.prototype.hasOwnProperty.call(v, name)) {
            out[name] = null;
          } else {
            throw new EvalError(`${what}: attribute "${name}" is required`);
          }
        }
        return out;
      }
      break;
  }
  throw new EvalError(`${what}: ${article(t)} is required, got ${describeType(v)}`);
}

function article(t: TypeConstraint): string {
  switch (t.kind) {
    case 'object':
    case 'any':
      return `an ${t.kind}`;
    default:
      return `a ${t.kind}`;
  }
}
