// `tfguard explain <path>`: every finding and unknown result once per cause, with the tests of the check's logic
// that decided it, the values they saw and where each was written; `--tree` adds the whole evaluation, `--format
// json` gives the same as data.
import { resolve } from 'node:path';
import type { Range } from '../common/diagnostics.js';
import { findRepoRoot } from '../common/repo.js';
import { type Check, runChecks } from '../checks/index.js';
import { projectWorlds } from '../checks/run.js';
import { selectChecks } from '../checks/selection.js';
import type { Project } from '../evaluate/model.js';
import type { TraceNode } from '../gsl/index.js';
import { relativeTo } from '../report/paths.js';
import { type CauseInput, type ExplainedCause, explainCauses } from './explain-causes.js';
import { displayPath } from '../report/diagnostics.js';
import { inert } from '../report/text.js';
import type { ProjectOptions } from '../evaluate/project.js';
import type { Io } from '../common/io.js';
import { renderDiagnostics } from '../report/index.js';
import { type InputFlags, loadInputs } from '../scan/inputs.js';
import { EXIT_ERROR, EXIT_OK } from '../scan/scan.js';
import { checksOrPrint } from './check-set.js';

const MAX_DEPTH = 40;

function mark(result: TraceNode['result']): string {
  return result === 'true' ? 'true ' : result === 'false' ? 'FALSE' : 'UNKNOWN';
}

/** The trace as indented lines; parts that came out true under a false parent are kept (they show what held). */
export function traceLines(node: TraceNode, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_DEPTH) {
    out.push(`${'  '.repeat(depth)}…`);
    return out;
  }
  const values = node.values && node.values.length ? `   saw: ${node.values.map(inert).join(', ')}` : '';
  const at = node.at && depth > 0 ? `   at ${inert(node.at)}` : '';
  out.push(`${'  '.repeat(depth)}[${mark(node.result)}] ${inert(node.expr)}${values}${at}`);
  for (const c of node.children ?? []) traceLines(c, depth + 1, out);
  return out;
}

export interface ExplainOptions {
  now: number;
  check: string[];
  /** Also list passing results. */
  all?: boolean;
  /** Also show the whole evaluation tree of each cause. */
  tree?: boolean;
}

/** The most tests shown per cause, and values per test, in text (JSON has them all). */
const SHOWN_LEAVES = 3;
const SHOWN_VALUES = 5;

export interface Explanation {
  causes: ExplainedCause[];
  passes: { checkId: string; address: string; file: string; range: Range }[];
  blocked: { requires: string; count: number }[];
  unmatched: string[];
}

/** Explain every finding and unknown result of the checks over the project, once per cause. */
export function explainProject(project: Project, checks: readonly Check[], options: ExplainOptions): Explanation {
  const sel = selectChecks(checks, { include: options.check, exclude: [] });
  const byId = new Map(sel.checks.map((c) => [c.id, c]));
  const inputs: CauseInput[] = [];
  const passes: Explanation['passes'] = [];
  const blocked = new Map<string, number>();
  // One root at a time: addresses repeat across roots.
  for (const { root } of projectWorlds(project)) {
    const own = project.resources.filter((r) => (r.root ?? project.root) === root);
    const sub: Project = { ...project, resources: own };
    const addresses = new Map(own.map((r) => [r.address, r]));
    const run = runChecks(sel.checks, sub, { now: options.now, explain: true });
    for (const f of run.findings) inputs.push({ check: byId.get(f.checkId)!, result: f, byAddress: addresses });
    for (const u of run.unknowns) inputs.push({ check: byId.get(u.checkId)!, result: u, byAddress: addresses });
    for (const b of run.blocked) blocked.set(b.requires, (blocked.get(b.requires) ?? 0) + 1);
    if (options.all) for (const p of run.passes) passes.push({ checkId: p.checkId, address: p.address, file: p.file, range: p.range });
  }
  const causes = explainCauses(inputs);
  if (!options.tree) for (const c of causes) delete c.trace;
  return {
    causes,
    passes,
    blocked: [...blocked].map(([requires, count]) => ({ requires, count })),
    unmatched: sel.unmatched.map((u) => u.pattern),
  };
}

const at = (p: { file: string; range: Range }): string => `${displayPath(p.file)}:${p.range.start.line}:${p.range.start.column}`;

