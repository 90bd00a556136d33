// Evaluation of compiled logic over one entity, in Kleene three-valued logic. The fast path
// allocates no detail; blame, unknown reasons and traces are collected only when a `Sink` is passed.
import { Unknown, type UnknownReason } from '../evaluate/value.js';
import type { Condition, LogicExpr, PathRef, TestExpr } from './ast.js';
import { equals, order, textTest } from './compare.js';
import { Count, Members, type Datum, type Detail, type Env, type Input, type Member } from './functions/types.js';
import { elementsOf, resolvePath, type EntityOf, type PathScope } from './path.js';
import { and, F, not, T, truthName, U, type Truth } from './truth.js';
import type { Entity } from './world.js';

export interface TraceNode {
  /** The sub-expression, as written. */
  expr: string;
  result: 'true' | 'false' | 'unknown';
  /** Where it was evaluated: `address` or `address:path` inside `contain [...]`. */
  at?: string;
  /** The values the test saw. */
  values?: string[];
  children?: TraceNode[];
}

/**
 * A test of the logic whose result decided the rule's (a leaf: the innermost test that decided it, not the
 * `contain [...]` around it unless no element of its list did): where it is in the logic, the entities in scope when
 * it ran and the values it saw. Messages are chosen from it (src/checks/messages.ts), and `explain` lists it.
 */
export interface Leaf {
  /** Offsets of the test in the logic text. */
  start: number;
  end: number;
  /** The test's own result. */
  result: Truth;
  /** The entities in scope, innermost first (the element's entity, ..., the entity the rule runs on). */
  scopes: Entity[];
  /** What the test saw: one entry per input (the entity and attribute path it came from, and its value). */
  inputs: { entity: Entity; path: string | null; value: Datum }[];
}

export interface Sink extends Detail {
  trace: TraceNode[] | null;
  leaves: Leaf[];
}

export interface EvalContext {
  env: Env;
  text: string;
  entityOf: EntityOf;
}

export function newSink(parent: Sink | null): Sink {
  return { blame: [], reasons: [], trace: parent && parent.trace ? [] : null, leaves: [] };
}

function merge(into: Detail, from: Detail): void {
  for (const b of from.blame) into.blame.push(b);
  for (const r of from.reasons) into.reasons.push(r);
  if ('leaves' in into && 'leaves' in from) for (const l of (from as Sink).leaves) (into as Sink).leaves.push(l);
}

/** The entities of a scope chain, innermost first, each once. */
function scopeEntities(scope: PathScope): Entity[] {
  const out: Entity[] = [];
  for (let s: PathScope | null = scope; s; s = s.parent) if (out[out.length - 1] !== s.owner) out.push(s.owner);
  return out;
}

function inputBlame(d: Detail, inp: Input): void {
  if (inp.path) d.blame.push({ address: inp.entity.id, path: inp.path });
  // An attribute the entity does not set: named, so a finding can say which one is missing.
  else if (inp.absent !== undefined && inp.value === undefined) d.blame.push({ address: inp.entity.id, path: inp.absent, absent: true });
}

function datumReasons(v: Datum): UnknownReason[] {
  if (v instanceof Unknown) return v.reasons;
  if (v instanceof Count) return v.reasons;
  if (v instanceof Members) return v.items.flatMap((m) => (m.member === U ? (m.reasons ?? []) : []));
  return [];
}

const MAX_RENDER = 80;

export function renderDatum(v: Datum): string {
  if (v === undefined) return 'absent';
  if (v instanceof Unknown) return `unknown (${v.describe()})`;
  if (v instanceof Members) return `${v.items.length} element${v.items.length === 1 ? '' : 's'}`;
  if (v instanceof Count) return v.min === v.max ? String(v.min) : `${v.min}..${v.max === Infinity ? '∞' : v.max}`;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > MAX_RENDER ? `${s.slice(0, MAX_RENDER - 1)}…` : s;
}

function snippet(ctx: EvalContext, e: { start: number; end: number }): string {
  return ctx.text.slice(e.start, e.end).replace(/\s+/g, ' ');
}

export function evalExpr(e: LogicExpr, scope: PathScope, ctx: EvalContext, d: Sink | null): Truth {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const isAnd = e.kind === 'and';
      const stop = isAnd ? F : T;
      let r: Truth = isAnd ? T : F;
      if (!d) {
        for (const item of e.items) {
          const t = evalExpr(item, scope, ctx, null);
          if (t === stop) return stop;
          if (t === U) r = U;
        }
        return r;
      }
      const subs: { t: Truth; s: Sink }[] = [];
      for (const item of e.items) {
        const s = newSink(d);
        const t = evalExpr(item, scope, ctx, s);
        subs.push({ t, s });
        if (t === stop) {
          r = stop;
          break;
        }
        if (t === U) r = U;
      }
      for (const x of subs) if (x.t === r) merge(d, x.s);
      if (d.trace) d.trace.push({ expr: snippet(ctx, e), result: truthName(r), children: subs.flatMap((x) => x.s.trace ?? []) });
      return r;
    }
    case 'not': {
      if (!d) return not(evalExpr(e.item, scope, ctx, null));
      const s = newSink(d);
      const r = not(evalExpr(e.item, scope, ctx, s));
      merge(d, s);
      if (d.trace) d.trace.push({ expr: snippet(ctx, e), result: truthName(r), children: s.trace ?? [] });
      return r;
    }
    case 'test':
      return evalTest(e, scope, ctx, d);
  }
}

