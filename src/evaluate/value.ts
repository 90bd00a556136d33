// Values as tfguard sees them: JSON-shaped data, plus Unknown for whatever could not be known.
//
// Objects are records without an inherited property (newObject) so that keys taken from scanned code (`__proto__`,
// `constructor`) are plain data. Sets are arrays (as in Terraform's own JSON). Numbers are JS numbers.

export type Value = null | boolean | number | string | Value[] | ObjectValue | Unknown;

export interface ObjectValue {
  [key: string]: Value;
}

/** Why a value is unknown. `refs` are the addresses the value came from, used to join resources. */
export type UnknownReason =
  | { kind: 'variable'; name: string; detail?: string }
  | { kind: 'reference'; ref: string }
  | { kind: 'function'; name: string; detail?: string }
  | { kind: 'expression'; detail: string };

export class Unknown {
  readonly reasons: UnknownReason[];
  /**
   * True when the value is known to be present and not empty even though its content is not
   * known: a reference to another resource's attribute, or a template with literal text.
   */
  readonly nonEmpty: boolean;

  /**
   * For `jsonencode(x)` of a value with unknown parts: `x`, so what is known of an encoded document (an IAM policy
   * written with `jsonencode`) stays usable.
   */
  decoded?: Value;

  constructor(reasons: UnknownReason[], nonEmpty = false) {
    this.reasons = reasons;
    this.nonEmpty = nonEmpty;
  }

  /** Addresses of resources and attributes this value was computed from (`aws_kms_key.k.arn`). */
  get refs(): string[] {
    const out: string[] = [];
    for (const r of this.reasons) if (r.kind === 'reference' && !out.includes(r.ref)) out.push(r.ref);
    return out;
  }

  describe(): string {
    return this.reasons.map(describeReason).join('; ') || 'unknown';
  }

  toJSON(): object {
    return { unknown: true, reasons: this.reasons.map(describeReason), ...(this.refs.length ? { refs: this.refs } : {}) };
  }
}

export function describeReason(r: UnknownReason): string {
  switch (r.kind) {
    case 'variable':
      return `var.${r.name} has no value${r.detail ? ` (${r.detail})` : ''}`;
    case 'reference':
      return `${r.ref} is known only after apply`;
    case 'function':
      return `${r.name}()${r.detail ? `: ${r.detail}` : ' is not evaluated by tfguard'}`;
    case 'expression':
      return r.detail;
  }
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function unknown(reason: UnknownReason, nonEmpty = false): Unknown {
  return new Unknown([reason], nonEmpty);
}

/** Merge the reasons of several unknowns (deduplicated) into one. */
export function mergeUnknown(parts: readonly Value[], nonEmpty = false): Unknown {
  const reasons: UnknownReason[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    if (!(p instanceof Unknown)) continue;
    for (const r of p.reasons) {
      const key = JSON.stringify(r);
      if (!seen.has(key)) {
        seen.add(key);
        reasons.push(r);
      }
    }
  }
  return new Unknown(reasons, nonEmpty);
}

/** Deep search: does the value contain an Unknown anywhere? */
export function containsUnknown(v: Value): boolean {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v !== null && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}

/** All unknowns inside a value, in order. */
export function collectUnknowns(v: Value, out: Unknown[] = []): Unknown[] {
  if (v instanceof Unknown) out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectUnknowns(x, out);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) collectUnknowns(x, out);
  return out;
}

/**
 * The prototype of every object value: empty, frozen and itself without prototype, so no key of scanned input
 * (`constructor`, `__proto__`, `toString`) finds anything but the object's own properties, exactly as with
 * `Object.create(null)`. Unlike `Object.create(null)`, whose objects V8 keeps as hash tables (dictionary mode,
 * about 270 bytes more each), objects with this prototype get fast properties and shared shapes: a 50,000-resource
 * plan's Project takes 30 % less heap and the checks run faster over it (docs/performance.md, "Plans").
 */
const NO_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** A record whose keys come from scanned input (see NO_PROTOTYPE). */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(NO_PROTOTYPE) as Record<string, T>;
}

export function newObject(): ObjectValue {
  return emptyRecord<Value>();
}

/** Build an object from entries; keys from scanned code are safe (nothing is inherited). */
export function objectFrom(entries: Iterable<readonly [string, Value]>): ObjectValue {
  const o = newObject();
  for (const [k, v] of entries) o[k] = v;
  return o;
}

export function isObject(v: Value | undefined): v is ObjectValue {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown);
}

/** A depth limit for fromJSON: deeper parts become an unknown with `detail` as its reason, and `cut` is called. */
export interface JsonDepth {
  maxDepth: number;
  detail: string;
  cut(): void;
}

/** Convert parsed JSON (which may have ordinary prototypes) to a Value tree, to `limit.maxDepth` levels when given. */
export function fromJSON(x: unknown, limit?: JsonDepth, depth = 0): Value {
  if (limit && depth > limit.maxDepth && x !== null && typeof x === 'object') {
    limit.cut();
    return unknown({ kind: 'expression', detail: limit.detail });
  }
  // 1e999 parses as Infinity, which JSON cannot carry back out (it would print as null): say so instead.
  if (typeof x === 'number' && !Number.isFinite(x))
    return unknown({ kind: 'expression', detail: 'the number is too large to represent (over 1.8e308 in the JSON input)' });
  if (x === null || typeof x === 'boolean' || typeof x === 'number' || typeof x === 'string') return x;
  if (Array.isArray(x)) return x.map((v) => fromJSON(v, limit, depth + 1));
  if (typeof x === 'object') {
    const o = newObject();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) o[k] = fromJSON(v, limit, depth + 1);
    return o;
  }
  return null;
}

/**
 * Parsed JSON as a Value tree, converted in place instead of copied: objects take the prototype of object values
 * (their own keys, `__proto__` included, stay as they are), and numbers JSON cannot carry and values deeper than
 * `limit.maxDepth` become unknown as with fromJSON. The input is the result, so give only parsed JSON that nothing
 * else reads afterwards (a plan's values): a copy would hold each value twice while it is made.
 */
export function adoptJSON(x: unknown, limit?: JsonDepth, depth = 0): Value {
  if (x === null || typeof x !== 'object') return fromJSON(x, limit, depth);
  if (x instanceof Unknown) return x; // adopted already (a value cut at the limit)
  if (limit && depth > limit.maxDepth) return fromJSON(x, limit, depth);
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i];
      if ((v !== null && typeof v === 'object') || typeof v === 'number') x[i] = adoptJSON(v, limit, depth + 1);
    }
    return x as Value[];
  }
  Object.setPrototypeOf(x, NO_PROTOTYPE);
  const o = x as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if ((v !== null && typeof v === 'object') || typeof v === 'number') o[k] = adoptJSON(v, limit, depth + 1);
  }
  return o as ObjectValue;
}

/** Structural equality of known values. Returns undefined when either side contains an unknown. */
export function valueEquals(a: Value, b: Value): boolean | undefined {
  if (a instanceof Unknown || b instanceof Unknown) return undefined;
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let sawUnknown = false;
    for (let i = 0; i < a.length; i++) {
      const r = valueEquals(a[i]!, b[i]!);
      if (r === false) return false;
      if (r === undefined) sawUnknown = true;
    }
    return sawUnknown ? undefined : true;
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    let sawUnknown = false;
    for (const k of ka) {
      if (!(k in b)) return false;
      const r = valueEquals(a[k]!, b[k]!);
      if (r === false) return false;
      if (r === undefined) sawUnknown = true;
    }
    return sawUnknown ? undefined : true;
  }
  return false;
}
