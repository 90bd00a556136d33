// The compiled form of GSL logic. Every node keeps its span (offsets in the logic text) so traces
// can quote the sub-expression they describe.
import type { Arg, FunctionSpec } from './functions/types.js';

export interface Span {
  start: number;
  end: number;
}

export type CmpOp = '=' | '!=' | '<' | '>' | '<=' | '>=';
export type Quantifier = 'contain' | 'contain-any' | 'contain-all' | 'contain-none' | 'with';

export interface Literal extends Span {
  kind: 'literal';
  value: string | number | boolean;
}

/** `a.b.0.c`, `$`, `$.a`, `$['odd key']`, `^.a` (parent context), `^^.a` (grandparent). */
export interface PathRef extends Span {
  kind: 'path';
  /** How many contexts up (`^` count). */
  up: number;
  segments: (string | number)[];
  /** Display form, as normalised text. */
  text: string;
}

/** A context function written alone: `referencedBy(aws_s3_bucket_logging, bucket)`. */
export interface CallRef extends Span {
  kind: 'call';
  fn: FunctionSpec;
  args: Arg[];
  state: unknown;
}

export type Operand = PathRef | CallRef;

export type Step = (Span & { kind: 'fn'; fn: FunctionSpec; args: Arg[]; state: unknown }) | (Span & { kind: 'filter'; body: LogicExpr });

export type Condition =
  | (Span & { kind: 'presence' })
  | (Span & { kind: 'compare'; op: CmpOp; right: Literal | PathRef })
  | (Span & { kind: 'like'; pattern: string; re: RegExp })
  | (Span & { kind: 'in'; values: Literal[] })
  | (Span & { kind: 'regex'; re: RegExp })
  | (Span & { kind: 'fn'; fn: FunctionSpec; args: Arg[]; state: unknown })
  | (Span & { kind: 'quant'; q: Quantifier; body: LogicExpr });

export interface TestExpr extends Span {
  kind: 'test';
  operand: Operand;
  steps: Step[];
  check: Condition;
}

export type LogicExpr = (Span & { kind: 'and' | 'or'; items: LogicExpr[] }) | (Span & { kind: 'not'; item: LogicExpr }) | TestExpr;

export interface RuleAst {
  /** Entity types as written (`aws_cloudtrail`, `CloudTrail`), without `List<>`; several when separated by commas. */
  entities: string[];
  /** `List<entity>`: one evaluation over an object whose `items` are all entities of the type. */
  aggregate: boolean;
  entitySpan: Span;
  where?: LogicExpr;
  /** Absent for the target-only form (`cloudtrail where event.name = 'x'`): a match is a finding. */
  should?: { negated: boolean; expr: LogicExpr };
}
