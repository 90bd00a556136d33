// A resource body to values in the shape of Terraform's JSON: attributes by name, nested blocks as
// lists of objects, dynamic blocks expanded. Records the range and references of every path.
import type { Block, Body, Expr } from '../load/ast.js';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { BudgetError, budgetHint, budgetUnknown } from './budget.js';
import { EvalError } from './convert.js';
import { evaluate, iterate, withVariables, type Scope } from './expr.js';
import { FunctionError } from './functions/types.js';
import { namesObject, staticReferences } from './reference.js';
import type { Origin } from './model.js';
import { type OriginSource, traceOrigins } from './provenance.js';
import { Unknown, type ObjectValue, type Value, collectUnknowns, newObject, objectFrom } from './value.js';

/** Attributes that configure Terraform itself, not the resource. */
const META_ATTRIBUTES = new Set(['count', 'for_each', 'provider', 'depends_on']);
/** Blocks that configure Terraform itself, not the resource. */
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

export interface BodyResult {
  values: ObjectValue;
  ranges: Record<string, Range>;
  references: Record<string, string[]>;
  /** Paths whose range is in another file than the block's (merged from an override file); inner paths inherit. */
  files: Record<string, string>;
  /** Where values not written in the attribute itself came from (Resource.origins). */
  origins: Record<string, Origin[]>;
}

export interface BodyContext {
  file: string;
  /** Module address prefix for references: '' or 'module.a.'. */
  refPrefix: string;
  report(d: Diagnostic): void;
  /** Follows variables and locals back to where their values were written; absent, no origins are recorded. */
  origins?: OriginSource;
}

/** Evaluate one expression; errors become a diagnostic and an unknown value. */
export function evaluateOrUnknown(expr: Expr, scope: Scope, ctx: BodyContext, what: string): Value {
  try {
    return evaluate(expr, scope);
  } catch (e) {
    if (e instanceof BudgetError) {
      // A module over its step budget is reported once; its later expressions are unknown for the same reason.
      const counter = e.limit === 'maxEvalSteps' ? scope.steps : undefined;
      if (!counter?.reported)
        ctx.report({
          severity: 'error',
          code: 'limit-reached',
          file: ctx.file,
          range: expr.range,
          message: `cannot evaluate ${what}: ${e.message}`,
          hint: budgetHint(e),
        });
      if (counter) counter.reported = true;
      return budgetUnknown(e);
    }
    if (!(e instanceof EvalError || e instanceof FunctionError)) throw e;
    ctx.report({
      severity: 'warning',
      code: 'eval-error',
      file: ctx.file,
      range: expr.range,
      message: `cannot evaluate ${what}: ${e.message}`,
      hint: 'tfguard treats this value as unknown; Terraform would reject it',
    });
    return new Unknown([{ kind: 'expression', detail: `${what}: ${e.message}` }]);
  }
}

export function evaluateBody(body: Body, scope: Scope, ctx: BodyContext): BodyResult {
  const out: BodyResult = {
    values: newObject(),
    ranges: Object.create(null),
    references: Object.create(null),
    files: Object.create(null),
    origins: Object.create(null),
  };
  fillBody(body, scope, ctx, '', out, true, 0);
  return out;
}

function fillBody(body: Body, scope: Scope, ctx: BodyContext, prefix: string, out: BodyResult, top: boolean, depth: number): ObjectValue {
  const values = top ? out.values : newObject();
  if (depth > 32) return values;
  for (const a of body.attributes) {
    if (top && META_ATTRIBUTES.has(a.name)) continue;
    const path = prefix + a.name;
    const v = evaluateOrUnknown(a.expr, scope, a.file ? { ...ctx, file: a.file } : ctx, `"${path}"`);
    values[a.name] = v;
    out.ranges[path] = a.range;
    if (a.file) out.files[path] = a.file;
    const file = a.file ?? ctx.file;
    const trace = (expr: Expr, p: string): void => {
      if (!ctx.origins) return;
      const hops = traceOrigins(expr, ctx.origins, scope, file);
      if (hops.length) out.origins[p] = hops;
    };
    trace(a.expr, path);
    recordInnerRanges(a.expr, path, out.ranges, 0, trace);
    const refs = qualifiedRefs(a.expr, v, ctx.refPrefix);
    if (refs.length) out.references[path] = refs;
  }
  const lists = new Map<string, Value[] | Unknown>();
  const push = (type: string, v: ObjectValue): number => {
    const cur = lists.get(type);
    if (cur instanceof Unknown) return -1;
    const l = cur ?? [];
    l.push(v);
    lists.set(type, l);
    return l.length - 1;
  };
  for (const b of body.blocks) {
    if (top && META_BLOCKS.has(b.type)) continue;
    const bctx = b.file ? { ...ctx, file: b.file } : ctx;
    if (b.type === 'dynamic') {
      expandDynamic(b, scope, bctx, prefix, out, lists, push, depth);
      continue;
    }
    const i = (lists.get(b.type) as Value[] | undefined)?.length ?? 0;
    const path = `${prefix}${b.type}.${i}`;
    const obj = fillBody(b.body, scope, bctx, path + '.', out, false, depth + 1);
    if (push(b.type, obj) >= 0) {
      out.ranges[path] = b.range;
      if (b.file) out.files[path] = b.file;
    }
  }
  for (const [type, l] of lists) values[type] = l;
  return values;
}

