// Where a value was written. An attribute `enable_log_file_validation = var.validate` in a module got its value from
// somewhere else: the module call's argument, a tfvars line, the variable's default, a local. `traceOrigins` follows
// an expression back through variables, locals, module arguments, conditionals and pass-through functions to the
// places the value was written, so a finding can stand on the one line whose edit fixes it.
import type { Expr } from '../load/ast.js';
import type { Range } from '../common/diagnostics.js';
import { EvalError } from './convert.js';
import { evaluate, type Scope } from './expr.js';
import { FunctionError } from './functions/types.js';
import { valueEquals } from './value.js';
import type { Origin } from './model.js';

/** What can say where its variables and locals got their values (a module instance). */
export interface OriginSource {
  /** Hops for `var.name`, outermost last: the call argument (and what it came from), the tfvars line or the default. */
  variableOrigins(name: string): Origin[];
  /** Hops for `local.name`: the local's definition, then what its expression came from. */
  localOrigins(name: string): Origin[];
}

/** The expression written at each origin, so `var.settings.enabled` can narrow to `enabled = false` in an object. */
const written = new WeakMap<Origin, Expr>();

export function originAt(file: string, expr: Expr, range: Range, what: string, note?: string): Origin {
  const o: Origin = { file, range, what, ...(note ? { note } : {}) };
  written.set(o, expr);
  return o;
}

const MAX_TRACE_DEPTH = 24;

/**
 * The places the value of `expr` (written in `file`) came from beyond the expression itself, nearest first and the
 * place it was written last. Empty when the expression's own text is where the value was written (a literal) or
 * when no single origin can be named (arithmetic, several variables combined).
 */
export function traceOrigins(expr: Expr, src: OriginSource, scope: Scope, file: string, depth = 0): Origin[] {
  if (depth > MAX_TRACE_DEPTH) return [];
  switch (expr.kind) {
    case 'parens':
      return traceOrigins(expr.expr, src, scope, file, depth + 1);
    case 'getattr':
    case 'index':
    case 'variable':
      return traceTraversal(expr, src);
    case 'conditional': {
      const cond = quietly(() => evaluate(expr.cond, scope));
      if (typeof cond !== 'boolean') return [];
      return traceOrigins(cond ? expr.then : expr.else, src, scope, file, depth + 1);
    }
    case 'template': {
      // "${var.x}" alone is the variable's value.
      const [only] = expr.parts;
      return expr.parts.length === 1 && only?.kind === 'interp' ? traceOrigins(only.expr, src, scope, file, depth + 1) : [];
    }
    case 'call':
      return traceCall(expr, src, scope, file, depth);
    default:
      return [];
  }
}

/** `coalesce(var.x, "d")`, `try(local.y, null)`, `tobool(var.z)`: the one argument whose value the call returns. */
function traceCall(expr: Extract<Expr, { kind: 'call' }>, src: OriginSource, scope: Scope, file: string, depth: number): Origin[] {
  // lookup(var.m, "k", d) that found the key is var.m["k"]: narrow into where the map was written.
  const [map, key] = expr.args;
  if (expr.name === 'lookup' && map && key?.kind === 'literal') {
    const picked: Expr = { kind: 'index', object: map, key, range: expr.range };
    const found = quietly(() => evaluate(picked, scope));
    if (found !== undefined && valueEquals(found, quietly(() => evaluate(expr, scope)) ?? null) === true) {
      const hops = traceTraversal(picked, src);
      if (hops.length) return hops;
    }
  }
  const traced = expr.args.map((a) => ({ a, hops: traceOrigins(a, src, scope, file, depth + 1) })).filter((x) => x.hops.length);
  if (!traced.length) return [];
  const result = quietly(() => evaluate(expr, scope));
  if (result === undefined) return [];
  const same = traced.filter((x) => valueEquals(quietly(() => evaluate(x.a, scope)) ?? null, result) === true);
  return same.length === 1 ? same[0]!.hops : [];
}

/** `var.a`, `local.b.c["d"]`: the variable's or local's hops, narrowed into object and tuple literals by the steps. */
function traceTraversal(expr: Expr, src: OriginSource): Origin[] {
  const steps: (string | number)[] = [];
  let e = expr;
  for (;;) {
    if (e.kind === 'getattr') {
      steps.unshift(e.name);
      e = e.object;
    } else if (e.kind === 'index') {
      const k = e.key.kind === 'literal' ? e.key.value : undefined;
      if (typeof k !== 'string' && typeof k !== 'number') return [];
      steps.unshift(k);
      e = e.object;
    } else if (e.kind === 'parens') e = e.expr;
    else break;
  }
  if (e.kind !== 'variable' || (e.name !== 'var' && e.name !== 'local')) return [];
  const [member, ...rest] = steps;
  if (typeof member !== 'string') return [];
  const hops = e.name === 'var' ? src.variableOrigins(member) : src.localOrigins(member);
  if (!hops.length || !rest.length) return hops;
  const last = hops[hops.length - 1]!;
  const narrowed = narrow(last, rest);
  return narrowed === last ? hops : [...hops.slice(0, -1), narrowed];
}

/** The part of an object or tuple literal a traversal picks: `{ enabled = false }` and `.enabled` → `enabled = false`. */
function narrow(o: Origin, steps: (string | number)[]): Origin {
  let expr = written.get(o);
  let range = o.range;
  const path: string[] = [];
  for (const step of steps) {
    while (expr?.kind === 'parens') expr = expr.expr;
    if (expr?.kind === 'object') {
      const item = expr.items.find((i) => keyName(i.key) === String(step));
      if (!item) break;
      range = { start: item.key.range.start, end: item.value.range.end };
      expr = item.value;
    } else if (expr?.kind === 'tuple' && typeof step === 'number' && expr.items[step]) {
      expr = expr.items[step];
      range = expr.range;
    } else break;
    path.push(String(step));
  }
  if (!path.length || !expr) return o;
  return originAt(o.file, expr, range, `${o.what} (.${path.join('.')})`, o.note);
}

function keyName(k: Expr): string | undefined {
  if (k.kind === 'variable') return k.name;
  if (k.kind === 'literal' && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

/** Evaluate for tracing only: an error means no origin, never a diagnostic (the value itself already reported it). */
function quietly<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvalError || e instanceof FunctionError) return undefined;
    throw e;
  }
}
