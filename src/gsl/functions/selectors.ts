// One reading of a CloudTrail trail's event selectors (basic `event_selector` and `advanced_event_selector`), as
// CloudTrail applies them: `$ recordsManagementEvents('all' | 'read' | 'write')` and
// `$ recordsS3ObjectEvents('read' | 'write')` on a trail. docs/gsl.md, "Trail event selectors".
import { isObject, Unknown, type UnknownReason, type Value } from '../../evaluate/value.js';
import { F, T, U, type Truth } from '../truth.js';
import { Count, Members, type Input, type TestFunction } from './types.js';

type Kind = 'read' | 'write';

function or(a: Truth, b: Truth): Truth {
  return a === T || b === T ? T : a === U || b === U ? U : F;
}

function and(a: Truth, b: Truth): Truth {
  return a === F || b === F ? F : a === U || b === U ? U : T;
}

function blocks(v: Value | undefined, reasons: UnknownReason[]): Value[] | undefined {
  if (v instanceof Unknown) {
    reasons.push(...v.reasons);
    return undefined;
  }
  return Array.isArray(v) ? v : [];
}

/** A text field: its value, or undefined (unknown, with the reasons) . */
function text(v: Value | undefined, reasons: UnknownReason[]): string | null | undefined {
  if (v instanceof Unknown) {
    reasons.push(...v.reasons);
    return undefined;
  }
  return typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : null;
}

/** A basic selector's read_write_type covers this kind of event: T, F or U. */
function basicCovers(s: Value, kind: Kind, reasons: UnknownReason[]): Truth {
  if (!isObject(s)) return F;
  const rw = text(s.read_write_type, reasons);
  if (rw === undefined) return U;
  if (rw === null || rw === 'All') return T;
  return (rw === 'ReadOnly') === (kind === 'read') ? T : F;
}

interface Field {
  name: string;
  equals: Value[] | undefined;
  other: boolean;
}

/** The field selectors of an advanced selector; undefined when one is unknown. */
function fields(sel: Value, reasons: UnknownReason[]): Field[] | undefined {
  if (!isObject(sel)) return [];
  const fs = blocks(sel.field_selector, reasons);
  if (!fs) return undefined;
  const out: Field[] = [];
  for (const f of fs) {
    if (!isObject(f)) continue;
    const name = text(f.field, reasons);
    if (name === undefined) return undefined;
    const eq = f.equals;
    if (eq instanceof Unknown) {
      reasons.push(...eq.reasons);
      return undefined;
    }
    const other = ['not_equals', 'starts_with', 'not_starts_with', 'ends_with', 'not_ends_with'].some(
      (k) => f[k] !== undefined && f[k] !== null && !(Array.isArray(f[k]) && (f[k] as Value[]).length === 0),
    );
    out.push({ name: name ?? '', equals: Array.isArray(eq) ? eq : undefined, other });
  }
  return out;
}

/** An advanced selector selects every event of the category (and resource type), for this kind: T, F or U. */
function advancedCovers(sel: Value, category: string, type: string | undefined, kind: Kind, reasons: UnknownReason[]): Truth {
  const fs = fields(sel, reasons);
  if (!fs) return U;
  const cat = fs.find((f) => f.name === 'eventCategory');
  if (!cat?.equals?.includes(category) || cat.other) return F;
  if (type !== undefined) {
    const t = fs.find((f) => f.name === 'resources.type');
    if (!t?.equals?.includes(type) || t.other) return F;
  }
  // A field that narrows the events or resources: not every one.
  if (fs.some((f) => ['eventSource', 'eventName', 'resources.ARN', 'userIdentity.arn', 'errorCode', 'vpcEndpointId'].includes(f.name)))
    return F;
  const ro = fs.find((f) => f.name === 'readOnly');
  if (!ro) return T;
  if (ro.other) return F;
  return ro.equals?.some((x) => x === (kind === 'read' ? 'true' : 'false') || x === (kind === 'read')) ? T : F;
}

/** Does the trail record management events of this kind? */
function management(trail: Record<string, Value>, kind: Kind, reasons: UnknownReason[]): Truth {
  const basic = blocks(trail.event_selector, reasons);
  const advanced = blocks(trail.advanced_event_selector, reasons);
  if (!basic || !advanced) return U;
  // No selector at all: CloudTrail records every management event.
  if (basic.length === 0 && advanced.length === 0) return T;
  let r: Truth = F;
  for (const s of basic) {
    if (!isObject(s)) continue;
    const inc = s.include_management_events;
    const included: Truth = inc instanceof Unknown ? (reasons.push(...inc.reasons), U) : inc === false || inc === 'false' ? F : T;
    r = or(r, and(included, basicCovers(s, kind, reasons)));
  }
  for (const s of advanced) r = or(r, advancedCovers(s, 'Management', undefined, kind, reasons));
  return r;
}

const ALL_BUCKETS = ['arn:aws:s3', 'arn:aws:s3:::'];

/** Does the trail record S3 object data events of this kind for every bucket? */
function s3Objects(trail: Record<string, Value>, kind: Kind, reasons: UnknownReason[]): Truth {
  const basic = blocks(trail.event_selector, reasons);
  const advanced = blocks(trail.advanced_event_selector, reasons);
  if (!basic || !advanced) return U;
  let r: Truth = F;
  for (const s of basic) {
    if (!isObject(s)) continue;
    const data = blocks(s.data_resource, reasons);
    if (!data) {
      r = or(r, U);
      continue;
    }
    let every: Truth = F;
    for (const d of data) {
      if (!isObject(d) || d.type !== 'AWS::S3::Object') continue;
      const values = blocks(d.values, reasons);
      if (!values) {
        every = or(every, U);
        continue;
      }
      for (const v of values) {
        // A value naming one bucket (by reference) is that bucket only, even when its ARN is not known yet.
        if (v instanceof Unknown) continue;
        if (typeof v === 'string' && ALL_BUCKETS.includes(v)) every = T;
      }
    }
    r = or(r, and(every, basicCovers(s, kind, reasons)));
  }
  for (const s of advanced) r = or(r, advancedCovers(s, 'Data', 'AWS::S3::Object', kind, reasons));
  return r;
}

function trailTest(
  name: string,
  signature: string,
  kinds: readonly string[],
  judge: (t: Record<string, Value>, k: string, r: UnknownReason[]) => Truth,
): TestFunction {
  return {
    name,
    signature,
    minArgs: 1,
    maxArgs: 1,
    argKinds: ['string'],
    receiver: 'attribute',
    kind: 'test',
    prepare: (args) => {
      const k = String(args[0]!.value);
      return kinds.includes(k) ? { state: k } : { error: `${name}() takes ${kinds.map((x) => `'${x}'`).join(', ')}, not '${k}'`, arg: 0 };
    },
    test(input: Input, state) {
      const v = input.value;
      if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
      if (v instanceof Members || v instanceof Count || !isObject(v)) return F;
      const reasons: UnknownReason[] = [];
      const truth = judge(v, state as string, reasons);
      return truth === U ? { truth, reasons } : truth;
    },
  };
}

export const recordsManagementEvents = trailTest(
  'recordsManagementEvents',
  "$ recordsManagementEvents('all')",
  ['all', 'read', 'write'],
  (t, k, r) => (k === 'all' ? and(management(t, 'read', r), management(t, 'write', r)) : management(t, k as Kind, r)),
);

export const recordsS3ObjectEvents = trailTest('recordsS3ObjectEvents', "$ recordsS3ObjectEvents('write')", ['read', 'write'], (t, k, r) =>
  s3Objects(t, k as Kind, r),
);
