// CloudTrail logs read as streams, one file at a time: each record is split out of the text as it arrives, passed
// over when no event check can match it (event-filter.ts), otherwise parsed, validated and evaluated; only the
// events some check does not pass are kept, as Resources, for the ordinary check run and reporters. Memory stays
// that of one file's chunk plus the kept events, whatever the number or size of the files. Files that are not
// event logs (plans, snapshots) are read whole, as before. With jobs > 1 files are read in worker threads.
import type { Diagnostic } from '../common/diagnostics.js';
import { type DataRecord, describeShape, isEvent, toNullProto } from '../load/data-file.js';
import { STDIN, readLogRecords } from '../load/log-read.js';
import { realpathSync } from 'node:fs';
import { isInside } from '../common/paths.js';
import type { RawRecord, SplitShape } from '../load/log-split.js';
import { MAX_RECORD_BYTES, MAX_RECORD_DEPTH } from '../load/log-split.js';
import { dataProject, loadDataFiles, recordAddress } from '../evaluate/data.js';
import type { Project } from '../evaluate/model.js';
import { type EventFilter, mayMatchBatch, needsEvent } from './event-filter.js';

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p; // a missing file is reported by the reader
  }
}

/** Record problems listed per file; the rest are counted in one more diagnostic. */
export const MAX_RECORD_DIAGNOSTICS = 20;

/** What reading one file gave: the events to keep (as raw JSON text, for the way back from a worker). */
export interface LogFileResult {
  file: string;
  /** The file is not an event log (a plan, a snapshot, something else): read it whole instead. */
  notEvents: boolean;
  kept: { text: string; where: string; range: DataRecord['range'] }[];
  /** Events read (kept or passed over; records that are not events are diagnostics instead). */
  records: number;
  diagnostics: Diagnostic[];
}

const where = (shape: SplitShape, r: RawRecord): string =>
  shape === 'records' ? `Records[${r.index}]` : shape === 'array' ? `[${r.index}]` : `line ${r.range.start.line}`;

/** Read one log file (or `-`, standard input), keeping the events the filter needs. Never throws. */
export async function readLogFile(file: string, filter: EventFilter, maxBytes: number): Promise<LogFileResult> {
  const out: LogFileResult = { file, notEvents: false, kept: [], records: 0, diagnostics: [] };
  // A file of bad records says so for the first few and counts the rest: diagnostics do not grow with the file.
  let bad = 0;
  let seen = 0;
  const problem = (r: RawRecord, label: string, code: Diagnostic['code'], message: string, hint: string): void => {
    if (bad++ < MAX_RECORD_DIAGNOSTICS)
      out.diagnostics.push({ severity: 'error', code, file, range: r.range, message: `${label}: ${message}`, hint });
  };
  const onRecords = (recs: RawRecord[], shape: SplitShape): boolean => {
    const maybe = mayMatchBatch(
      filter,
      recs[0]!.buf,
      recs.map((r) => ({ start: r.start, end: r.start + r.bytes.length, escaped: r.escaped })),
    );
    for (let k = 0; k < recs.length; k++) {
      const r = recs[k]!;
      seen++;
      const label = where(shape, r);
      if (r.tooLarge) {
        problem(
          r,
          label,
          'file-too-large',
          `the record is over ${MAX_RECORD_BYTES} bytes and was not read`,
          'CloudTrail events are at most 256 KB; check the file',
        );
        continue;
      }
      if (r.tooDeep) {
        problem(
          r,
          label,
          'too-deep',
          `the record is nested more than ${MAX_RECORD_DEPTH} levels deep and was not read`,
          'CloudTrail events are shallow; check the file',
        );
        continue;
      }
      // The first value of a file that is not a Records log decides what the file is: it is read whole unless it is an event.
      const classify = shape !== 'records' && r.index === 0;
      // The keys isEvent asks for are there (a record without them is parsed, to say what it lacks).
      const cheap = (r.keys & 1) !== 0 && (r.keys & 6) !== 0;
      if (!classify && cheap && !maybe[k]) {
        out.records++;
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(r.bytes.toString('utf8'));
      } catch (e) {
        if (classify) return stop();
        problem(r, label, 'not-json', `not valid JSON: ${(e as Error).message}`, 'each record is one JSON object; the file may be damaged');
        continue;
      }
      if (!isEvent(value)) {
        if (classify) return stop();
        problem(
          r,
          label,
          'not-an-event',
          `not a CloudTrail event: found ${describeShape(value)}`,
          'each record of a CloudTrail log file has "eventName" and "eventSource"',
        );
        continue;
      }
      out.records++;
      if (needsEvent(filter, value, recordAddress(file, label)))
        out.kept.push({ text: r.bytes.toString('utf8'), where: label, range: r.range });
    }
    return true;
  };
  const stop = (): false => {
    out.notEvents = true;
    return false;
  };
  const read = await readLogRecords(file, onRecords, { maxBytes });
  if (out.notEvents) return { ...out, kept: [], records: 0, diagnostics: [] };
  if (bad > MAX_RECORD_DIAGNOSTICS)
    out.diagnostics.push({
      severity: 'error',
      code: 'not-an-event',
      file,
      message: `${bad - MAX_RECORD_DIAGNOSTICS} more records of this file are not CloudTrail events that can be read (${bad} in all; the first ${MAX_RECORD_DIAGNOSTICS} are listed)`,
      hint: 'check that the file is a CloudTrail log; the records that are events were read',
    });
  out.diagnostics.push(...read.diagnostics);
  // One object alone in a file is the file (as the whole-file reader names it).
  if (read.shape === 'values' && seen === 1 && out.kept.length === 1) out.kept[0]!.where = '';
  return out;
}

