// AWS snapshots and CloudTrail events as a Project, so the same checks and reporters run over them. Each
// trail or event is one Resource whose entity type cannot be a Terraform resource type (it has dots):
// `aws.cloudtrail.trail` (describe-trails, with get-trail-status as `Status`) and `aws.cloudtrail.event`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { pointRange } from '../common/diagnostics.js';
import { type DataInput, type DataRecord, classifyText, readDataFile } from '../load/data-file.js';
import type { Project, Resource } from './model.js';
import { planProject } from './plan.js';
import { planFromValue } from '../load/plan.js';
import { type ObjectValue, fromJSON } from './value.js';
import { DepthCuts, jsonDepth } from './budget.js';

export const TRAIL_ENTITY = 'aws.cloudtrail.trail';
export const EVENT_ENTITY = 'aws.cloudtrail.event';

const START: Range = pointRange();

/** `Records[3]` → `trail.json.gz#Records[3]`; `line 4` → `events.jsonl#L4`; '' → the file. */
export function recordAddress(file: string, where: string): string {
  if (!where) return file;
  const line = /^line (\d+)$/.exec(where);
  return `${file}#${line ? `L${line[1]}` : where}`;
}

function recordResource(file: string, rec: DataRecord, kind: 'snapshot' | 'events', cuts: DepthCuts): Resource {
  let cut = false;
  const values = fromJSON(
    rec.value,
    jsonDepth(() => (cut = true)),
  ) as ObjectValue;
  const range = rec.range ?? START;
  if (cut) cuts.add(file, range, `${kind === 'snapshot' ? 'a trail' : 'an event'}${rec.where ? ` (${rec.where})` : ''}`);
  const v = rec.value;
  const address =
    kind === 'snapshot'
      ? typeof v.TrailARN === 'string'
        ? v.TrailARN
        : typeof v.Name === 'string'
          ? v.Name
          : recordAddress(file, rec.where)
      : recordAddress(file, rec.where);
  const name =
    kind === 'snapshot' ? (typeof v.Name === 'string' ? v.Name : address) : typeof v.eventName === 'string' ? v.eventName : address;
  return {
    address,
    module: '',
    mode: 'managed',
    type: kind === 'snapshot' ? TRAIL_ENTITY : EVENT_ENTITY,
    name,
    values,
    location: { file, range },
    blockRange: range,
    ranges: {},
    moduleCalls: [],
    dependsOn: [],
    references: {},
  };
}

/** The Project of one snapshot or event input. */
export function dataProject(input: Extract<DataInput, { kind: 'snapshot' | 'events' }>): Project {
  const diagnostics: Diagnostic[] = [];
  const noun = input.kind === 'snapshot' ? 'trail' : 'event';
  const cuts = new DepthCuts(diagnostics, (first, more) => `${first} and ${more} more ${more === 1 ? noun : `${noun}s`} of this file`);
  return {
    root: input.path,
    resources: input.records.map((r) => recordResource(input.path, r, input.kind, cuts)),
    modules: [],
    diagnostics,
    files: [],
  };
}

const DATA_FILE = /\.(json|jsonl|ndjson|gz)$/;
const MAX_FILES = 100_000;
const MAX_DEPTH = 32;

/**
 * Data files under a directory (CloudTrail's S3 layout nests them by account, region and date), in sorted order,
 * one at a time: a bucket's worth of paths is never held. Directories deeper than MAX_DEPTH are a warning.
 */
export function* walkDataFiles(dir: string, diagnostics: Diagnostic[]): Generator<string> {
  function* walk(d: string, depth: number): Generator<string> {
    if (depth > MAX_DEPTH) {
      diagnostics.push({
        severity: 'warning',
        code: 'too-deep',
        file: d,
        message: `directory is nested more than ${MAX_DEPTH} levels below the scanned one; it was not read`,
        hint: 'scan it directly',
      });
      return;
    }
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      diagnostics.push({ severity: 'warning', code: 'unreadable', file: d, message: `cannot list directory: ${(e as Error).message}` });
      return;
    }
    for (const n of names) {
      if (n.startsWith('.') || n === 'node_modules') continue;
      const p = join(d, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) yield* walk(p, depth + 1);
      else if (st.isFile() && DATA_FILE.test(n) && !n.endsWith('.tf.json') && !n.endsWith('.tfvars.json')) yield p;
    }
  }
  yield* walk(dir, 0);
}

/** The first MAX_FILES data files under a directory, sorted (the whole-file readers hold them all anyway). */
export function findDataFiles(dir: string, diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const f of walkDataFiles(dir, diagnostics)) {
    if (out.length >= MAX_FILES) {
      diagnostics.push({
        severity: 'warning',
        code: 'file-too-large',
        file: dir,
        message: `more than ${MAX_FILES} data files; the rest were not read`,
        hint: 'scan the directory with `tfguard scan`, which streams logs, or a part of it at a time',
      });
      break;
    }
    out.push(f);
  }
  return out;
}

/**
 * Read data files (plans without source, snapshots, event logs) into one Project. A file that cannot be read
 * is an error naming it; the other files are still read.
 */
export function loadDataFiles(files: string[], maxBytes?: number): Project {
  const project: Project = { root: files.length === 1 ? files[0]! : '.', resources: [], modules: [], diagnostics: [], files: [] };
  for (const f of files) {
    const r = readDataFile(f, maxBytes ? { maxBytes } : {});
    project.diagnostics.push(...r.diagnostics);
    if (!r.input) continue;
    let p: Project;
    if (r.input.kind === 'plan') {
      const plan = planFromValue(f, r.input.text, r.input.value);
      project.diagnostics.push(...plan.diagnostics);
      if (!plan.plan) continue;
      p = planProject(plan.plan);
    } else p = dataProject(r.input);
    project.resources.push(...p.resources);
    project.modules.push(...p.modules);
    project.diagnostics.push(...p.diagnostics);
  }
  return project;
}

/**
 * The Project of a check test's JSON input (`plan`, `snapshot` or `log`), read by the same readers as files:
 * every resource stands at `line` of the check file. An input of the wrong kind is an error message.
 */
export function testInputProject(
  key: 'plan' | 'snapshot' | 'log',
  value: Record<string, unknown>,
  file: string,
  line: number,
): { project?: Project; error?: string } {
  const text = JSON.stringify(value);
  const r = classifyText(file, text);
  const want = key === 'log' ? 'events' : key;
  if (!r.input) return { error: r.diagnostics.map((d) => d.message).join('; ') };
  if (r.input.kind !== want)
    return {
      error: `\`${key}\` holds ${r.input.kind === 'plan' ? 'a plan' : r.input.kind === 'events' ? 'a CloudTrail event' : 'a CloudTrail trail'}`,
    };
  let project: Project;
  if (r.input.kind === 'plan') {
    const p = planFromValue(file, text, r.input.value);
    if (!p.plan) return { error: p.diagnostics.map((d) => d.message).join('; ') };
    project = planProject(p.plan);
  } else project = dataProject(r.input);
  const at = { line, column: 1, offset: 0 };
  const range: Range = { start: at, end: at };
  for (const res of project.resources) {
    res.location = { file, range };
    res.blockRange = range;
  }
  return { project };
}
