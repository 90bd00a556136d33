// The contract of GSL attribute functions (`x isEmpty()`, `x length() > 0`, `referencedBy(t, a)`).
// New functions are added by registering a FunctionSpec (see registry.ts); the parser validates the
// arguments once, at compile time, and the evaluator calls the function per entity.
import type { UnknownReason, Value } from '../../evaluate/value.js';
import type { Truth } from '../truth.js';
import type { Entity, World } from '../world.js';

/** An argument as written: a literal, or a bare name (`aws_s3_bucket`, `bucket`, `days`). */
export interface Arg {
  kind: 'number' | 'string' | 'boolean' | 'name';
  value: string | number | boolean;
  start: number;
  end: number;
}

/** 'number': a number literal; 'string': a quoted string or a bare name; 'any': any literal or name. */
export type ArgKind = 'number' | 'string' | 'any';

/** Why a result is what it is: the attribute paths that decided it and, when unknown, the reasons. */
export interface Detail {
  blame: { address: string; path: string; absent?: true }[];
  reasons: UnknownReason[];
}

/** One element of a collection whose membership may itself be unknown (a `with` filter, related entities). */
export interface Member {
  value: Value;
  /** Blame path of the element in its entity ('' = the entity itself, null = nowhere). */
  path: string | null;
  entity: Entity;
  /** T when the element is in the collection, U when it may be. */
  member: Truth;
  reasons?: UnknownReason[];
  /** Why the element matched (only when blame is being collected). */
  detail?: Detail;
}

/** A collection computed by a function or a `with` filter. */
export class Members {
  readonly items: Member[];
  constructor(items: Member[]) {
    this.items = items;
  }
}

/** A number known only to lie in [min, max] (a count over elements some of which are unknown). */
export class Count {
  readonly min: number;
  readonly max: number;
  readonly reasons: UnknownReason[];
  readonly detail?: Detail;
  constructor(min: number, max: number, reasons: UnknownReason[] = [], detail?: Detail) {
    this.min = min;
    this.max = max;
    this.reasons = reasons;
    if (detail) this.detail = detail;
  }
}

/** What a path or function yields: a value, `undefined` for an absent attribute, a collection or a count. */
export type Datum = Value | undefined | Members | Count;

/** One value a path named, where it is, and whose it is. */
export interface Input {
  value: Datum;
  /** Path in `entity` for blame ('' = the entity root; null = nothing to point at). */
  path: string | null;
  entity: Entity;
  /** For an attribute absent from the entity itself: its name (`path` is then the entity root). */
  absent?: string;
}

export interface Env {
  /** Milliseconds since the epoch; `before`/`after` are relative to it. */
  now: number;
  world: World;
  /** Whether blame/trace details are being collected. */
  detailed: boolean;
}

interface SpecBase {
  /** Name as documented (camelCase); lookup is case-insensitive. */
  name: string;
  /** One line, shown in suggestions and docs. */
  signature: string;
  minArgs: number;
  maxArgs: number;
  /** Kind of each argument; the last one repeats. */
  argKinds: ArgKind[];
  /** 'attribute': written after a path (`x isEmpty()`); 'context': written alone (`referencedBy(...)`). */
  receiver: 'attribute' | 'context' | 'both';
  /** Validate arguments once; return a message to reject them, or a state object passed to each call. */
  prepare?(args: Arg[]): { error: string; arg?: number } | { state: unknown };
}

/** A function that answers a question about each value: `isEmpty()`, `after(-90, 'days')`. */
export interface TestFunction extends SpecBase {
  kind: 'test';
  /**
   * How the answers for several values combine when a path names several (a path through a list
   * of blocks): 'any' (default) or 'all'. Absent attributes are passed as one input with value undefined.
   */
  combine?: 'any' | 'all';
  test(input: Input, state: unknown, env: Env): Truth | { truth: Truth; reasons: UnknownReason[] };
}

/** A function that computes a value for what follows it: `length() > 0`, `references(aws_s3_bucket) with [...]`. */
export interface ValueFunction extends SpecBase {
  kind: 'value';
  /** Gets every value the path named; returns the values the next step sees. */
  apply(inputs: Input[], state: unknown, env: Env): Input[];
}

export type FunctionSpec = TestFunction | ValueFunction;
