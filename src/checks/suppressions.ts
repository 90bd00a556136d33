// Inline suppressions: `# tfguard:ignore:<ID>[,<ID>][:exp:YYYY-MM-DD] <reason>` and the peers' forms
// (`checkov:skip=`, `tfsec:ignore:`, `trivy:ignore:`) for checks that list the peer's ID as an alias.
// A comment applies on the finding's line, the resource's header line or any `module` call the
// resource was built through, written on that line or in the comment lines directly above it.
import type { Diagnostic, Range } from '../common/diagnostics.js';
import type { Project, SourceFile } from '../evaluate/model.js';
import type { AliasTool, Check, CheckDefinition, Finding, SuppressionProblem } from './model.js';

export type SuppressionSource = 'tfguard' | 'checkov' | 'tfsec' | 'trivy';

export interface SuppressionComment {
  source: SuppressionSource;
  /** IDs as written (our IDs or aliases for `tfguard:`, the peer's IDs otherwise). */
  ids: string[];
  reason: string;
  /** `exp:YYYY-MM-DD`: honoured through that day (UTC). */
  expires?: string;
  file: string;
  line: number;
  range: Range;
  /** The comment stands alone on its line (so it may apply to the line below). */
  ownLine: boolean;
}

/** What suppressed a finding: an inline comment, or the baseline file. */
export interface SuppressedBy {
  kind: 'inline' | 'baseline';
  source?: SuppressionSource;
  reason?: string;
  expires?: string;
  file?: string;
  line?: number;
}

export interface SuppressOptions {
  /** Honour inline comments at all (`--no-inline-suppressions` turns this off). */
  inline: boolean;
  /** Honour checkov/tfsec/trivy comments for aliased checks. */
  peers: boolean;
  /** Comments without a reason suppress nothing and are findings of their own. */
  requireReason: boolean;
  /** Today, for expiry (ms since epoch). */
  now: number;
}

export interface SuppressResult {
  kept: Finding[];
  suppressed: { finding: Finding; by: SuppressedBy }[];
  /** What is wrong with the comments themselves: expired, or without a required reason. */
  problems: SuppressionProblem[];
  diagnostics: Diagnostic[];
}

/** Rules the suppression machinery reports under (listed in SARIF like any check that ran). */
export const EXPIRED_SUPPRESSION: Omit<CheckDefinition, 'logic' | 'tests'> = {
  id: 'TFG.TFGUARD.SUPPRESSION.1',
  title: 'Suppression comment has expired',
  severity: 'low',
  description:
    'An inline suppression carries an expiry date (`exp:YYYY-MM-DD`) that has passed. It no longer silences anything: the findings it covered are reported again.',
  remediation:
    'Fix the findings the comment covered and delete the comment, or, if the exception still holds, agree a new date and update `exp:`.',
  references: [],
  compliance: {},
  mitre: [],
  aliases: {},
  requires: [],
  messages: [],
};

export const UNEXPLAINED_SUPPRESSION: Omit<CheckDefinition, 'logic' | 'tests'> = {
  id: 'TFG.TFGUARD.SUPPRESSION.2',
  title: 'Suppression comment gives no reason',
  severity: 'low',
  description:
    'The configuration requires a reason on every inline suppression (`require-suppression-reason: true`); this comment has none, so it silences nothing.',
  remediation: 'Write why the finding is accepted after the IDs: `# tfguard:ignore:D9.TF.AWS.LOG.01 single-region sandbox, see ADR-12`.',
  references: [],
  compliance: {},
  mitre: [],
  aliases: {},
  requires: [],
  messages: [],
};

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const DIRECTIVE = new RegExp(
  [
    `(tfguard):ignore:([^\\s:]+)(?::exp:${DATE})?`,
    '(checkov|bridgecrew|cortex):skip=([A-Za-z0-9_.,-]+)(?::([^\\n]*))?',
    `(tfsec|trivy):ignore:([^\\s:\\[]+)(\\[[^\\]]*\\])?((?::(?:exp|ws):[^\\s:]+)*)`,
  ].join('|'),
  'gi',
);

/** The text of the line of `offset` before it (splitting every file into lines allocated 40 MB over the corpus). */
function textBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/** The text of the line of `offset` from it on. */
function textAfter(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end < 0 ? text.length : end);
}

