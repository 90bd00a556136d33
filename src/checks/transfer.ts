// A check run's results across threads (a scan split over worker threads, src/scan/shards.ts): findings and blocked
// results carry what their readers need of the resource (src/evaluate/transfer.ts); unknown results travel without
// theirs, which only `tfguard explain` reads; passing results already hold only a place.
import type { Resource } from '../evaluate/model.js';
import { type SentResource, receiveResource, sendResource } from '../evaluate/transfer.js';
import type { BlockedResult, CheckRunResult, Finding, PassResult, UnknownResult } from './model.js';

type Sent<T> = Omit<T, 'resource'> & { resource?: SentResource };

export interface SentRun {
  findings: Sent<Finding>[];
  blocked: Sent<BlockedResult>[];
  unknowns: Omit<UnknownResult, 'resource'>[];
  passes: PassResult[];
  evaluations: number;
}

export function sendRun(run: CheckRunResult): SentRun {
  const sent = new Map<Resource, SentResource>();
  const once = (r: Resource): SentResource => {
    let s = sent.get(r);
    if (!s) sent.set(r, (s = sendResource(r)));
    return s;
  };
  const withResource = <T extends { resource?: Resource }>({ resource, ...rest }: T): Sent<T> =>
    (resource ? { ...rest, resource: once(resource) } : rest) as Sent<T>;
  return {
    findings: run.findings.map(({ explained: _e, ...f }) => withResource(f)),
    blocked: run.blocked.map(withResource),
    unknowns: run.unknowns.map(({ resource: _r, explained: _e, ...u }) => u),
    passes: run.passes,
    evaluations: run.evaluations,
  };
}

export function receiveRun(run: SentRun): CheckRunResult {
  // The clone keeps identity within one message: a resource several findings share is rebuilt once.
  const got = new Map<SentResource, Resource>();
  const once = (s: SentResource): Resource => {
    let r = got.get(s);
    if (!r) got.set(s, (r = receiveResource(s)));
    return r;
  };
  const withResource = <T>({ resource, ...rest }: Sent<T>): T => (resource ? { ...rest, resource: once(resource) } : rest) as T;
  return {
    findings: run.findings.map((f) => withResource<Finding>(f)),
    blocked: run.blocked.map((b) => withResource<BlockedResult>(b)),
    unknowns: run.unknowns,
    passes: run.passes,
    evaluations: run.evaluations,
  };
}