/** The explanation for people: each cause, its message, the tests that decided it and the values they saw. */
export function explainText(e: Explanation): string {
  const out: string[] = [];
  for (const c of e.causes) {
    const more = c.addresses.length > 1 ? ` (and ${c.addresses.length - 1} more instance${c.addresses.length === 2 ? '' : 's'})` : '';
    out.push(
      `${inert(at(c.place))}  ${c.status === 'finding' ? 'FINDING' : 'UNKNOWN'}  ${c.checkId}  ${inert(c.addresses[0] ?? '')}${more}`,
    );
    out.push(`  ${inert(c.message)}`);
    for (const l of c.leaves.slice(0, SHOWN_LEAVES)) {
      const verdict = l.result === 'true' ? 'holds' : l.result === 'false' ? 'fails' : 'unknown';
      out.push(`  ${verdict}: ${inert(l.test)}${l.at ? `   at ${inert(l.at)}` : ''}`);
      for (const v of l.saw.slice(0, SHOWN_VALUES)) {
        const where = v.written ? `   written at ${at(v.written)} (${v.written.what})` : '';
        // A value with no attribute (a count, a list of related resources) is said of its entity.
        const saw = v.path ? `${v.address}.${v.path} = ${v.value}` : `${v.value} for ${v.address}`;
        out.push(`    saw ${inert(saw)}${inert(where)}`);
      }
      if (l.saw.length > SHOWN_VALUES) out.push(`    and ${l.saw.length - SHOWN_VALUES} more values`);
    }
    if (c.leaves.length > SHOWN_LEAVES)
      out.push(`  and ${c.leaves.length - SHOWN_LEAVES} more tests (--format json lists them, --tree shows the whole evaluation)`);
    for (const r of c.reasons) out.push(`  unknown because: ${inert(r)}`);
    if (c.addresses.length > 1)
      out.push(`  instances: ${c.addresses.slice(0, 10).map(inert).join(', ')}${c.addresses.length > 10 ? ', …' : ''}`);
    if (c.trace) out.push(...traceLines(c.trace, 1));
    out.push('');
  }
  for (const p of e.passes) out.push(`${inert(at(p))}  PASS  ${p.checkId}  ${inert(p.address)}`);
  if (e.passes.length) out.push('');
  const findings = e.causes.filter((c) => c.status === 'finding').length;
  const unknown = e.causes.length - findings;
  const blocked = e.blocked.map((b) => `; ${b.count} result${b.count === 1 ? '' : 's'} blocked by ${b.requires}`).join('');
  out.push(
    e.causes.length
      ? `${findings} finding${findings === 1 ? '' : 's'} and ${unknown} unknown result${unknown === 1 ? '' : 's'} explained${blocked}`
      : `nothing to explain: every check passed on every resource${blocked}`,
  );
  return out.join('\n') + '\n';
}

/** The explanation as JSON: paths relative to `base` (the repository root). */
export function explainJson(e: Explanation, base: string): string {
  const rel = (f: string): string => relativeTo(base, f) ?? f;
  const place = (p: { file: string; range: Range }): { file: string; line: number; column: number } => ({
    file: rel(p.file),
    line: p.range.start.line,
    column: p.range.start.column,
  });
  const doc = {
    version: 1,
    causes: e.causes.map((c) => ({
      check_id: c.checkId,
      title: c.title,
      status: c.status,
      ...place(c.place),
      message: c.message,
      message_id: c.messageId ?? null,
      addresses: c.addresses,
      leaves: c.leaves.map((l) => ({
        test: l.test,
        result: l.result,
        at: l.at,
        saw: l.saw.map((v) => ({
          address: v.address,
          path: v.path,
          value: v.value,
          written: v.written ? { ...place(v.written), what: v.written.what } : null,
        })),
      })),
      reasons: c.reasons,
      ...(c.trace ? { trace: c.trace } : {}),
    })),
    passes: e.passes.map((p) => ({ check_id: p.checkId, address: p.address, ...place(p) })),
    blocked: e.blocked,
    summary: {
      findings: e.causes.filter((c) => c.status === 'finding').length,
      unknown: e.causes.filter((c) => c.status === 'unknown').length,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export interface RunExplainOptions {
  checksDir: string[];
  check: string[];
  all: boolean;
  tree: boolean;
  format: string;
  inputs: InputFlags;
  load: ProjectOptions;
  builtinDir?: string;
  now?: number;
}

export async function runExplain(path: string | undefined, opts: RunExplainOptions, io: Io): Promise<number> {
  if (opts.format !== 'text' && opts.format !== 'json') {
    io.stderr(`tfguard explain: --format \`${inert(opts.format)}\` is not a format of explain; use text or json\n`);
    return EXIT_ERROR;
  }
  const checks = await checksOrPrint({ dirs: opts.checksDir, ...(opts.builtinDir ? { builtinDir: opts.builtinDir } : {}) }, io);
  if (!checks) return EXIT_ERROR;
  const project = await loadInputs(path, opts.inputs, opts.load);
  if ('usage' in project) {
    io.stderr(`tfguard explain: ${project.usage}\n`);
    return EXIT_ERROR;
  }
  const e = explainProject(project, checks, { now: opts.now ?? Date.now(), check: opts.check, all: opts.all, tree: opts.tree });
  if (e.unmatched.length) {
    io.stderr(`tfguard: --check \`${e.unmatched[0]}\` names no check\n`);
    return EXIT_ERROR;
  }
  const base = opts.load.boundary ?? findRepoRoot(resolve(path ?? opts.inputs.plan ?? '.')) ?? resolve(project.root);
  io.stdout(opts.format === 'json' ? explainJson(e, base) : explainText(e));
  io.stderr(renderDiagnostics(project.diagnostics, project.files));
  return project.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERROR : EXIT_OK;
}
