// Which CloudTrail events a scan must keep: the event checks (rules on `aws.cloudtrail.event`) compiled once, each
// with the string literals its `where` filter cannot hold without (`eventName in ('StopLogging', ...)`), so a raw
// record that contains none of them is passed over without being parsed. Records that are parsed are evaluated on
// the plain JSON value (GSL reads own properties only); only an event some check does not pass is kept.
import type { CompiledRule } from '../gsl/index.js';
import { createWorld, evaluateRule } from '../gsl/index.js';
import type { LogicExpr } from '../gsl/ast.js';
import type { ObjectValue } from '../evaluate/value.js';

export interface EventRule {
  rule: CompiledRule;
  /** The record must contain one of these byte strings for the `where` filter to hold; undefined: no such test. */
  needles?: Buffer[];
}

export interface EventFilter {
  rules: EventRule[];
  now: number;
  /** A selected rule reads all events at once (`List<aws.cloudtrail.event>`): every event is kept. */
  keepAll?: boolean;
}

/** EVENT_ENTITY of src/evaluate/data.ts, not imported from there: that module brings zlib into every scan's start-up. */
const EVENT_ENTITY = 'aws.cloudtrail.event';

const NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A string literal that equals only the same JSON string (not a number or boolean by conversion), with nothing to escape. */
function plainString(v: unknown): v is string {
  return (
    typeof v === 'string' &&
    v !== 'true' &&
    v !== 'false' &&
    !NUMBER_TEXT.test(v) &&
    ![...v].some((ch) => ch === '"' || ch === '\\' || ch < ' ')
  );
}

/** The literals of which one must stand in the record for `e` to be true; undefined when there is no such set. */
export function needles(e: LogicExpr): string[] | undefined {
  switch (e.kind) {
    case 'and': {
      // Any conjunct's set will do: the smallest is the sharpest.
      let best: string[] | undefined;
      for (const item of e.items) {
        const n = needles(item);
        if (n && (!best || n.length < best.length)) best = n;
      }
      return best;
    }
    case 'or': {
      const all: string[] = [];
      for (const item of e.items) {
        const n = needles(item);
        if (!n) return undefined;
        all.push(...n);
      }
      return [...new Set(all)];
    }
    case 'not':
      return undefined;
    case 'test': {
      if (e.operand.kind !== 'path' || e.steps.length) return undefined;
      const c = e.check;
      if (c.kind === 'compare' && c.op === '=' && c.right.kind === 'literal' && plainString(c.right.value)) return [c.right.value];
      if (c.kind === 'in' && c.values.length && c.values.every((v) => plainString(v.value))) return c.values.map((v) => v.value as string);
      return undefined;
    }
  }
}

/** The event checks among `rules` (non-aggregate rules on aws.cloudtrail.event), with their needles. */
export function eventFilter(rules: readonly CompiledRule[], now: number): EventFilter {
  const keepAll = rules.some((r) => r.aggregate && r.entities.some((t) => t.toLowerCase() === EVENT_ENTITY));
  return {
    now,
    ...(keepAll ? { keepAll } : {}),
    rules: rules
      .filter((r) => !r.aggregate && r.entities.some((t) => t.toLowerCase() === EVENT_ENTITY))
      .map((rule) => {
        const n = rule.ast.where ? needles(rule.ast.where) : undefined;
        return n ? { rule, needles: n.map((s) => Buffer.from(JSON.stringify(s))) } : { rule };
      }),
  };
}

/**
 * Which records of one batch (records in increasing order in one buffer) some rule's `where` may hold for: the
 * needles are searched once over the batch, not once per record. A record with an escape is always a maybe.
 */
export function mayMatchBatch(f: EventFilter, buf: Buffer, spans: readonly { start: number; end: number; escaped: boolean }[]): boolean[] {
  const out = spans.map((s) => s.escaped);
  if (!spans.length) return out;
  if (f.keepAll) return out.fill(true);
  const from = spans[0]!.start;
  const to = spans[spans.length - 1]!.end;
  for (const r of f.rules) {
    if (!r.needles) return out.fill(true);
    const hits: number[] = [];
    for (const n of r.needles) for (let at = buf.indexOf(n, from); at >= 0 && at < to; at = buf.indexOf(n, at + 1)) hits.push(at);
    if (!hits.length) continue;
    hits.sort((a, b) => a - b);
    let h = 0;
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k]!;
      while (h < hits.length && hits[h]! < s.start) h++;
      if (h < hits.length && hits[h]! < s.end) out[k] = true;
    }
  }
  return out;
}

const WORLD = createWorld([]);

/** Does some rule not pass for this parsed event (a finding or an unknown result to report)? */
export function needsEvent(f: EventFilter, value: Record<string, unknown>, id: string): boolean {
  if (f.keepAll) return true;
  const entity = { type: EVENT_ENTITY, id, values: value as ObjectValue };
  for (const r of f.rules) if (evaluateRule(r.rule, entity, WORLD, { now: f.now }).status !== 'pass') return true;
  return false;
}
