// What a report holds: the rules that ran, the findings (with messages and the values seen), the
// suppressed ones, unknown results, baseline entries now fixed, and the load diagnostics. Every
// format renders this one model; paths stay absolute here and are made relative by each format.
import type { Diagnostic } from '../load/ast.js';
import type { Resource } from '../evaluate/model.js';
import { Unknown, isObject, type Value } from '../evaluate/value.js';
import type { BaselineEntry } from '../checks/baseline.js';
import type { CheckDefinition, Finding, Severity, UnknownResult } from '../checks/model.js';
import { EXPIRED_SUPPRESSION, UNEXPLAINED_SUPPRESSION, type SuppressedBy } from '../checks/suppressions.js';
import { SEVERITIES } from '../checks/model.js';

export const TOOL = {
  name: 'tfguard',
  version: '0.1.0',
  informationUri: 'https://github.com/tfguard/tfguard',
} as const;

/** Where a check's documentation lives (SARIF helpUri, text and markdown links). */
export function checkDocUri(id: string): string {
  return `${TOOL.informationUri}/blob/main/docs/checks.md#${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export type RuleInfo = Omit<CheckDefinition, 'logic' | 'tests'>;

export interface ReportFinding extends Finding {
  /** One sentence naming the resource and the offending value. */
  message: string;
  /** The value at `path`, rendered, when there is one. */
  value?: string;
  suppressed?: SuppressedBy;
}

export interface Report {
  /** Absolute scan root (directory or file). */
  scanRoot: string;
  /** Absolute repository root (nearest `.git` upward), else the scan root's directory. */
  repoRoot: string;
  /** Every rule that ran, sorted by ID. */
  rules: RuleInfo[];
  /** Findings that count (not suppressed, not in the baseline), sorted by place. */
  findings: ReportFinding[];
  /** Findings silenced by inline comments or the baseline. */
  suppressed: ReportFinding[];
  unknowns: UnknownResult[];
  /** Baseline entries no finding matches any more. */
  fixed: BaselineEntry[];
  diagnostics: Diagnostic[];
  /** File text by absolute path (to show source lines and compute fingerprints). */
  sources: ReadonlyMap<string, string>;
  resources: number;
  /** Code-scanning category (SARIF automationDetails.id is `<category>/`). */
  category: string;
}

/** The value at a dotted path (`logging.0.enabled`) of a resource's values. */
export function valueAt(values: Value, path: string): Value | undefined {
  let v: Value | undefined = values;
  for (const part of path ? path.split('.') : []) {
    if (Array.isArray(v)) v = v[Number(part)];
    else if (isObject(v)) v = Object.prototype.hasOwnProperty.call(v, part) ? v[part] : undefined;
    else return undefined;
  }
  return v;
}

export function renderValue(v: Value): string {
  if (v instanceof Unknown) return `(unknown: ${v.describe()})`;
  const s = JSON.stringify(v) ?? 'null';
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** The message of a finding: `<title>: <address> has <path> = <value>` (or what is missing). */
export function describeFinding(f: Finding, resource: Resource | undefined): { message: string; value?: string } {
  if (f.checkId === EXPIRED_SUPPRESSION.id) return { message: `${f.title}: \`${f.address}\` expired on ${f.path?.replace(/^exp:/, '')}; it silences nothing now.` };
  if (f.checkId === UNEXPLAINED_SUPPRESSION.id) return { message: `${f.title}: \`${f.address}\` has no reason, so it silences nothing.` };
  const via = f.via ? ` (in ${f.via})` : '';
  if (!resource || !f.path) return { message: `${f.title}: ${f.address}${via} does not meet it.` };
  const v = valueAt(resource.values, f.path);
  if (v === undefined || v === null) return { message: `${f.title}: ${f.address}${via} does not set ${f.path}.` };
  const value = renderValue(v);
  return { message: `${f.title}: ${f.address}${via} has ${f.path} = ${value}.`, value };
}

export function reportFinding(f: Finding, suppressed?: SuppressedBy): ReportFinding {
  const { resource, ...rest } = f;
  const d = describeFinding(f, resource);
  return { ...rest, ...d, ...(suppressed ? { suppressed } : {}) };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) out[f.severity]++;
  return out;
}

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
