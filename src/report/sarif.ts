// SARIF 2.1.0 for GitHub code scanning (research/ux.md §1): one run, every rule that ran, results
// with one repository-relative location and upload-sarif's line hash, load diagnostics as tool
// execution notifications. The output depends only on the input: no times, no absolute paths.
import type { Range } from '../common/diagnostics.js';
import type * as Sarif from 'sarif';
import type { Severity } from '../checks/model.js';
import { sectionsOfCheck } from './benchmark.js';
import { planFixes, sarifFix } from './fixes.js';
import { FingerprintCache } from './fingerprint.js';
import { SARIF_LEVEL, TOOL, type Report, type RuleInfo } from './model.js';
import { pathToUri, relativeTo } from './paths.js';
import { sourceLines } from './source-lines.js';
import { isUnderDotTerraform } from '../common/paths.js';
import { byPlace } from '../common/order.js';

export interface SarifOptions {
  /** Also emit suppressed findings, with `suppressions` (GitHub would open alerts for them). */
  includeSuppressed?: boolean;
}

export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: undefined,
};

function provider(id: string): string | undefined {
  const m = /^(?:D9\.TF|TFG)\.([A-Z0-9]+)\./.exec(id);
  return m && m[1] !== 'TFGUARD' ? m[1]!.toLowerCase() : undefined;
}

function helpText(r: RuleInfo): string {
  const parts = [r.description.trim(), `Remediation:\n${r.remediation.trim()}`];
  if (r.references.length) parts.push(`References:\n${r.references.map((u) => `- ${u}`).join('\n')}`);
  return parts.join('\n\n');
}

function helpMarkdown(r: RuleInfo): string {
  const parts = [`**${r.title}** (${r.id}, severity ${r.severity})`, r.description.trim(), `## Remediation\n\n${r.remediation.trim()}`];
  const compliance = Object.entries(r.compliance).flatMap(([fw, versions]) =>
    Object.entries(versions).map(([v, sections]) => `| ${fw} | ${v} | ${sections.join(', ')} |`),
  );
  if (compliance.length) parts.push(`## Compliance\n\n| framework | version | sections |\n|---|---|---|\n${compliance.join('\n')}`);
  const aliases = Object.entries(r.aliases).filter(([, ids]) => ids && ids.length);
  if (aliases.length)
    parts.push(
      `## Same check in other tools\n\n${aliases.map(([tool, ids]) => `- ${tool}: ${ids!.map((i) => `\`${i}\``).join(', ')}`).join('\n')}`,
    );
  if (r.references.length) parts.push(`## References\n\n${r.references.map((u) => `- <${u}>`).join('\n')}`);
  return parts.join('\n\n');
}

function firstSentence(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 1000 ? `${t.slice(0, 997)}...` : t;
}

function ruleDescriptor(r: RuleInfo): Sarif.ReportingDescriptor {
  const tags = ['security', 'terraform', ...(provider(r.id) ? [provider(r.id)!] : []), r.severity];
  const securitySeverity = SECURITY_SEVERITY[r.severity];
  return {
    id: r.id,
    name: r.title
      .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))
      .replace(/^./, (c) => c.toUpperCase()),
    shortDescription: { text: firstSentence(r.title) },
    fullDescription: { text: firstSentence(r.description) },
    help: { text: helpText(r), markdown: helpMarkdown(r) },
    ...(r.helpUri ? { helpUri: r.helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: {
      tags: [...new Set(tags)],
      precision: 'high',
      ...(securitySeverity ? { 'security-severity': securitySeverity } : { problem: { severity: 'recommendation' } }),
      ...(Object.keys(r.compliance).length ? { compliance: r.compliance } : {}),
      ...(r.mitre.length ? { mitre: r.mitre } : {}),
      ...(Object.keys(r.aliases).length ? { aliases: r.aliases } : {}),
    },
  };
}

const urisOf = new WeakMap<Report, Map<string, string | undefined>>();