function expandDynamic(
  b: Block,
  scope: Scope,
  ctx: BodyContext,
  prefix: string,
  out: BodyResult,
  lists: Map<string, Value[] | Unknown>,
  push: (type: string, v: ObjectValue) => number,
  depth: number,
): void {
  const label = b.labels[0];
  if (!label) {
    ctx.report({
      severity: 'error',
      code: 'dynamic-label',
      file: ctx.file,
      range: b.typeRange,
      message: 'a dynamic block needs one label: the type of the blocks it generates',
      hint: 'write dynamic "ingress" { for_each = ... content { ... } }',
    });
    return;
  }
  const forEach = b.body.attributes.find((a) => a.name === 'for_each');
  const content = b.body.blocks.find((c) => c.type === 'content');
  if (!forEach || !content) {
    ctx.report({
      severity: 'error',
      code: 'dynamic-body',
      file: ctx.file,
      range: b.typeRange,
      message: `dynamic "${label}" needs a for_each argument and a content block`,
      hint: 'add for_each = <collection> and content { ... }',
    });
    return;
  }
  const iteratorAttr = b.body.attributes.find((a) => a.name === 'iterator');
  const iterName = iteratorAttr?.expr.kind === 'variable' ? iteratorAttr.expr.name : label;
  const coll = evaluateOrUnknown(forEach.expr, scope, ctx, `for_each of dynamic "${label}"`);
  if (coll instanceof Unknown) {
    // Which blocks exist is not known: the whole list of blocks of this type is unknown.
    lists.set(label, coll);
    out.ranges[`${prefix}${label}`] = b.range;
    if (b.file) out.files[`${prefix}${label}`] = b.file;
    return;
  }
  let pairs: [Value, Value][];
  try {
    pairs = [...iterate(coll, `for_each of dynamic "${label}"`)];
  } catch (e) {
    ctx.report({ severity: 'warning', code: 'eval-error', file: ctx.file, range: forEach.expr.range, message: (e as Error).message });
    lists.set(label, new Unknown([{ kind: 'expression', detail: (e as Error).message }]));
    return;
  }
  for (const [k, v] of pairs) {
    // A set (array) of values iterates with key = value, as Terraform's for_each does for sets.
    const key = Array.isArray(coll) ? v : k;
    const inner = withVariables(scope, {
      [iterName]: objectFrom([
        ['key', key],
        ['value', v],
      ]),
    });
    const cur = lists.get(label);
    const i = Array.isArray(cur) ? cur.length : 0;
    const path = `${prefix}${label}.${i}`;
    const obj = fillBody(content.body, inner, ctx, path + '.', out, false, depth + 1);
    if (push(label, obj) >= 0) {
      out.ranges[path] = b.range;
      if (b.file) out.files[path] = b.file;
    }
  }
}

/** Ranges of keys inside literal object/tuple values: `tags.Name`, `ingress_rules.0`. */
function recordInnerRanges(
  expr: Expr,
  path: string,
  ranges: Record<string, Range>,
  depth: number,
  trace: (expr: Expr, path: string) => void,
): void {
  if (depth > 16) return;
  if (expr.kind === 'object') {
    for (const item of expr.items) {
      const k = item.key;
      const name = k.kind === 'variable' ? k.name : k.kind === 'literal' && typeof k.value === 'string' ? k.value : undefined;
      if (name === undefined) continue;
      const p = `${path}.${name}`;
      ranges[p] = { start: k.range.start, end: item.value.range.end };
      trace(item.value, p);
      recordInnerRanges(item.value, p, ranges, depth + 1, trace);
    }
  } else if (expr.kind === 'tuple') {
    expr.items.forEach((item, i) => {
      const p = `${path}.${i}`;
      ranges[p] = item.range;
      trace(item, p);
      recordInnerRanges(item, p, ranges, depth + 1, trace);
    });
  }
}

/**
 * The objects an attribute refers to, module-qualified: the references written in it
 * (`aws_kms_key.k.arn`) and those its value came from through variables and locals.
 */
export function qualifiedRefs(expr: Expr, value: Value, refPrefix: string): string[] {
  const out: string[] = [];
  for (const r of staticReferences(expr)) {
    if (!namesObject(r)) continue;
    const q = refPrefix + r;
    if (!out.includes(q)) out.push(q);
  }
  for (const u of collectUnknowns(value)) for (const r of u.refs) if (!out.includes(r)) out.push(r);
  return out;
}