export interface LogLoadOptions {
  maxBytes: number;
  /** Nothing outside it is read: a log file whose real path (symbolic links followed) leaves it is skipped. */
  boundary?: string;
  jobs?: number;
  /** Undefined when a file is not an event log (instead of reading it whole). */
  onlyEvents?: boolean;
}

/** Read log files (and any plans or snapshots among them) into one Project of the events the checks need. */
export async function loadLogFiles(files: Iterable<string>, filter: EventFilter, options: LogLoadOptions): Promise<Project | undefined> {
  const project: Project = { root: '.', resources: [], modules: [], diagnostics: [], files: [] };
  const root = options.boundary !== undefined ? realpathOr(options.boundary) : undefined;
  // Files are taken one at a time: neither the list of files nor their results are held.
  const admitted = function* (): Generator<string> {
    for (const f of files) {
      if (root === undefined || f === STDIN || isInside(root, realpathOr(f))) yield f;
      else
        project.diagnostics.push({
          severity: 'warning',
          code: 'outside-root',
          file: f,
          message: 'the file (through a symbolic link) is outside the scan root; it was not read',
          hint: 'scan the target itself if it should be checked; tfguard reads nothing outside the repository it scans',
        });
    }
  };
  const jobs = Math.max(1, options.jobs ?? 1);
  const results =
    jobs > 1
      ? (await import('./log-pool.js')).readInWorkers(admitted(), filter, options.maxBytes, jobs)
      : (async function* (): AsyncGenerator<LogFileResult> {
          for (const f of admitted()) yield await readLogFile(f, filter, options.maxBytes);
        })();
  let records = 0;
  let kept = 0;
  let count = 0;
  for await (const r of results) {
    project.root = count++ === 0 ? r.file : '.';
    if (r.notEvents) {
      if (options.onlyEvents) return undefined;
      const p = loadDataFiles([r.file], options.maxBytes);
      project.resources.push(...p.resources);
      project.modules.push(...p.modules);
      project.diagnostics.push(...p.diagnostics);
      continue;
    }
    project.diagnostics.push(...r.diagnostics);
    records += r.records;
    kept += r.kept.length;
    const recs = r.kept.map((k) => ({ value: toNullProto(JSON.parse(k.text) as Record<string, unknown>), where: k.where, range: k.range }));
    const events = dataProject({ kind: 'events', path: r.file, records: recs });
    project.resources.push(...events.resources);
    project.diagnostics.push(...events.diagnostics); // values cut at --max-depth: one diagnostic per file
  }
  project.unkeptEvents = Math.max(0, records - kept);
  return project;
}
