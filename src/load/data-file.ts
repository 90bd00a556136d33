// JSON inputs that are not Terraform configuration: a plan (`terraform show -json`), AWS resource snapshots
// (`aws cloudtrail describe-trails` with each trail's `get-trail-status` as `Status`), and CloudTrail events
// (log files `{"Records": [...]}`, gzipped or not, JSON lines, or one event). The kind is decided by content.
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic, Range, DiagnosticCode } from '../common/diagnostics.js';
import { pointRange } from '../common/diagnostics.js';
import { gunzipCapped } from '../common/gunzip.js';
import { limits } from '../common/limits.js';
import { parseJsonValue } from './json.js';
import { parseJsonSyntax, type JsonNode } from './json-syntax.js';

/** Plans and log archives are larger than configuration files; this is their own limit. */
export const DEFAULT_MAX_DATA_BYTES = 512 * 1024 * 1024;

export interface DataRecord {
  /** The object as read (null-prototype objects). */
  value: Record<string, unknown>;
  /** Where it is: `Records[3]`, `[2]`, `line 4`, or '' for a file that is one object. */
  where: string;
  /** Its range in the (decompressed) text, when known. */
  range?: Range;
}

export type DataInput =
  /** `value` is the parsed JSON as is (ordinary objects): planFromValue copies it. */
  | { kind: 'plan'; path: string; text: string; value: Record<string, unknown> }
  | { kind: 'snapshot'; path: string; records: DataRecord[] }
  | { kind: 'events'; path: string; records: DataRecord[] };

export interface DataReadOptions {
  maxBytes?: number;
}

const START: Range = pointRange();

function fail(path: string, code: DiagnosticCode, message: string, hint?: string, range?: Range): { diagnostics: Diagnostic[] } {
  return { diagnostics: [{ severity: 'error', code, file: path, message, ...(range ? { range } : {}), ...(hint ? { hint } : {}) }] };
}

