// Values and resources across threads. The structured clone of postMessage keeps arrays and plain data but not what
// makes a value a Value: objects without a prototype (scanned keys such as `constructor` must find nothing
// inherited) and Unknown. Here objects travel as Maps and Unknowns as plain records, and come back as they were.
import type { Resource } from './model.js';
import type { Range } from '../common/diagnostics.js';
import { Unknown, type UnknownReason, type Value, emptyRecord, newObject } from './value.js';

/** A Value that survives the structured clone. */
export type SentValue = null | boolean | number | string | SentValue[] | Map<string, SentValue> | SentUnknown;

interface SentUnknown {
  reasons: UnknownReason[];
  nonEmpty: boolean;
  decoded?: SentValue;
}

export function sendValue(v: Value): SentValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sendValue);
  if (v instanceof Unknown) {
    const u: SentUnknown = { reasons: v.reasons, nonEmpty: v.nonEmpty };
    if (v.decoded !== undefined) u.decoded = sendValue(v.decoded);
    return u;
  }
  const m = new Map<string, SentValue>();
  for (const k in v) m.set(k, sendValue(v[k]!));
  return m;
}

export function receiveValue(v: SentValue): Value {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(receiveValue);
  if (v instanceof Map) {
    const o = newObject();
    for (const [k, x] of v) o[k] = receiveValue(x);
    return o;
  }
  const u = new Unknown(v.reasons, v.nonEmpty);
  if (v.decoded !== undefined) u.decoded = receiveValue(v.decoded);
  return u;
}

/**
 * What a finding's reader (messages, suppressions, baselines, the report) needs of its resource, for the clone. The
 * per-attribute ranges, references and origins were the checks' and stay behind: they come back empty.
 */
export type SentResource = Omit<Resource, 'values' | 'ranges' | 'references' | 'origins' | 'rangeFiles' | 'dependsOn'> & {
  values: SentValue;
};

export function sendResource(r: Resource): SentResource {
  const { values, ranges: _r, references: _x, origins: _o, rangeFiles: _f, dependsOn: _d, ...rest } = r;
  return { ...rest, values: sendValue(values) };
}

export function receiveResource(r: SentResource): Resource {
  const values = receiveValue(r.values);
  return { ...r, values: values as Resource['values'], ranges: emptyRecord<Range>(), references: emptyRecord<string[]>(), dependsOn: [] };
}
