// Expressions to values. Whatever cannot be known becomes Unknown (with its reasons), never a guess.
import type { BinaryExpr, CallExpr, ConditionalExpr, Expr, ForExpr, TemplatePart } from '../load/ast.js';
import type { Range } from '../common/diagnostics.js';
import { SPLAT_ELEMENT } from '../load/ast.js';
import { BudgetError, StepCounter, budgetOfRangeError, checkSize, valueSize } from './budget.js';
import { limits } from '../common/limits.js';
import { EvalError, describeType, toBoolValue, toNumberValue, toStringValue } from './convert.js';
import { callFunction } from './functions/index.js';
import { FunctionError } from './functions/types.js';
import { ReferenceUnknown } from './reference.js';
import {
  Unknown,
  type ObjectValue,
  type Value,
  containsUnknown,
  isObject,
  mergeUnknown,
  newObject,
  unknown,
  valueEquals,
} from './value.js';

/** Resolves the first name of a traversal (`var`, `local`, `each`, a resource type, ...). */
export interface Scope {
  resolveRoot(name: string): Value | undefined;
  /**
   * Resolve `root.name` directly (`var.x`, `local.y`, `module.m`), so that one member can be
   * evaluated without building the whole object. Undefined falls back to resolveRoot + attribute.
   */
  resolveMember?(root: string, name: string, range: Range): Value | undefined;
  /** The evaluation steps of the module instance this scope belongs to (budget.ts); absent: each evaluation counts its own. */
  readonly steps?: StepCounter;
}

class ChildScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly vars: Map<string, Value>,
  ) {}
  get steps(): StepCounter | undefined {
    return this.parent.steps;
  }
  resolveRoot(name: string): Value | undefined {
    return this.vars.has(name) ? this.vars.get(name) : this.parent.resolveRoot(name);
  }
  resolveMember(root: string, name: string, range: Range): Value | undefined {
    if (this.vars.has(root)) return undefined;
    return this.parent.resolveMember?.(root, name, range);
  }
}

export function withVariables(parent: Scope, vars: Record<string, Value>): Scope {
  return new ChildScope(parent, new Map(Object.entries(vars)));
}

/**
 * Evaluate an expression. Throws EvalError for errors Terraform would report (bad types, missing keys), and its
 * subclass BudgetError when a limit of budget.ts is reached (the engine's own stack and length limits included).
 */
export function evaluate(expr: Expr, scope: Scope): Value {
  try {
    return new Evaluator(scope.steps ?? new StepCounter()).eval(expr, scope, 0);
  } catch (e) {
    if (e instanceof RangeError) throw budgetOfRangeError(e);
    throw e;
  }
}

class Evaluator {
  constructor(private readonly counter: StepCounter) {}

  eval(expr: Expr, scope: Scope, depth: number): Value {
    if (depth > limits().maxDepth) throw new BudgetError('maxDepth', `an expression nested more than ${limits().maxDepth} deep`);
    const d = depth + 1;
    // Conditionals and parentheses in tail position loop instead of recursing, so a chain of 3,000 `a ? b : c`
    // costs no stack.
    for (;;) {
      this.counter.step();
      if (expr.kind === 'parens') {
        expr = expr.expr;
        continue;
      }
      if (expr.kind === 'conditional') {
        const c = toBoolValue(this.eval(expr.cond, scope, d), 'condition');
        if (c === true || c === false) {
          expr = c ? expr.then : expr.else;
          continue;
        }
        return this.unknownConditional(c, expr, scope, d);
      }
      return this.evalOne(expr, scope, d);
    }
  }

