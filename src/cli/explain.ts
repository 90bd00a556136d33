// `tfguard explain <path>`: for every result that is not a pass, the GSL logic as a tree with what
// each part evaluated to, the values it saw, and where unknown values came from.
import type { Check } from '../checks/index.js';
import { projectWorlds } from '../checks/run.js';
import { reportLocation } from '../checks/location.js';
import { selectChecks } from '../checks/selection.js';
import type { Project } from '../evaluate/model.js';
import { type TraceNode, runRule } from '../gsl/index.js';
import { inert } from '../common/escape.js';
import { linePath } from '../report/text.js';
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
  /** Also explain passing results. */
  all?: boolean;
}

/** Explain every failing or unknown result; returns the text and how many results it covers. */
export function explainProject(
  project: Project,
  checks: readonly Check[],
  options: ExplainOptions,
): { text: string; count: number; unmatched: string[] } {
  const sel = selectChecks(checks, { include: options.check, exclude: [] });
  const out: string[] = [];
  let count = 0;
  for (const { root, world, byAddress } of projectWorlds(project))
    for (const check of sel.checks) {
      for (const r of runRule(check.rule, world, { now: options.now, explain: true })) {
        if (r.status === 'pass' && (!options.all || r.excluded)) continue;
        count++;
        const resource = byAddress.get(r.entity);
        const blame = r.blame.find((b) => b.address === r.entity)?.path ?? '';
        const at = resource ? reportLocation(resource, blame) : undefined;
        // The line begins with a path as compilers print it (./…), never with scanned text.
        const where = at
          ? `${linePath(process.cwd(), at.file)}:${at.range.start.line}:${at.range.start.column}`
          : linePath(process.cwd(), root);
        const verdict = r.status === 'fail' ? 'FINDING' : r.status === 'unknown' ? 'UNKNOWN' : 'PASS';
        out.push(`${where}  ${verdict}  ${check.id}  ${inert(r.entity)}`);
        out.push(`  ${inert(check.title)}`);
        if (r.trace) out.push(...traceLines(r.trace, 1));
        if (r.blame.length)
          out.push(
            `  decided by: ${r.blame
              .map((b) => (b.path ? `${b.address}.${b.path}` : b.address))
              .map(inert)
              .join(', ')}`,
          );
        for (const reason of r.reasonText) out.push(`  unknown because: ${inert(reason)}`);
        out.push('');
      }
    }
  out.push(count ? `${count} result${count === 1 ? '' : 's'} explained` : 'nothing to explain: every check passed on every resource');
  return { text: out.join('\n') + '\n', count, unmatched: sel.unmatched.map((u) => u.pattern) };
}

export interface RunExplainOptions {
  checksDir: string[];
  check: string[];
  all: boolean;
  inputs: InputFlags;
  load: ProjectOptions;
  builtinDir?: string;
  now?: number;
}

export async function runExplain(path: string | undefined, opts: RunExplainOptions, io: Io): Promise<number> {
  const checks = await checksOrPrint({ dirs: opts.checksDir, ...(opts.builtinDir ? { builtinDir: opts.builtinDir } : {}) }, io);
  if (!checks) return EXIT_ERROR;
  const project = await loadInputs(path, opts.inputs, opts.load);
  if ('usage' in project) {
    io.stderr(`tfguard explain: ${project.usage}\n`);
    return EXIT_ERROR;
  }
  const r = explainProject(project, checks, { now: opts.now ?? Date.now(), check: opts.check, all: opts.all });
  if (r.unmatched.length) {
    io.stderr(`tfguard: --check \`${r.unmatched[0]}\` names no check\n`);
    return EXIT_ERROR;
  }
  io.stdout(r.text);
  io.stderr(renderDiagnostics(project.diagnostics, project.files));
  return project.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERROR : EXIT_OK;
}
