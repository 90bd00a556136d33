// Compile a rule once, evaluate it per entity. Evaluation first runs the allocation-free fast
// path; only results that need explaining (fail, unknown, or `explain`) are evaluated again with
// blame and reasons collected.
import { describeReason, newObject, type UnknownReason } from '../evaluate/value.js';
import type { RuleAst } from './ast.js';
import { GslSyntaxError, LogicText, type GslError, type Origin } from './errors.js';
import { evalExpr, newSink, type EvalContext, type Leaf, type Sink, type TraceNode } from './evaluate.js';
import { DEFAULT_FUNCTIONS } from './functions/defaults.js';
import type { FunctionRegistry } from './functions/registry.js';
import { Parser } from './parser.js';
import type { PathScope } from './path.js';
import { F, not, T, truthName, U, type Truth } from './truth.js';
import type { Entity, World } from './world.js';

export interface CompiledRule {
  /** Where the logic came from (check file or id), used in messages. */
  source: string;
  /** The logic as written. */
  text: string;
  /** Entity types as written (without `List<>`); matched case-insensitively. Only one with `List<>`. */
  entities: string[];
  /** `List<type>`: evaluated once over all entities of the type (see aggregateEntity). */
  aggregate: boolean;
  /** 'should' / 'should not': a failing condition is a finding; 'query': a match is a finding. */
  form: 'should' | 'should not' | 'query';
  ast: RuleAst;
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; errors: GslError[] };

export interface CompileOptions {
  /** Attribute functions; defaults to the built-ins. */
  functions?: FunctionRegistry;
  /** Where the logic starts in its file, to report file positions (default 1:1). */
  origin?: Origin;
}

export function compileRule(text: string, sourceName: string, options: CompileOptions = {}): CompileResult {
  const logic = new LogicText(text, sourceName, options.origin);
  try {
    const parser = new Parser(logic, options.functions ?? DEFAULT_FUNCTIONS);
    const ast = parser.parseRule();
    if (parser.errors.length) return { ok: false, errors: parser.errors };
    const form = !ast.should ? 'query' : ast.should.negated ? 'should not' : 'should';
    return { ok: true, rule: { source: sourceName, text, entities: ast.entities, aggregate: ast.aggregate, form, ast } };
  } catch (e) {
    if (e instanceof GslSyntaxError) return { ok: false, errors: [e.error] };
    throw e;
  }
}

export interface Blame {
  /** Entity the path belongs to (the evaluated entity, or a related one). */
  address: string;
  /** Attribute path in the format of Resource.ranges (`ingress.1.cidr_blocks`). */
  path: string;
  /** The attribute is not set at all: point at the block, and say it is missing. */
  absent?: true;
}

export interface RuleResult {
  status: 'pass' | 'fail' | 'unknown';
  /** Address (Entity.id) of the entity evaluated. */
  entity: string;
  /** True when `where` excluded the entity (status is then 'pass'). */
  excluded: boolean;
  /**
   * fail: the attribute paths that decided it (empty when an absent attribute decided it: point at
   * the block header). unknown: the paths of the values that were not known.
   */
  blame: Blame[];
  /** unknown: why (variables without value, references known only after apply). */
  reasons: UnknownReason[];
  /** The reasons as text, one per reason. */
  reasonText: string[];
  /**
   * fail and unknown: the tests of the logic that decided it, most specific first (the deepest scope, then the
   * furthest along the logic: the link of a chain closest to holding). Empty for a pass.
   */
  leaves: Leaf[];
  /** With `explain`: how each sub-expression evaluated. */
  trace?: TraceNode;
}

export interface EvaluateOptions {
  /** The time `before`/`after` are relative to (default: the current time). */
  now?: number | Date;
  /** Collect a trace of every sub-expression (slower; for `tfguard explain`). */
  explain?: boolean;
}