function stripDelimiters(text: string): string {
  return text.replace(/^\s*(#|\/\/|\/\*)/, '').replace(/\*\/\s*$/, '');
}

/** Every suppression directive in a file's comments, with malformed ones as diagnostics. */
export function parseSuppressions(file: SourceFile, diagnostics: Diagnostic[] = []): SuppressionComment[] {
  const out: SuppressionComment[] = [];
  for (const c of file.comments) {
    const body = stripDelimiters(c.text);
    if (!/(tfguard|checkov|bridgecrew|cortex|tfsec|trivy):(ignore|skip)/i.test(body)) continue;
    const line = c.range.start.line;
    const ownLine = textBefore(file.text, c.range.start.offset).trim() === '' || file.path.endsWith('.json');
    const matches = [...body.matchAll(DIRECTIVE)];
    matches.forEach((m, i) => {
      const next = matches[i + 1]?.index ?? body.length;
      const rest = body.slice(m.index + m[0].length, next).trim();
      const base = { file: file.path, line, range: c.range, ownLine };
      if (m[1]) {
        let reason = rest;
        let expires = m[3];
        const exp = /^exp:(\S+)\s*/.exec(reason);
        if (!expires && exp) {
          expires = exp[1];
          reason = reason.slice(exp[0].length);
        }
        if (expires !== undefined && !validDate(expires)) {
          diagnostics.push({
            severity: 'warning',
            code: 'suppression-date',
            file: file.path,
            range: c.range,
            message: `suppression expiry \`${expires}\` is not a date; the comment is ignored`,
            hint: 'write the date as exp:YYYY-MM-DD, e.g. exp:2026-03-31',
          });
          return;
        }
        out.push({ ...base, source: 'tfguard', ids: m[2]!.split(',').filter(Boolean), reason, ...(expires ? { expires } : {}) });
      } else if (m[4]) {
        out.push({ ...base, source: 'checkov', ids: m[5]!.split(',').filter(Boolean), reason: (m[6] ?? '').trim() });
      } else if (m[7]) {
        const opts = m[10] ?? '';
        // Attribute filters and workspaces cannot be decided statically: honour nothing rather than too much.
        if (m[9] || /:ws:/i.test(opts)) return;
        const exp = /:exp:([^\s:]+)/i.exec(opts)?.[1];
        if (exp !== undefined && !validDate(exp)) {
          diagnostics.push({
            severity: 'warning',
            code: 'suppression-date',
            file: file.path,
            range: c.range,
            message: `suppression expiry \`${exp}\` is not a date; the comment is ignored`,
            hint: 'write the date as exp:YYYY-MM-DD',
          });
          return;
        }
        out.push({
          ...base,
          source: m[7].toLowerCase() as 'tfsec' | 'trivy',
          ids: [m[8]!],
          reason: rest,
          ...(exp ? { expires: exp } : {}),
        });
      }
    });
  }
  return out;
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isExpired(s: SuppressionComment, now: number): boolean {
  return s.expires !== undefined && new Date(now).toISOString().slice(0, 10) > s.expires;
}

const PEER_TOOLS: Record<Exclude<SuppressionSource, 'tfguard'>, AliasTool[]> = {
  checkov: ['checkov'],
  tfsec: ['tfsec', 'trivy'],
  trivy: ['trivy', 'tfsec'],
};

/** Does the directive name this check? Our comments take IDs or any alias; peers' only their own aliases. */
function names(s: SuppressionComment, check: Check | undefined, checkId: string): boolean {
  const lower = s.ids.map((x) => x.toLowerCase());
  if (s.source === 'tfguard') {
    if (lower.includes(checkId.toLowerCase())) return true;
    if (!check) return false;
    return Object.values(check.aliases).some((list) => (list ?? []).some((a) => lower.includes(a.toLowerCase())));
  }
  if (!check) return false;
  return PEER_TOOLS[s.source].some((tool) => (check.aliases[tool] ?? []).some((a) => lower.includes(a.toLowerCase())));
}

interface Place {
  file: string;
  line: number;
}

/** The comment lines that apply to a place: on its line, or in the run of comment-only lines right above. */
function commentsAt(
  place: Place,
  byFileLine: Map<string, Map<number, SuppressionComment[]>>,
  ownLines: Map<string, Set<number>>,
): SuppressionComment[] {
  const lines = byFileLine.get(place.file);
  if (!lines) return [];
  const out = [...(lines.get(place.line) ?? [])];
  const own = ownLines.get(place.file)!;
  for (let l = place.line - 1; l >= 1 && own.has(l); l--) out.push(...(lines.get(l) ?? []).filter((s) => s.ownLine));
  return out;
}

/** Apply inline suppressions to findings. `checks` are all loaded checks (to resolve aliases). */
export function applySuppressions(
  findings: readonly Finding[],
  project: Project,
  checks: readonly Check[],
  options: SuppressOptions,
): SuppressResult {
  const result: SuppressResult = { kept: [], suppressed: [], problems: [], diagnostics: [] };
  if (!options.inline) {
    result.kept = [...findings];
    return result;
  }
  const byId = new Map(checks.map((c) => [c.id, c]));
  const byFileLine = new Map<string, Map<number, SuppressionComment[]>>();
  const ownLines = new Map<string, Set<number>>();
  const all: SuppressionComment[] = [];
  for (const f of project.files) {
    const lines = new Map<number, SuppressionComment[]>();
    const own = new Set<number>();
    // In a .tf.json file a comment is a `"//"` property, followed by a comma: a line of its own all the same.
    const json = f.path.endsWith('.json');
    for (const c of f.comments) {
      const before = textBefore(f.text, c.range.start.offset);
      const after = textAfter(f.text, c.range.end.offset);
      if (before.trim() === '' && (after.trim() === '' || (json && /^\s*,?\s*$/.test(after))))
        for (let l = c.range.start.line; l <= c.range.end.line; l++) own.add(l);
    }
    for (const s of parseSuppressions(f, result.diagnostics)) {
      if (s.source !== 'tfguard' && !options.peers) continue;
      all.push(s);
      const list = lines.get(s.line) ?? [];
      list.push(s);
      lines.set(s.line, list);
    }
    byFileLine.set(f.path, lines);
    ownLines.set(f.path, own);
  }
  const usable = (s: SuppressionComment): boolean => !isExpired(s, options.now) && !(options.requireReason && !s.reason.trim());
  for (const finding of findings) {
    const check = byId.get(finding.checkId);
    const resource = finding.resource;
    const places: Place[] = [{ file: finding.file, line: finding.range.start.line }];
    // A finding moved to where its value was written is still silenced by a comment on the attribute and each hop.
    for (const r of finding.related ?? []) places.push({ file: r.file, line: r.range.start.line });
    if (resource) {
      places.push({ file: resource.location.file, line: resource.location.range.start.line });
      for (const call of resource.moduleCalls) places.push({ file: call.location.file, line: call.location.range.start.line });
    }
    let candidates = places.flatMap((p) => commentsAt(p, byFileLine, ownLines));
    // checkov's own placement: anywhere inside the resource block.
    if (resource && options.peers) {
      const { start, end } = resource.blockRange;
      for (const [line, list] of byFileLine.get(resource.location.file) ?? []) {
        if (line > start.line && line <= end.line) candidates = candidates.concat(list.filter((s) => s.source === 'checkov'));
      }
    }
    const hit = candidates.find((s) => names(s, check, finding.checkId) && usable(s));
    if (hit) {
      result.suppressed.push({
        finding,
        by: {
          kind: 'inline',
          source: hit.source,
          reason: hit.reason,
          file: hit.file,
          line: hit.line,
          ...(hit.expires ? { expires: hit.expires } : {}),
        },
      });
    } else result.kept.push(finding);
  }
  for (const s of all) {
    const known =
      s.source === 'tfguard'
        ? s.ids.some((id) => checks.some((c) => names({ ...s, ids: [id] }, c, c.id)))
        : checks.some((c) => names(s, c, c.id));
    if (s.source === 'tfguard') {
      for (const id of s.ids) {
        if (!checks.some((c) => names({ ...s, ids: [id] }, c, c.id))) {
          result.diagnostics.push({
            severity: 'warning',
            code: 'suppression-id',
            file: s.file,
            range: s.range,
            message: `\`tfguard:ignore:${id}\` names no check; the comment silences nothing for it`,
            hint: 'use a check ID from `tfguard scan` output or a peer alias such as CKV_AWS_67',
          });
        }
      }
    }
    if (!known) continue;
    const comment = `${s.source === 'checkov' ? 'checkov:skip=' : `${s.source}:ignore:`}${s.ids.join(',')}`;
    if (isExpired(s, options.now)) result.problems.push({ kind: 'expired', comment, expires: s.expires!, file: s.file, range: s.range });
    else if (options.requireReason && !s.reason.trim())
      result.problems.push({ kind: 'unexplained', comment, file: s.file, range: s.range });
  }
  return result;
}

/**
 * A suppression problem as a result of tfguard's own rule, so it is counted, reported and baselined like any
 * finding; the comment stands where a resource address would.
 */
export function problemFinding(p: SuppressionProblem): Finding {
  const rule = p.kind === 'expired' ? EXPIRED_SUPPRESSION : UNEXPLAINED_SUPPRESSION;
  return {
    checkId: rule.id,
    severity: rule.severity,
    title: rule.title,
    address: p.comment,
    file: p.file,
    range: p.range,
    suppressionProblem: p,
  };
}
