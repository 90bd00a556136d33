// count and for_each: which instances a resource or module block has.
import type { Block } from '../load/ast.js';
import type { Range } from '../common/diagnostics.js';
import { type BodyContext, evaluateOrUnknown } from './body.js';
import type { Scope } from './expr.js';
import { BudgetError, budgetHint, budgetUnknown } from './budget.js';
import { limits } from '../common/limits.js';
import { Unknown, type Value, containsUnknown, isObject, objectFrom } from './value.js';

export interface Instance {
  /** count index or for_each key; undefined for a single instance. */
  key?: number | string;
  /** `count` and/or `each` objects for the instance's scope. */
  vars: Record<string, Value>;
}

export interface Expansion {
  instances: Instance[];
  /** Set when count/for_each is not known: one instance with unknown count.index / each.* stands for all. */
  unknown?: Unknown;
  shape: 'single' | 'count' | 'for_each';
}

/** More instances than --max-instances: one instance of unknown key stands for all, with a diagnostic at the argument. */
function tooMany(n: number, attr: { expr: { range: Range } }, what: 'count' | 'for_each', ctx: BodyContext): Expansion {
  const e = new BudgetError('maxInstances', `${what} gives ${n} instances`);
  ctx.report({ severity: 'error', code: 'limit-reached', file: ctx.file, range: attr.expr.range, message: e.message, hint: budgetHint(e) });
  return unknownExpansion(budgetUnknown(e), what);
}

export function expandBlock(block: Block, scope: Scope, ctx: BodyContext): Expansion {
  const countAttr = block.body.attributes.find((a) => a.name === 'count');
  const forEachAttr = block.body.attributes.find((a) => a.name === 'for_each');
  if (countAttr && forEachAttr) {
    ctx.report({
      severity: 'error',
      code: 'count-and-for_each',
      file: ctx.file,
      range: forEachAttr.nameRange,
      message: 'a block may have count or for_each, not both; for_each is ignored',
      hint: 'remove one of the two arguments',
    });
  }
  if (countAttr) {
    const v = evaluateOrUnknown(countAttr.expr, scope, ctx, 'count');
    if (v instanceof Unknown) return unknownExpansion(v, 'count');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      ctx.report({
        severity: 'error',
        code: 'invalid-count',
        file: ctx.file,
        range: countAttr.expr.range,
        message: `count must be a whole number of 0 or more, got ${JSON.stringify(v)}`,
        hint: 'use a number, or a conditional such as var.enabled ? 1 : 0',
      });
      return unknownExpansion(new Unknown([{ kind: 'expression', detail: 'count is not a whole number' }]), 'count');
    }
    if (v > limits().maxInstances) return tooMany(v, countAttr, 'count', ctx);
    return { shape: 'count', instances: Array.from({ length: v }, (_, i) => ({ key: i, vars: { count: objectFrom([['index', i]]) } })) };
  }
  if (forEachAttr) {
    const v = evaluateOrUnknown(forEachAttr.expr, scope, ctx, 'for_each');
    if (v instanceof Unknown) return unknownExpansion(v, 'for_each');
    let pairs: [string, Value][];
    if (isObject(v)) {
      pairs = Object.keys(v)
        .sort()
        .map((k) => [k, v[k]!]);
    } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      pairs = [...new Set(v as string[])].sort().map((k) => [k, k]);
    } else if (Array.isArray(v) && containsUnknown(v)) {
      return unknownExpansion(
        new Unknown([
          { kind: 'expression', detail: 'for_each set has unknown elements' },
          ...Array.from(v).flatMap((x) => (x instanceof Unknown ? x.reasons : [])),
        ]),
        'for_each',
      );
    } else {
      ctx.report({
        severity: 'error',
        code: 'invalid-for_each',
        file: ctx.file,
        range: forEachAttr.expr.range,
        message: `for_each must be a map, or a set of strings, got ${v === null ? 'null' : Array.isArray(v) ? 'a list that is not all strings' : typeof v}`,
        hint: 'wrap a list of strings in toset(...), or build a map with a for expression',
      });
      return unknownExpansion(new Unknown([{ kind: 'expression', detail: 'for_each is not a map or set of strings' }]), 'for_each');
    }
    if (pairs.length > limits().maxInstances) return tooMany(pairs.length, forEachAttr, 'for_each', ctx);
    return {
      shape: 'for_each',
      instances: pairs.map(([k, val]) => ({
        key: k,
        vars: {
          each: objectFrom([
            ['key', k],
            ['value', val],
          ]),
        },
      })),
    };
  }
  return { shape: 'single', instances: [{ vars: {} }] };
}

function unknownExpansion(u: Unknown, shape: 'count' | 'for_each'): Expansion {
  const vars: Record<string, Value> =
    shape === 'count'
      ? { count: objectFrom([['index', u]]) }
      : {
          each: objectFrom([
            ['key', u],
            ['value', u],
          ]),
        };
  return { shape, unknown: u, instances: [{ vars }] };
}

/** `[0]` or `["key"]`. */
export function instanceSuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