function evalTest(e: TestExpr, scope: PathScope, ctx: EvalContext, d: Sink | null): Truth {
  let inputs: Input[];
  if (e.operand.kind === 'path') {
    inputs = resolvePath(scope, e.operand.up, e.operand.segments, ctx.entityOf);
  } else {
    const fn = e.operand.fn;
    const self: Input = { value: scope.value, path: scope.path, entity: scope.owner };
    inputs = fn.kind === 'value' ? fn.apply([self], e.operand.state, ctx.env) : [self];
  }
  for (const step of e.steps) {
    if (step.kind === 'fn') {
      if (step.fn.kind === 'value') inputs = step.fn.apply(inputs, step.state, ctx.env);
    } else {
      inputs = filter(inputs, step.body, scope, ctx);
    }
  }
  const s = d ? newSink(d) : null;
  const children = d && d.trace ? [] : null;
  const r = applyCheck(e.check, inputs, scope, ctx, s, children);
  if (d && s) {
    // No element inside decided it (or the test has no elements): the test itself is the leaf.
    if (!s.leaves.length)
      s.leaves.push({
        start: e.start,
        end: e.end,
        result: r,
        scopes: scopeEntities(scope),
        // An attribute the entity does not set is named by its own path, not by the nearest one that exists.
        inputs: inputs.map((i) => ({
          entity: i.entity,
          path: i.value === undefined && i.absent !== undefined ? i.absent : i.path,
          value: i.value,
        })),
      });
    merge(d, s);
    if (d.trace) {
      const at = scope.path ? `${scope.owner.id}:${scope.path}` : scope.owner.id;
      d.trace.push({
        expr: snippet(ctx, e),
        result: truthName(r),
        at,
        values: inputs.map((i) => renderDatum(i.value)),
        ...(children && children.length ? { children } : {}),
      });
    }
  }
  return r;
}

function elementScope(m: Member, parent: PathScope): PathScope {
  return { value: m.value, path: m.path, owner: m.entity, parent };
}

/** `x with [c]` followed by more: the elements for which c holds (T) or may hold (U). */
function filter(inputs: Input[], body: LogicExpr, scope: PathScope, ctx: EvalContext): Input[] {
  const out: Input[] = [];
  const kept: Member[] = [];
  for (const inp of inputs) {
    const els = elementsOf(inp, ctx.entityOf);
    if (els instanceof Unknown) {
      out.push({ value: els, path: inp.path, entity: inp.entity });
      continue;
    }
    for (const el of els) {
      if (el.member === F) continue;
      const s = ctx.env.detailed ? newSink(null) : null;
      const t = and(el.member, evalExpr(body, elementScope(el, scope), ctx, s));
      if (t === F) continue;
      const m: Member = { value: el.value, path: el.path, entity: el.entity, member: t };
      if (s) {
        m.detail = s;
        if (t === U) m.reasons = [...(el.reasons ?? []), ...s.reasons];
      }
      kept.push(m);
    }
  }
  const first = inputs[0]!;
  out.unshift({ value: new Members(kept), path: inputs.length === 1 ? first.path : null, entity: first.entity });
  return out;
}

/** One value against a check (everything but quantifiers). */
function checkOne(c: Condition, inp: Input, rights: Datum[] | null, ctx: EvalContext, reasons: UnknownReason[] | null): Truth {
  const v = inp.value;
  switch (c.kind) {
    case 'presence':
      return presence(v);
    case 'compare': {
      const op = c.op;
      if (rights === null)
        return op === '=' || op === '!='
          ? equals(v, c.right.kind === 'literal' ? c.right.value : undefined)
          : order(v, op, c.right.kind === 'literal' ? c.right.value : undefined);
      let r: Truth = F;
      for (const right of rights) {
        const t = op === '=' || op === '!=' ? equals(v, right) : order(v, op, right);
        if (t === T) return T;
        if (t === U) r = U;
      }
      return r;
    }
    case 'in': {
      let r: Truth = F;
      for (const l of c.values) {
        const t = equals(v, l.value);
        if (t === T) return T;
        if (t === U) r = U;
      }
      return r;
    }
    case 'like':
    case 'regex':
      return textTest(v, c.re);
    case 'fn': {
      if (c.fn.kind !== 'test') return presence(v);
      const out = c.fn.test(inp, c.state, ctx.env);
      if (typeof out === 'number') return out;
      if (reasons && out.truth === U) reasons.push(...out.reasons);
      return out.truth;
    }
    case 'quant':
      return U;
  }
}