function dedupe(d: Sink): { blame: Blame[]; reasons: UnknownReason[] } {
  const seen = new Set<string>();
  const blame = d.blame.filter((b) => {
    const k = `${b.address}\u0000${b.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const seenR = new Set<string>();
  const reasons = d.reasons.filter((r) => {
    const k = JSON.stringify(r);
    if (seenR.has(k)) return false;
    seenR.add(k);
    return true;
  });
  return { blame, reasons };
}

/** Each leaf once (a test in the same scope), the deepest scope first, then the one furthest along the logic. */
function mostSpecificFirst(leaves: Leaf[]): Leaf[] {
  const seen = new Set<string>();
  const out = leaves.filter((l) => {
    const k = `${l.start}\u0000${l.scopes.map((e) => e.id).join('\u0000')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return out.sort((a, b) => b.scopes.length - a.scopes.length || b.start - a.start);
}

const noEntity = (): undefined => undefined;

function status(where: Truth, cond: Truth | undefined): { status: RuleResult['status']; excluded: boolean } {
  if (where === F) return { status: 'pass', excluded: true };
  if (cond === undefined) return { status: where === T ? 'fail' : 'unknown', excluded: false };
  if (cond === T) return { status: 'pass', excluded: false };
  if (where === U || cond === U) return { status: 'unknown', excluded: false };
  return { status: 'fail', excluded: false };
}

/** Evaluate a compiled rule on one entity (for `List<...>` rules pass aggregateEntity(...)). */
export function evaluateRule(rule: CompiledRule, entity: Entity, world: World, options: EvaluateOptions = {}): RuleResult {
  return evaluateIn(rule, entity, context(rule, world, options), options);
}

/** What every evaluation of a rule in a world shares. */
function context(rule: CompiledRule, world: World, options: EvaluateOptions): EvalContext {
  const now = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  const entityOf = world.entityOf ? world.entityOf.bind(world) : noEntity;
  return { env: { now, world, detailed: false }, text: rule.text, entityOf };
}

/** A pass says nothing more: its lists are shared (and frozen, so no one adds to them). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * How a rule's results have gone so far in this run: when most needed explaining, the fast path (which only says
 * pass or not) is skipped and the detailed one decides alone, as it gives the same truth values.
 */
interface Tally {
  passed: number;
  explained: number;
}

const newTally = (): Tally => ({ passed: 0, explained: 0 });

function evaluateIn(rule: CompiledRule, entity: Entity, ctx: EvalContext, options: EvaluateOptions, tally = newTally()): RuleResult {
  const ast = rule.ast;
  ctx.env.detailed = false;
  const scope: PathScope = { value: entity.values, path: '', owner: entity, parent: null };
  if (!options.explain && tally.explained > 8 && tally.explained > 2 * tally.passed)
    return detailed(rule, entity, ctx, scope, options, tally);
  // The fast path: no detail, nothing allocated for a pass.
  const fastWhere = ast.where ? evalExpr(ast.where, scope, ctx, null) : T;
  let fastCond: Truth | undefined;
  if (fastWhere !== F && ast.should) {
    const c = evalExpr(ast.should.expr, scope, ctx, null);
    fastCond = ast.should.negated ? not(c) : c;
  }
  if (!options.explain && (fastWhere === F || fastCond === T)) {
    tally.passed++;
    return passed(entity, fastWhere === F);
  }
  return detailed(rule, entity, ctx, scope, options, tally, status(fastWhere, fastCond));
}

function passed(entity: Entity, excluded: boolean): RuleResult {
  return { status: 'pass', excluded, entity: entity.id, blame: NONE, reasons: NONE, reasonText: NONE, leaves: NONE };
}

/**
 * The result with blame, reasons and leaves collected. `fast` is the status the fast path found; without it this
 * evaluation decides the status, and a pass is returned as the fast path returns it.
 */
function detailed(
  rule: CompiledRule,
  entity: Entity,
  ctx: EvalContext,
  scope: PathScope,
  options: EvaluateOptions,
  tally: Tally,
  fast?: { status: RuleResult['status']; excluded: boolean },
): RuleResult {
  const ast = rule.ast;
  const run = (d: { where: Sink; cond: Sink } | null): { where: Truth; cond: Truth | undefined } => {
    const where = ast.where ? evalExpr(ast.where, scope, ctx, d ? d.where : null) : T;
    if (where === F || !ast.should) return { where, cond: undefined };
    const c = evalExpr(ast.should.expr, scope, ctx, d ? d.cond : null);
    return { where, cond: ast.should.negated ? not(c) : c };
  };

  ctx.env.detailed = true;
  const root: Sink = { blame: [], reasons: [], trace: options.explain ? [] : null, leaves: [] };
  const d = { where: newSink(root), cond: newSink(root) };
  const slow = run(d);
  const s = fast ?? status(slow.where, slow.cond);
  if (s.status === 'pass' && !options.explain) {
    tally.passed++;
    return passed(entity, s.excluded);
  }
  if (s.status !== 'pass') tally.explained++;
  // What explains the result: for a query, the where clause; otherwise the condition, plus an
  // unknown where clause when that is what left the result open.
  const explain: Sink = { blame: [], reasons: [], trace: null, leaves: [] };
  const add = (from: Sink): void => {
    explain.blame.push(...from.blame);
    explain.reasons.push(...from.reasons);
    explain.leaves.push(...from.leaves);
  };
  if (!ast.should) add(d.where);
  else {
    if (slow.cond !== undefined && slow.cond !== T) add(d.cond);
    if (slow.where === U && s.status === 'unknown') add(d.where);
  }
  const { blame, reasons } = s.status === 'pass' ? { blame: [], reasons: [] } : dedupe(explain);
  const leaves = s.status === 'pass' ? [] : mostSpecificFirst(explain.leaves);
  const result: RuleResult = { ...s, entity: entity.id, blame, reasons, reasonText: reasons.map(describeReason), leaves };
  if (options.explain) {
    const children: TraceNode[] = [];
    if (ast.where) children.push({ expr: 'where', result: truthName(slow.where), children: d.where.trace ?? [] });
    if (ast.should && slow.cond !== undefined) {
      children.push({ expr: rule.form, result: truthName(slow.cond), children: d.cond.trace ?? [] });
    }
    result.trace = {
      expr: rule.text.replace(/\s+/g, ' ').trim(),
      result: s.status === 'pass' ? 'true' : s.status === 'fail' ? 'false' : 'unknown',
      at: entity.id,
      children,
    };
  }
  return result;
}

/** The single entity a `List<type>` rule is evaluated on: `{ items: [every entity of the type] }`. */
export function aggregateEntity(type: string, world: World): Entity {
  const values = newObject();
  values.items = world.entitiesOfType(type).map((e) => e.values);
  return { type: `List<${type}>`, id: `List<${type}>`, values };
}

/** Evaluate a rule over every entity of its type in the world (once, for `List<...>` rules). */
export function runRule(rule: CompiledRule, world: World, options: EvaluateOptions = {}): RuleResult[] {
  const out: RuleResult[] = [];
  eachResult(rule, world, options, (r) => out.push(r));
  return out;
}

function hasEntities(rule: CompiledRule, world: World): boolean {
  for (const t of rule.entities) if (world.entitiesOfType(t).length) return true;
  return false;
}

/**
 * runRule, each result handed to `visit` as soon as it is made: over tens of thousands of entities, results that
 * are not kept then die young instead of being copied by every garbage collection while the list is built.
 */
export function eachResult(rule: CompiledRule, world: World, options: EvaluateOptions, visit: (result: RuleResult) => void): void {
  if (!rule.aggregate && !hasEntities(rule, world)) return; // most rules meet none of their types in a root module
  const ctx = context(rule, world, options);
  const tally = newTally();
  if (rule.aggregate) visit(evaluateIn(rule, aggregateEntity(rule.entities[0]!, world), ctx, options, tally));
  else for (const t of rule.entities) for (const e of world.entitiesOfType(t)) visit(evaluateIn(rule, e, ctx, options, tally));
}
