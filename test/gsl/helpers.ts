// Shared helpers for the GSL tests: build entities from JSON, compile or fail loudly, evaluate.
import assert from 'node:assert/strict';
import { fromJSON, Unknown, type ObjectValue, type Value } from '../../src/evaluate/value.js';
import {
  compileRule,
  createWorld,
  evaluateRule,
  type CompiledRule,
  type Entity,
  type EvaluateOptions,
  type RuleResult,
  type World,
} from '../../src/gsl/index.js';

export const NOW = Date.UTC(2024, 5, 15, 12, 0, 0); // 2024-06-15T12:00:00Z

export function entity(type: string, name: string, values: Record<string, unknown>, references?: Record<string, string[]>): Entity {
  const e: Entity = { type, id: `${type}.${name}`, values: fromJSON(values) as ObjectValue };
  if (references) e.references = references;
  return e;
}

/** An unknown reference such as `aws_kms_key.k.arn` (present, value known only after apply). */
export function ref(address: string): Unknown {
  return new Unknown([{ kind: 'reference', ref: address }], true);
}

/** An unknown variable value (may be empty). */
export function variable(name: string): Unknown {
  return new Unknown([{ kind: 'variable', name }], false);
}

/** Put a Value (e.g. an Unknown) at a dotted path of an entity. */
export function put(e: Entity, path: string, v: Value): Entity {
  const parts = path.split('.');
  let cur: Value = e.values;
  for (const p of parts.slice(0, -1)) cur = Array.isArray(cur) ? cur[Number(p)]! : (cur as ObjectValue)[p]!;
  if (Array.isArray(cur)) cur[Number(parts[parts.length - 1])] = v;
  else (cur as ObjectValue)[parts[parts.length - 1]!] = v;
  return e;
}

export function compile(logic: string): CompiledRule {
  const r = compileRule(logic, 'test.gsl');
  if (!r.ok) assert.fail(r.errors.map((e) => e.rendered).join('\n'));
  return r.rule;
}

export function run(logic: string, e: Entity, world: World = createWorld([e]), options: EvaluateOptions = {}): RuleResult {
  return evaluateRule(compile(logic), e, world, { now: NOW, ...options });
}

/** Status of a `<type> should have <expr>` rule over an entity of that type with these values. */
export function status(expr: string, values: Record<string, unknown> | Entity): RuleResult['status'] {
  const e = 'values' in values && 'id' in values ? (values as Entity) : entity('t', 'x', values);
  return run(`t should have ${expr}`, e).status;
}

export function compileErrors(logic: string, source = 'checks/aws/test.yaml'): string[] {
  const r = compileRule(logic, source);
  if (r.ok) assert.fail(`expected a compile error for: ${logic}`);
  return r.errors.map((e) => e.rendered);
}