  private evalOne(expr: Expr, scope: Scope, d: number): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr.parts, scope, d);
      case 'tuple':
        return checkSize(expr.items.map((i) => this.eval(i, scope, d)));
      case 'object':
        return checkSize(this.object(expr, scope, d));
      case 'variable': {
        const v = scope.resolveRoot(expr.name);
        if (v === undefined) throw new EvalError(`unknown name "${expr.name}"`);
        return v;
      }
      case 'getattr': {
        if (expr.object.kind === 'variable' && scope.resolveMember) {
          const m = scope.resolveMember(expr.object.name, expr.name, expr.range);
          if (m !== undefined) return m;
        }
        return getAttr(this.eval(expr.object, scope, d), expr.name);
      }
      case 'index':
        return index(this.eval(expr.object, scope, d), this.eval(expr.key, scope, d));
      case 'splat':
        return this.splat(expr.object, expr.each, expr.full, scope, d);
      case 'call':
        return this.call(expr, scope, d);
      case 'unary': {
        const v = this.eval(expr.operand, scope, d);
        if (expr.op === '!') {
          const b = toBoolValue(v, 'operand of !');
          return b instanceof Unknown ? b : !b;
        }
        const n = toNumberValue(v, 'operand of unary -');
        return n instanceof Unknown ? n : -n;
      }
      case 'binary':
        return this.binary(expr, scope, d);
      case 'conditional':
      case 'parens':
        return this.eval(expr, scope, d);
      case 'for':
        return this.forExpr(expr, scope, d);
      case 'invalid':
        return unknown({ kind: 'expression', detail: `expression could not be parsed: ${expr.text.slice(0, 60)}` });
    }
  }

  private object(expr: Extract<Expr, { kind: 'object' }>, scope: Scope, d: number): Value {
    const out = newObject();
    const unknownKeys: Value[] = [];
    for (const item of expr.items) {
      let key: Value;
      if (item.keyIsIdent && (item.key.kind === 'variable' || item.key.kind === 'literal')) {
        key = item.key.kind === 'variable' ? item.key.name : String(item.key.value);
      } else {
        key = this.eval(item.key, scope, d);
      }
      if (key instanceof Unknown) {
        unknownKeys.push(key);
        continue;
      }
      const k = toStringValue(key, 'object key');
      out[k as string] = this.eval(item.value, scope, d);
    }
    if (unknownKeys.length) return mergeUnknown(unknownKeys, true);
    return out;
  }

  private template(parts: TemplatePart[], scope: Scope, d: number): Value {
    // A template that is exactly one interpolation yields the value itself, not its string form.
    if (parts.length === 1 && parts[0]!.kind === 'interp') return this.eval(parts[0]!.expr, scope, d);
    const pieces: Pieces = { list: [], chars: 0 };
    const unknowns: Unknown[] = [];
    let literalText = false;
    this.renderParts(parts, scope, d, pieces, unknowns, () => (literalText = true));
    if (unknowns.length) return mergeUnknown(unknowns, literalText || unknowns.some((u) => u.nonEmpty));
    return pieces.list.join('');
  }

  /** A template's pieces, counted as they come, so a doubling template stops at the limit, not at the engine's. */
  private addPiece(pieces: Pieces, s: string): void {
    pieces.list.push(s);
    pieces.chars += s.length;
    if (pieces.chars > limits().maxStringLength)
      throw new BudgetError('maxStringLength', `a template of ${pieces.chars} characters or more`);
  }

  private renderParts(parts: TemplatePart[], scope: Scope, d: number, pieces: Pieces, unknowns: Unknown[], sawText: () => void): void {
    for (const p of parts) {
      switch (p.kind) {
        case 'text':
          if (p.value !== '') sawText();
          this.addPiece(pieces, p.value);
          break;
        case 'interp': {
          const v = this.eval(p.expr, scope, d);
          if (containsUnknown(v)) {
            unknowns.push(v instanceof Unknown ? v : mergeUnknown([v]));
            break;
          }
          this.addPiece(pieces, toStringValue(v, 'template interpolation') as string);
          break;
        }
        case 'if': {
          const c = toBoolValue(this.eval(p.cond, scope, d), 'template %{if} condition');
          if (c instanceof Unknown) {
            unknowns.push(c);
            break;
          }
          this.renderParts(c ? p.then : (p.else ?? []), scope, d, pieces, unknowns, sawText);
          break;
        }
        case 'for': {
          const coll = this.eval(p.collection, scope, d);
          if (coll instanceof Unknown) {
            unknowns.push(coll);
            break;
          }
          for (const [k, v] of iterate(coll, 'template %{for}')) {
            const vars: Record<string, Value> = { [p.valueVar]: v };
            if (p.keyVar) vars[p.keyVar] = k;
            this.renderParts(p.body, withVariables(scope, vars), d, pieces, unknowns, sawText);
          }
          break;
        }
      }
    }
  }

  private splat(objectExpr: Expr, each: Expr, full: boolean, scope: Scope, d: number): Value {
    const obj = this.eval(objectExpr, scope, d);
    if (obj instanceof ReferenceUnknown) {
      const refOnly = each.kind === 'variable' && each.name === SPLAT_ELEMENT;
      return refOnly ? obj.splat() : applySplatTraversal(obj.splat(), each);
    }
    if (obj instanceof Unknown) return obj;
    let items: Value[];
    if (obj === null) items = [];
    else if (Array.isArray(obj)) items = obj;
    else if (full || !isObject(obj)) items = [obj];
    else items = [obj];
    return checkSize(items.map((item) => this.eval(each, withVariables(scope, { [SPLAT_ELEMENT]: item }), d)));
  }

  private call(expr: CallExpr, scope: Scope, d: number): Value {
    if (expr.name === 'try') {
      let lastError: unknown;
      for (const a of expr.args) {
        try {
          const v = this.eval(a, scope, d);
          // try() cannot decide on a value that is not known yet.
          if (v instanceof Unknown) return v;
          return v;
        } catch (e) {
          if (e instanceof BudgetError || !(e instanceof EvalError || e instanceof FunctionError)) throw e;
          lastError = e;
        }
      }
      throw new EvalError(`try(): no expression succeeded${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`);
    }
    if (expr.name === 'can') {
      if (expr.args.length !== 1) throw new EvalError(`can() takes 1 argument, got ${expr.args.length}`);
      try {
        const v = this.eval(expr.args[0]!, scope, d);
        if (v instanceof Unknown) return v;
        return true;
      } catch (e) {
        if (e instanceof BudgetError || !(e instanceof EvalError || e instanceof FunctionError)) throw e;
        return false;
      }
    }
    let args = expr.args.map((a) => this.eval(a, scope, d));
    if (expr.expandFinal && args.length) {
      const last = args[args.length - 1]!;
      if (last instanceof Unknown) return last;
      if (!Array.isArray(last)) throw new EvalError(`${expr.name}(): the argument before "..." must be a list, got ${describeType(last)}`);
      args = [...args.slice(0, -1), ...last];
    }
    try {
      return checkSize(callFunction(expr.name, args));
    } catch (e) {
      if (e instanceof FunctionError) throw new EvalError(e.message);
      if (e instanceof RangeError) throw budgetOfRangeError(e);
      throw e;
    }
  }

  private binary(expr: BinaryExpr, scope: Scope, d: number): Value {
    const { op } = expr;
    if (op === '&&' || op === '||') {
      const l = toBoolValue(this.eval(expr.left, scope, d), `left operand of ${op}`);
      if (l === false && op === '&&') return false;
      if (l === true && op === '||') return true;
      const r = toBoolValue(this.eval(expr.right, scope, d), `right operand of ${op}`);
      if (l instanceof Unknown) {
        if (r === false && op === '&&') return false;
        if (r === true && op === '||') return true;
        return r instanceof Unknown ? mergeUnknown([l, r]) : l;
      }
      return r;
    }
    const left = this.eval(expr.left, scope, d);
    const right = this.eval(expr.right, scope, d);
    if (op === '==' || op === '!=') {
      const eq = valueEquals(left, right);
      if (eq === undefined) return mergeUnknown([left, right, ...unknownsIn(left), ...unknownsIn(right)]);
      return op === '==' ? eq : !eq;
    }
    const l = toNumberValue(left, `left operand of ${op}`);
    const r = toNumberValue(right, `right operand of ${op}`);
    if (l instanceof Unknown || r instanceof Unknown) return mergeUnknown([l, r]);
    switch (op) {
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      case '/':
        if (r === 0) throw new EvalError('division by zero');
        return l / r;
      case '%':
        if (r === 0) throw new EvalError('modulo by zero');
        return l % r;
      case '<':
        return l < r;
      case '>':
        return l > r;
      case '<=':
        return l <= r;
      case '>=':
        return l >= r;
    }
  }

  /** A conditional whose condition is unknown: known only if both branches agree. */
  private unknownConditional(c: Value, expr: ConditionalExpr, scope: Scope, d: number): Value {
    let a: Value;
    let b: Value;
    try {
      a = this.eval(expr.then, scope, d);
      b = this.eval(expr.else, scope, d);
    } catch (e) {
      if (e instanceof BudgetError) throw e;
      return c;
    }
    if (valueEquals(a, b) === true) return a;
    const nonEmpty = isNonEmpty(a) && isNonEmpty(b);
    return mergeUnknown([c, a, b], nonEmpty);
  }

  private forExpr(expr: ForExpr, scope: Scope, d: number): Value {
    const coll = this.eval(expr.collection, scope, d);
    if (coll instanceof Unknown) return coll;
    const isObjectFor = expr.keyExpr !== undefined;
    const list: Value[] = [];
    const obj: ObjectValue = newObject();
    const unknowns: Value[] = [];
    // Sizes are added up as the elements come, so a `for` inside a `for` stops at the limit, not after building it all.
    let size = 1;
    const max = limits().maxCollectionSize;
    for (const [k, v] of iterate(coll, '"for" expression')) {
      if (size > max) throw new BudgetError('maxCollectionSize', `a "for" expression of more than ${max} elements`);
      const vars: Record<string, Value> = { [expr.valueVar]: v };
      if (expr.keyVar) vars[expr.keyVar] = k;
      const inner = withVariables(scope, vars);
      if (expr.cond) {
        const c = toBoolValue(this.eval(expr.cond, inner, d), '"for" condition');
        if (c instanceof Unknown) {
          unknowns.push(c);
          continue;
        }
        if (!c) continue;
      }
      const value = this.eval(expr.valueExpr, inner, d);
      size += valueSize(value);
      if (!isObjectFor) {
        list.push(value);
        continue;
      }
      const key = this.eval(expr.keyExpr!, inner, d);
      if (key instanceof Unknown) {
        unknowns.push(key);
        continue;
      }
      const ks = toStringValue(key, '"for" key') as string;
      if (expr.grouping) {
        const prev = obj[ks];
        if (Array.isArray(prev)) prev.push(value);
        else obj[ks] = [value];
      } else {
        if (ks in obj) throw new EvalError(`duplicate key "${ks}" in "for" expression; add "..." after the value to group values by key`);
        obj[ks] = value;
      }
    }
    if (size > max) throw new BudgetError('maxCollectionSize', `a "for" expression of more than ${max} elements`);
    if (unknowns.length) return mergeUnknown(unknowns);
    return isObjectFor ? obj : list;
  }
}