/** A repository-relative URI for a file, or undefined when it must not appear (outside the repo, under .terraform/). */
export function sarifUri(report: Report, file: string): string | undefined {
  // Asked for every result and related place, mostly of the same few files: worked out once per file and report.
  let uris = urisOf.get(report);
  if (!uris) urisOf.set(report, (uris = new Map()));
  if (uris.has(file)) return uris.get(file);
  const rel = relativeTo(report.repoRoot, file);
  const uri = rel === undefined || rel === '.' || isUnderDotTerraform(rel) ? undefined : pathToUri(rel);
  uris.set(file, uri);
  return uri;
}

/** `tfguard/` for a scan of the repository root, `tfguard/<dir>/` for a sub-directory. */
export function automationId(report: Report): string {
  return `${report.category.replace(/\/+$/, '')}/`;
}

export function defaultCategory(report: Pick<Report, 'repoRoot' | 'scanRoot'>): string {
  const rel = relativeTo(report.repoRoot, report.scanRoot);
  if (!rel || rel === '.') return TOOL.name;
  return `${TOOL.name}/${rel.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

export function buildSarif(report: Report, options: SarifOptions = {}): Sarif.Log {
  const rules = report.rules.map(ruleDescriptor);
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  const ruleOf = new Map(report.rules.map((r) => [r.id, r]));
  const hashes = new FingerprintCache();
  const notifications: Sarif.Notification[] = [];
  const results: Sarif.Result[] = [];
  const fixPlan = planFixes(report);
  const shown = options.includeSuppressed ? [...report.findings, ...report.suppressed] : report.findings;
  for (const f of [...shown].sort(byPlace)) {
    const uri = sarifUri(report, f.file);
    if (uri === undefined) {
      notifications.push({
        level: 'warning',
        message: {
          text: `${f.checkId} on ${f.address} is left out: its file is outside the repository or under .terraform/ (${f.file.split(/[\\/]/).pop()})`,
        },
        descriptor: { id: 'unreportable-location' },
      });
      continue;
    }
    const text = report.sources.get(f.file);
    const region: Sarif.Region = {
      startLine: f.range.start.line,
      startColumn: f.range.start.column,
      endLine: f.range.end.line,
      endColumn: Math.max(f.range.end.column, f.range.end.line === f.range.start.line ? f.range.start.column + 1 : 1),
    };
    const hash = text !== undefined ? hashes.lineHash(f.file, text, f.range.start.line) : undefined;
    const result: Sarif.Result = {
      ruleId: f.checkId,
      ruleIndex: index.get(f.checkId)!,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri }, region },
          logicalLocations: [{ ...(f.event?.id ? { name: f.event.id } : {}), fullyQualifiedName: f.address, kind: 'resource' }],
        },
      ],
      ...(hash ? { partialFingerprints: { primaryLocationLineHash: hash } } : {}),
      properties: {
        address: f.address,
        ...(report.benchmark
          ? { benchmark: { id: report.benchmark.id, sections: sectionsOfCheck(report.benchmark, ruleOf.get(f.checkId)) } }
          : {}),
        ...(f.path ? { attribute: f.path } : {}),
        ...(f.via ? { module: f.via } : {}),
        ...(f.event ? { event: f.event } : {}),
        ...(f.instances
          ? {
              instances: f.instances.map((i) => ({
                address: i.address,
                ...(i.root !== undefined ? { root: relativeTo(report.repoRoot, i.root) ?? '.' } : {}),
              })),
            }
          : {}),
      },
    };
    const related = (f.related ?? []).flatMap((r) => {
      const u = sarifUri(report, r.file);
      return u === undefined ? [] : [{ ...r, uri: u }];
    });
    if (related.length) {
      const physical = (r: { uri: string; range: Range }): Sarif.PhysicalLocation => ({
        artifactLocation: { uri: r.uri },
        region: {
          startLine: r.range.start.line,
          startColumn: r.range.start.column,
          endLine: r.range.end.line,
          endColumn: r.range.end.column,
        },
      });
      result.relatedLocations = related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r), message: { text: r.message } }));
      // More than one hop: the path the value took, from where it was written to the resource (a code flow).
      const hops = related.filter((r) => !r.named);
      if (hops.length > 1) {
        const steps = [
          { location: { physicalLocation: physical({ uri, range: f.range }), message: { text: f.origin ?? 'written here' } } },
          ...[...hops].reverse().map((r) => ({ location: { physicalLocation: physical(r), message: { text: r.message } } })),
        ];
        result.codeFlows = [{ threadFlows: [{ locations: steps }] }];
      }
    }
    if (f.origin || f.note || f.messageId)
      result.properties = {
        ...result.properties,
        ...(f.origin ? { origin: f.origin } : {}),
        ...(f.note ? { note: f.note } : {}),
        ...(f.messageId ? { messageId: f.messageId } : {}),
      };
    // The change `tfguard fix` would make (docs/fixes.md), where its file is one the run reports on.
    const edit = fixPlan.byFinding.get(f);
    const editUri = edit ? sarifUri(report, edit.file) : undefined;
    const editLines = edit ? sourceLines(report, edit.file) : undefined;
    if (edit && editUri !== undefined && editLines !== undefined) result.fixes = [sarifFix(edit, editUri, editLines) as Sarif.Fix];
    if (f.suppressed) {
      result.suppressions = [
        {
          kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
          status: 'accepted',
          ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
        },
      ];
    }
    results.push(result);
  }
  // Blocked checks are no alerts: code scanning ingests every result (it honours neither `kind` nor `suppressions`),
  // so they are notifications naming the prerequisite, at the place whose fix unblocks them.
  for (const b of report.blocked) {
    const uri = sarifUri(report, b.file);
    notifications.push({
      level: 'note',
      message: { text: `${b.checkId} on ${b.address} is blocked: it requires ${b.requires}, which fails here` },
      descriptor: { id: 'blocked-by-prerequisite' },
      associatedRule: { id: b.checkId, ...(index.has(b.checkId) ? { index: index.get(b.checkId)! } : {}) },
      ...(uri !== undefined
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri },
                  region: { startLine: b.range.start.line, startColumn: b.range.start.column },
                },
              },
            ],
          }
        : {}),
    });
  }
  for (const d of report.diagnostics) {
    const uri = sarifUri(report, d.file);
    notifications.push({
      level: d.severity === 'note' ? 'note' : d.severity,
      message: { text: withoutAbsolutePaths(report, d.hint ? `${d.message} (${d.hint})` : d.message) },
      descriptor: { id: d.code },
      ...(uri !== undefined
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri },
                  ...(d.range ? { region: { startLine: d.range.start.line, startColumn: d.range.start.column } } : {}),
                },
              },
            ],
          }
        : {}),
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL.name, semanticVersion: TOOL.version, version: TOOL.version, informationUri: TOOL.informationUri, rules },
        },
        automationDetails: { id: automationId(report) },
        columnKind: 'utf16CodeUnits',
        invocations: [
          { executionSuccessful: !report.diagnostics.some((d) => d.severity === 'error'), toolExecutionNotifications: notifications },
        ],
        results,
      },
    ],
  };
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return JSON.stringify(buildSarif(report, options), null, 2) + '\n';
}

/**
 * A message with its absolute paths made relative to the repository (or `<outside the repository>`): SARIF is
 * uploaded and shared, and the machine's layout is nobody's business.
 */
export function withoutAbsolutePaths(report: Report, text: string): string {
  return text.replace(/(^|[\s('"`=])(\/[^\s)'"`,;]+)/g, (_m, before: string, path: string) => {
    const rel = relativeTo(report.repoRoot, path);
    return `${before}${rel === undefined ? '<outside the repository>' : rel}`;
  });
}