/** Existential ('any') or universal ('all') combination of a check over inputs, with per-input blame. */
function overInputs(c: Condition, inputs: Input[], mode: 'any' | 'all', rights: Datum[] | null, ctx: EvalContext, d: Sink | null): Truth {
  const stop = mode === 'any' ? T : F;
  let r: Truth = mode === 'any' ? F : T;
  if (!d) {
    for (let i = 0; i < inputs.length; i++) {
      const t = checkOne(c, inputs[i]!, rights, ctx, null);
      if (t === stop) return stop;
      if (t === U) r = U;
    }
    return r;
  }
  const ts: Truth[] = [];
  const extra: UnknownReason[] = [];
  for (const inp of inputs) {
    const t = checkOne(c, inp, rights, ctx, extra);
    ts.push(t);
    if (t === stop) {
      r = stop;
      break;
    }
    if (t === U) r = U;
  }
  for (let i = 0; i < ts.length; i++) {
    if (ts[i] !== r) continue;
    const inp = inputs[i]!;
    inputBlame(d, inp);
    if (r === U) d.reasons.push(...datumReasons(inp.value));
    if (r !== U && inp.value instanceof Count && inp.value.detail) merge(d, inp.value.detail);
  }
  if (r === U) d.reasons.push(...extra);
  return r;
}

function applyCheck(c: Condition, inputs: Input[], scope: PathScope, ctx: EvalContext, d: Sink | null, trace: TraceNode[] | null): Truth {
  switch (c.kind) {
    case 'compare': {
      const rights = c.right.kind === 'literal' ? null : rightValues(c.right, scope, ctx);
      const r = overInputs(c, inputs, 'any', rights, ctx, d);
      return c.op === '!=' ? not(r) : r;
    }
    case 'fn':
      return overInputs(c, inputs, c.fn.kind === 'test' ? (c.fn.combine ?? 'any') : 'any', null, ctx, d);
    case 'quant':
      return quantify(c.q, c.body, inputs, scope, ctx, d, trace);
    default:
      return overInputs(c, inputs, 'any', null, ctx, d);
  }
}

function rightValues(p: PathRef, scope: PathScope, ctx: EvalContext): Datum[] {
  return resolvePath(scope, p.up, p.segments, ctx.entityOf).map((i) => i.value);
}

/** A bare attribute: present, not empty, not false. */
export function presence(v: Datum): Truth {
  if (v === undefined || v === null || v === '' || v === false || v === 'false') return F;
  if (v instanceof Unknown) return v.nonEmpty ? T : U;
  if (v instanceof Members) {
    let r: Truth = F;
    for (const m of v.items) {
      if (m.member === T) return T;
      if (m.member === U) r = U;
    }
    return r;
  }
  if (v instanceof Count) return v.min > 0 ? T : v.max === 0 ? F : U;
  if (Array.isArray(v)) return v.length ? T : F;
  if (typeof v === 'object') return Object.keys(v).length ? T : F;
  return T;
}

function quantify(
  q: string,
  body: LogicExpr,
  inputs: Input[],
  scope: PathScope,
  ctx: EvalContext,
  d: Sink | null,
  trace: TraceNode[] | null,
): Truth {
  // any: OR(member ∧ body); all: AND(¬member ∨ body); none: ¬any
  const all = q === 'contain-all';
  const stop = all ? F : T;
  let r: Truth = all ? T : F;
  const picked: { t: Truth; s: Sink | null; m: Member | null; inp: Input }[] = [];
  outer: for (const inp of inputs) {
    const els = elementsOf(inp, ctx.entityOf);
    if (els instanceof Unknown) {
      r = U;
      if (d) picked.push({ t: U, s: { blame: [], reasons: els.reasons, trace: null, leaves: [] }, m: null, inp });
      continue;
    }
    for (const el of els) {
      if (el.member === F) continue;
      const s = d ? newSink(d) : null;
      const b = evalExpr(body, elementScope(el, scope), ctx, s);
      const t = all ? (el.member === T ? b : b === T ? T : U) : and(el.member, b);
      if (s && el.member === U && t === U) s.reasons.push(...(el.reasons ?? []));
      if (d) picked.push({ t, s, m: el, inp });
      if (trace && s)
        trace.push({
          expr: el.path === null ? 'element' : `element ${el.path || el.entity.id}`,
          result: truthName(t),
          at: el.path ? `${el.entity.id}:${el.path}` : el.entity.id,
          children: s.trace ?? [],
        });
      if (t === stop) {
        r = stop;
        break outer;
      }
      if (t === U) r = U;
    }
  }
  const result = q === 'contain-none' ? not(r) : r;
  if (d) {
    for (const p of picked) {
      if (p.t !== r || !p.s) continue;
      const before = d.blame.length;
      merge(d, p.s);
      if (d.blame.length === before && p.m && p.m.path && r !== U) d.blame.push({ address: p.m.entity.id, path: p.m.path });
      // A collection that is itself unknown (a policy from a variable): point at it.
      if (!p.m && r === U) inputBlame(d, p.inp);
    }
    // No element decided it (an empty list, or every element had to be checked): blame the list.
    const decidedByElements = all ? r === F : r === T;
    if (!decidedByElements && r !== U) for (const inp of inputs) inputBlame(d, inp);
  }
  return result;
}