/** A template's text so far and its length. */
interface Pieces {
  list: string[];
  chars: number;
}

function isNonEmpty(v: Value): boolean {
  if (v instanceof Unknown) return v.nonEmpty;
  if (v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

function unknownsIn(v: Value): Value[] {
  const out: Value[] = [];
  const walk = (x: Value): void => {
    if (x instanceof Unknown) out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isObject(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return out;
}

/** Key/value pairs of a collection: index/element for lists, key/value (sorted keys) for objects. */
export function* iterate(coll: Value, what: string): Generator<[Value, Value]> {
  if (Array.isArray(coll)) {
    for (let i = 0; i < coll.length; i++) yield [i, coll[i]!];
    return;
  }
  if (isObject(coll)) {
    for (const k of Object.keys(coll).sort()) yield [k, coll[k]!];
    return;
  }
  if (coll === null) throw new EvalError(`${what}: cannot iterate over null`);
  throw new EvalError(`${what}: cannot iterate over ${describeType(coll)}`);
}

export function getAttr(obj: Value, name: string): Value {
  if (obj instanceof ReferenceUnknown) return obj.attr(name);
  if (obj instanceof Unknown) return obj;
  if (isObject(obj)) {
    if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name]!;
    throw new EvalError(`this object has no attribute "${name}"`);
  }
  if (obj === null) throw new EvalError(`cannot read attribute "${name}" of null`);
  throw new EvalError(`cannot read attribute "${name}" of ${describeType(obj)}`);
}

export function index(obj: Value, key: Value): Value {
  if (obj instanceof ReferenceUnknown) {
    if (typeof key === 'string' || typeof key === 'number') return obj.index(key);
    return key instanceof Unknown ? mergeUnknown([obj, key], true) : obj;
  }
  if (obj instanceof Unknown) return obj;
  if (key instanceof Unknown) return key;
  if (Array.isArray(obj)) {
    const n = toNumberValue(key, 'list index') as number;
    if (!Number.isInteger(n)) throw new EvalError(`list index must be a whole number, got ${n}`);
    if (n < 0 || n >= obj.length)
      throw new EvalError(`index ${n} is out of range for a list of ${obj.length} element${obj.length === 1 ? '' : 's'}`);
    return obj[n]!;
  }
  if (isObject(obj)) {
    const k = toStringValue(key, 'map key') as string;
    if (Object.prototype.hasOwnProperty.call(obj, k)) return obj[k]!;
    throw new EvalError(`the map has no element for key "${k}"`);
  }
  if (obj === null) throw new EvalError('cannot index into null');
  throw new EvalError(`cannot index into ${describeType(obj)}`);
}

/** Apply the attribute/index steps of a splat's per-element traversal to a reference. */
function applySplatTraversal(ref: ReferenceUnknown, each: Expr): Value {
  const steps: string[] = [];
  let e = each;
  while (e.kind === 'getattr' || e.kind === 'index') {
    if (e.kind === 'getattr') steps.unshift(`.${e.name}`);
    else if (e.key.kind === 'literal') steps.unshift(`[${JSON.stringify(e.key.value)}]`);
    else return ref;
    e = e.object;
  }
  return new ReferenceUnknown(ref.ref + steps.join(''));
}
