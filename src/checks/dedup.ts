// Deduplication and thresholds of event checks, as Panther's rules have them: findings of one check whose dedup
// key (the values at the `dedup.by` paths of the event; none: the check alone) is the same, within `window`
// minutes of the first event of the alert, are one alert standing at that first event with the count of events;
// an alert with fewer than `threshold` events is not reported. Events are taken in the order of their eventTime,
// so the result does not depend on the order of the files. Every event finding carries its eventID and time.
import type { Resource } from '../evaluate/model.js';
import type { Check, Finding } from './model.js';

/** Panther's defaults: DedupPeriodMinutes 60, Threshold 1. */
export const DEFAULT_DEDUP_WINDOW = 60;

const EVENT_ENTITY = 'aws.cloudtrail.event';

function at(values: unknown, path: string): unknown {
  let v = values;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function eventOf(r: Resource): { id?: string; time?: string } {
  const id = text(at(r.values, 'eventID'));
  const time = text(at(r.values, 'eventTime'));
  return { ...(id ? { id } : {}), ...(time ? { time } : {}) };
}

/** Mark event findings with their event, and fold those of checks with `dedup` into alerts. */
export function dedupFindings(findings: readonly Finding[], checks: readonly Check[]): Finding[] {
  const spec = new Map(checks.filter((c) => c.dedup).map((c) => [c.id, c.dedup!]));
  const out: Finding[] = [];
  const grouped = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.resource?.type !== EVENT_ENTITY) {
      out.push(f);
      continue;
    }
    const withEvent: Finding = { ...f, event: eventOf(f.resource) };
    if (!spec.has(f.checkId)) {
      out.push(withEvent);
      continue;
    }
    let g = grouped.get(f.checkId);
    if (!g) grouped.set(f.checkId, (g = []));
    g.push(withEvent);
  }
  for (const [id, list] of grouped) {
    const d = spec.get(id)!;
    const windowMs = (d.window ?? DEFAULT_DEDUP_WINDOW) * 60_000;
    const threshold = d.threshold ?? 1;
    const time = (f: Finding): number => {
      const t = Date.parse(f.event!.time ?? '');
      return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
    };
    list.sort(
      (a, b) => time(a) - time(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.offset - b.range.start.offset,
    );
    const open = new Map<string, { first: Finding; start: number; events: Finding[] }>();
    const alerts: { first: Finding; events: Finding[] }[] = [];
    for (const f of list) {
      const key = JSON.stringify((d.by ?? []).map((p) => at(f.resource!.values, p) ?? null));
      const t = time(f);
      const cur = open.get(key);
      if (cur && t - cur.start < windowMs) cur.events.push(f);
      else {
        const a = { first: f, start: t, events: [f] };
        open.set(key, a);
        alerts.push(a);
      }
    }
    for (const a of alerts) {
      if (a.events.length < threshold) continue;
      const last = a.events[a.events.length - 1]!.event!;
      out.push({
        ...a.first,
        event: {
          ...a.first.event,
          count: a.events.length,
          ...(last.time ? { lastTime: last.time } : {}),
          addresses: a.events.map((e) => e.address),
        },
      });
    }
  }
  return out;
}
