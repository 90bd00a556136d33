// What `tfguard explain` says, as data: every finding and unknown result once per cause (the same check, place and
// message across module instances and roots), with the tests of the logic that decided it, each once, the values
// they saw and where each value was written.
import type { Range } from '../common/diagnostics.js';
import type { Check, Finding } from '../checks/index.js';
import type { Explained, UnknownResult } from '../checks/model.js';
import { rangeForPath } from '../checks/location.js';
import type { Resource } from '../evaluate/model.js';
import { Unknown } from '../evaluate/value.js';
import { type Leaf, type TraceNode, renderDatum } from '../gsl/index.js';
import { describeFinding, renderValue } from '../report/model.js';

export interface Place {
  file: string;
  range: Range;
}

export interface SeenValue {
  /** The entity the value belongs to and its attribute path (none for a computed value such as a count). */
  address: string;
  path: string | null;
  /** As people read it: `false`, `"ReadOnly"`, `aws_sns_topic.t.arn (known after apply)`, `absent`, `2 elements`. */
  value: string;
  /** Where the value was written (its origin, else the attribute; the block header when absent), if in a file. */
  written?: Place & { what: string };
}

export interface ExplainedLeaf {
  /** The test as written in the logic. */
  test: string;
  result: 'true' | 'false' | 'unknown';
  /** The entity in scope when it ran (the innermost). */
  at: string;
  saw: SeenValue[];
}

export interface ExplainedCause {
  checkId: string;
  title: string;
  status: 'finding' | 'unknown';
  /** Where the finding stands (the unknown result's attribute). */
  place: Place;
  message: string;
  messageId?: string;
  /** Every instance this cause stands for (module instances, roots), first the one shown. */
  addresses: string[];
  leaves: ExplainedLeaf[];
  reasons: string[];
  trace?: TraceNode;
}

const truth = (t: Leaf['result']): ExplainedLeaf['result'] => (t === 1 ? 'true' : t === 0 ? 'false' : 'unknown');

function shownValue(v: Leaf['inputs'][number]['value']): string {
  return v instanceof Unknown ? renderValue(v) : renderDatum(v);
}

/** Where the value at `path` of a resource was written: its last origin hop, else the attribute (or the header). */
function writtenAt(r: Resource, path: string | null, absent: boolean): SeenValue['written'] {
  if (path === null) return undefined;
  const hops = path ? r.origins?.[path] : undefined;
  const last = hops?.[hops.length - 1];
  if (last) return { file: last.file, range: last.range, what: last.what };
  const at = rangeForPath(r, path);
  if (absent || !at.path) return { file: r.location.file, range: r.location.range, what: `not set in ${r.address}` };
  return { file: at.file ?? r.location.file, range: at.range, what: `${at.path} of ${r.address}` };
}

function explainLeaf(check: Check, leaf: Leaf, byAddress: ReadonlyMap<string, Resource>): ExplainedLeaf {
  const saw = leaf.inputs.map((i): SeenValue => {
    const r = byAddress.get(i.entity.id);
    const written = r ? writtenAt(r, i.path, i.value === undefined) : undefined;
    return { address: i.entity.id, path: i.path, value: shownValue(i.value), ...(written ? { written } : {}) };
  });
  return {
    test: check.rule.text.slice(leaf.start, leaf.end).replace(/\s+/g, ' ').trim(),
    result: truth(leaf.result),
    at: leaf.scopes[0]?.id ?? '',
    saw,
  };
}

export interface CauseInput {
  check: Check;
  result: Finding | UnknownResult;
  byAddress: ReadonlyMap<string, Resource>;
}

/** One cause per check, place and message; each leaf once per cause (the same test seeing the same values). */
export function explainCauses(results: readonly CauseInput[]): ExplainedCause[] {
  const byKey = new Map<string, ExplainedCause & { seen: Set<string> }>();
  for (const { check, result, byAddress } of results) {
    const finding = 'severity' in result;
    const said = finding
      ? describeFinding(result, result.resource)
      : { message: `${result.title}: unknown (${result.reasons.join('; ')})` };
    const { message } = said;
    const shared = ('causeMessage' in said ? said.causeMessage : undefined) ?? message;
    const key = `${check.id}\0${result.file}\0${result.range.start.line}:${result.range.start.column}\0${shared}`;
    let cause = byKey.get(key);
    if (!cause) {
      cause = {
        checkId: check.id,
        title: check.title,
        status: finding ? 'finding' : 'unknown',
        place: { file: result.file, range: result.range },
        message,
        ...(finding && result.messageId ? { messageId: result.messageId } : {}),
        addresses: [],
        leaves: [],
        reasons: finding ? [] : result.reasons,
        ...(result.explained?.trace ? { trace: result.explained.trace } : {}),
        seen: new Set(),
      };
      byKey.set(key, cause);
    }
    if (!cause.addresses.includes(result.address)) {
      cause.addresses.push(result.address);
      // Several instances: the message names the resource as written (as `scan` says it).
      if (cause.addresses.length > 1) cause.message = shared;
    }
    for (const leaf of (result.explained as Explained | undefined)?.leaves ?? []) {
      const e = explainLeaf(check, leaf, byAddress);
      // Module instances see the same test and values at different addresses: one leaf.
      const k = `${e.test}\0${e.result}\0${e.saw.map((s) => `${s.path}=${s.value}@${s.written ? `${s.written.file}:${s.written.range.start.line}` : ''}`).join('\0')}`;
      if (cause.seen.has(k)) continue;
      cause.seen.add(k);
      cause.leaves.push(e);
    }
  }
  return [...byKey.values()].map(({ seen: _seen, ...c }) => c);
}