/** Read a data file (gunzipping `.gz` or gzip-magic content) and decide what it holds. Never throws. */
export function readDataFile(path: string, options: DataReadOptions = {}): { input?: DataInput; diagnostics: Diagnostic[] } {
  const max = options.maxBytes ?? DEFAULT_MAX_DATA_BYTES;
  let buf: Buffer;
  try {
    if (statSync(path).size > max)
      return fail(
        path,
        'file-too-large',
        `file is over the limit of ${max} bytes; it was not read`,
        'split it, or raise the limit with --max-file-size',
      );
    buf = readFileSync(path);
  } catch (e) {
    return fail(
      path,
      'unreadable',
      `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${(e as Error).message}`,
      'check that the file exists and is readable',
    );
  }
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    const r = gunzipCapped(buf, limits().maxExpandedSize);
    if ('tooLarge' in r)
      return fail(path, 'file-too-large', `${r.tooLarge}; it was not read`, 'split the log into smaller files, or raise the limit');
    if ('data' in r) buf = r.data;
    else {
      const e = r.error;
      const why = (e as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? 'the gzip data ends early (the file is truncated)' : e.message;
      return fail(
        path,
        'bad-gzip',
        `cannot decompress the gzip file: ${why}`,
        'download the file again; CloudTrail writes complete .json.gz files',
      );
    }
  } else if (path.endsWith('.gz')) {
    return fail(
      path,
      'bad-gzip',
      'the file is named .gz but is not gzip data (it does not start with the gzip magic bytes 1f 8b)',
      'rename it, or give the gzipped file',
    );
  }
  if (buf.includes(0))
    return fail(
      path,
      'binary',
      'file contains NUL bytes and is not JSON text',
      'give a plan (terraform show -json), a snapshot or a CloudTrail log file',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return fail(path, 'encoding', 'file is not valid UTF-8 and cannot be JSON', 'JSON files are UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return classifyText(path, text);
}

/** Decide what a JSON (or JSON lines) text holds. */
export function classifyText(path: string, text: string): { input?: DataInput; diagnostics: Diagnostic[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const lines = jsonLines(path, text);
    if (lines) return lines;
    // Parse again with positions for an error that says where and what.
    const r = parseJsonValue(path, text);
    const d = r.diagnostics.find((x) => x.severity === 'error');
    if (d) {
      return {
        diagnostics: [
          {
            ...d,
            code: 'not-json',
            message: `not valid JSON: ${d.message}`,
            hint: d.hint ?? 'give a plan (terraform show -json), an AWS snapshot or a CloudTrail log file',
          },
        ],
      };
    }
    return fail(path, 'not-json', 'not valid JSON', 'give a plan (terraform show -json), an AWS snapshot or a CloudTrail log file');
  }
  return classifyValue(path, text, value);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const has = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function isEvent(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && typeof v.eventName === 'string' && (typeof v.eventSource === 'string' || typeof v.eventVersion === 'string');
}

export function isTrail(v: unknown): v is Record<string, unknown> {
  return (
    isRecord(v) &&
    (typeof v.TrailARN === 'string' || (typeof v.Name === 'string' && (has(v, 'S3BucketName') || has(v, 'IsMultiRegionTrail'))))
  );
}

export function describeShape(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (isRecord(v)) {
    const keys = Object.keys(v);
    return keys.length
      ? `an object with the keys ${keys
          .slice(0, 5)
          .map((k) => JSON.stringify(k))
          .join(', ')}${keys.length > 5 ? ', …' : ''}`
      : 'an empty object';
  }
  return v === null ? 'null' : `a ${typeof v}`;
}

const NEITHER_HINT =
  'tfguard reads a plan (terraform show -json: "format_version" with "planned_values" or "resource_changes"), a CloudTrail snapshot (describe-trails {"trailList": [...]}, or trail objects with "TrailARN"), or CloudTrail events ({"Records": [...]}, JSON lines, or event objects with "eventName")';

function classifyValue(path: string, text: string, value: unknown): { input?: DataInput; diagnostics: Diagnostic[] } {
  const obj = isRecord(value) ? value : undefined;
  if (obj && has(obj, 'format_version') && (has(obj, 'planned_values') || has(obj, 'resource_changes'))) {
    return { input: { kind: 'plan', path, text, value: obj }, diagnostics: [] };
  }
  if (obj && Array.isArray(obj.Records)) {
    const recs = obj.Records as unknown[];
    const bad = recs.findIndex((r) => !isEvent(r));
    if (bad >= 0)
      return fail(
        path,
        'not-an-event',
        `Records[${bad}] is not a CloudTrail event: found ${describeShape(recs[bad])}`,
        'each record of a CloudTrail log file has "eventName" and "eventSource"',
      );
    return {
      input: {
        kind: 'events',
        path,
        records: recordsWithRanges(path, text, recs.map(toNullProto) as Record<string, unknown>[], 'Records'),
      },
      diagnostics: [],
    };
  }
  if (obj && Array.isArray(obj.trailList)) {
    const list = obj.trailList as unknown[];
    const bad = list.findIndex((r) => !isTrail(r));
    if (bad >= 0)
      return fail(
        path,
        'not-a-trail',
        `trailList[${bad}] is not a CloudTrail trail: found ${describeShape(list[bad])}`,
        'each trail of describe-trails has "Name" and "TrailARN"',
      );
    return {
      input: {
        kind: 'snapshot',
        path,
        records: recordsWithRanges(path, text, list.map(toNullProto) as Record<string, unknown>[], 'trailList'),
      },
      diagnostics: [],
    };
  }
  if (isEvent(obj))
    return { input: { kind: 'events', path, records: [{ value: toNullProto(obj), where: '', range: START }] }, diagnostics: [] };
  if (isTrail(obj))
    return { input: { kind: 'snapshot', path, records: [{ value: toNullProto(obj), where: '', range: START }] }, diagnostics: [] };
  if (Array.isArray(value) && value.length > 0) {
    const items = value.map((v) => (isRecord(v) ? toNullProto(v) : v));
    if (items.every(isEvent))
      return {
        input: { kind: 'events', path, records: recordsWithRanges(path, text, items as Record<string, unknown>[], '') },
        diagnostics: [],
      };
    if (items.every(isTrail))
      return {
        input: { kind: 'snapshot', path, records: recordsWithRanges(path, text, items as Record<string, unknown>[], '') },
        diagnostics: [],
      };
  }
  if (obj && has(obj, 'format_version')) {
    return fail(
      path,
      'not-a-plan',
      'the JSON has "format_version" but neither "planned_values" nor "resource_changes", so it is not a plan',
      'write the plan with `terraform show -json plan.out > plan.json` (a state file from `terraform show -json` alone has no changes)',
    );
  }
  return fail(
    path,
    'unknown-input',
    `the JSON is neither a plan, nor a snapshot, nor a CloudTrail log: found ${describeShape(value)}`,
    NEITHER_HINT,
  );
}

/** JSON lines: every non-blank line one JSON object, all events or all trails. Undefined when the text is not JSON lines. */
function jsonLines(path: string, text: string): { input?: DataInput; diagnostics: Diagnostic[] } | undefined {
  const lines = text.split('\n');
  const records: DataRecord[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const start = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      // A first line that is not JSON: this is not JSON lines at all (report the whole-file error).
      if (records.length === 0) return undefined;
      const r = parseJsonValue(path, line);
      const d = r.diagnostics.find((x) => x.severity === 'error');
      const col = d?.range?.start.column ?? 1;
      const at: Range = {
        start: { line: i + 1, column: col, offset: start + col - 1 },
        end: { line: i + 1, column: col + 1, offset: start + col },
      };
      return fail(
        path,
        'not-json',
        `line ${i + 1} of the JSON lines file is not valid JSON${d ? `: ${d.message}` : ''}`,
        'every line of a JSON lines file is one complete JSON object',
        at,
      );
    }
    if (!isRecord(v)) {
      if (records.length === 0) return undefined;
      return fail(
        path,
        'unknown-input',
        `line ${i + 1} of the JSON lines file is ${describeShape(v)}, not an object`,
        'every line is one CloudTrail event (or one trail)',
      );
    }
    const range: Range = {
      start: { line: i + 1, column: 1, offset: start },
      end: { line: i + 1, column: line.length + 1, offset: start + line.length },
    };
    records.push({ value: toNullProto(v), where: `line ${i + 1}`, range });
  }
  if (records.length < 2) return undefined;
  const values = records.map((r) => r.value);
  if (values.every((v) => isEvent(v))) return { input: { kind: 'events', path, records }, diagnostics: [] };
  if (values.every((v) => isTrail(v))) return { input: { kind: 'snapshot', path, records }, diagnostics: [] };
  const bad = records.find((r) => !isEvent(r.value))!;
  return fail(
    path,
    'unknown-input',
    `${bad.where} of the JSON lines file is not a CloudTrail event: found ${describeShape(bad.value)}`,
    NEITHER_HINT,
    bad.range,
  );
}

/** Positions of the items of `key` (or of the top-level array): parsed once with positions (files up to 32 MB). */
function recordsWithRanges(path: string, text: string, items: Record<string, unknown>[], key: string): DataRecord[] {
  let nodes: JsonNode[] | undefined;
  if (text.length <= 32 * 1024 * 1024) {
    const { node } = parseJsonSyntax(path, text);
    if (node?.type === 'array' && !key) nodes = node.items;
    if (node?.type === 'object' && key) {
      const m = node.members.filter((x) => x.key === key).pop();
      if (m?.value.type === 'array') nodes = m.value.items;
    }
  }
  return items.map((value, i) => ({ value, where: key ? `${key}[${i}]` : `[${i}]`, range: nodes?.[i]?.range ?? START }));
}

/** Deep copy with null-prototype objects, so keys from the input (`__proto__`) are plain data. */
export function toNullProto<T>(v: T): T {
  if (Array.isArray(v)) return v.map(toNullProto) as T;
  if (v !== null && typeof v === 'object') {
    const o = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v)) o[k] = toNullProto((v as Record<string, unknown>)[k]);
    return o as T;
  }
  return v;
}
