// The GitHub Action: its inputs (read as the option table defines them, inputs.ts) go through the same scan as
// `tfguard scan` (src/scan). It writes the SARIF file for github/codeql-action/upload-sarif (an empty run first, so the
// upload step never lacks a file), the text report, annotations, the job summary and the step outputs, and fails the
// step as `tfguard scan` would exit.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Io } from '../common/io.js';
import { findRepoRoot } from '../common/repo.js';
import { workflowCommand } from '../common/escape.js';
import { SEVERITIES, type Severity } from '../checks/model.js';
import { atLeast } from '../checks/selection.js';
import { type Report, countBySeverity, defaultCategory, render, renderDiagnostics, renderMarkdown, renderSarif } from '../report/index.js';
import { scan } from '../scan/scan.js';
import { annotations } from './annotations.js';
import { diffLines } from './diff.js';
import { type Env, appendSummary, pullRequestBase, setOutputs } from './env.js';
import { readInputs } from './inputs.js';

export interface ActionPaths {
  /** The action's checkout (GITHUB_ACTION_PATH): its checks/ directory holds the built-in checks. */
  actionRoot: string;
}

/** Run the action; returns the process exit code (0 pass, 1 findings at or above fail-on, 2 errors). */
export async function runAction(env: Env, paths: ActionPaths, io: Io): Promise<number> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const read = readInputs(env, workspace);
  const sarifInput = 'inputs' in read ? read.inputs.sarifInput : 'tfguard.sarif';
  const outputs = (exitCode: number, report?: Report): Record<string, string> => {
    const counts = countBySeverity(report?.findings ?? []);
    return {
      'sarif-file': sarifInput,
      findings: String(report?.findings.length ?? 0),
      ...Object.fromEntries(SEVERITIES.map((s) => [s, String(counts[s])])),
      suppressed: String(report?.suppressed.length ?? 0),
      'exit-code': String(exitCode),
    };
  };
  const fail = (message: string): number => {
    io.stdout(workflowCommand('error', { title: 'tfguard' }, message));
    appendSummary(env.GITHUB_STEP_SUMMARY, `## tfguard\n\nThe scan did not run: ${message.replace(/[\r\n]+/g, ' ')}\n`);
    setOutputs(env.GITHUB_OUTPUT, outputs(2));
    return 2;
  };

  // 1. A valid, empty SARIF run, so an upload step with `if: always()` finds a file whatever happens next.
  const sarifFile = resolve(workspace, sarifInput);
  const firstPath = 'inputs' in read ? read.inputs.paths[0]! : workspace;
  const repoRoot = findRepoRoot(firstPath) ?? workspace;
  const scanRoot = 'inputs' in read && read.inputs.paths.length === 1 ? firstPath : workspace;
  const category = 'inputs' in read ? read.inputs.flags.sarifCategory : undefined;
  const empty: Report = {
    scanRoot,
    repoRoot,
    rules: [],
    findings: [],
    suppressed: [],
    unknowns: [],
    blocked: [],
    passed: [],
    fixed: [],
    diagnostics: [],
    sources: new Map(),
    resources: 0,
    category: category || defaultCategory({ repoRoot, scanRoot }),
  };
  try {
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, renderSarif(empty));
  } catch (e) {
    return fail(`cannot write the SARIF file ${sarifFile}: ${(e as Error).message}`);
  }
  if (!('inputs' in read)) return fail(read.error);
  const inputs = read.inputs;

  // 2. Pull-request scoping.
  const base = pullRequestBase(env);
  const flags = { ...inputs.flags };
  if (inputs.changedOnly) {
    if (base.sha) flags.changedSince = base.sha;
    else io.stdout(workflowCommand('warning', { title: 'tfguard' }, `changed-only: ${base.problem}; scanning everything`));
  }

  // 3. The scan, as `tfguard scan` runs it.
  process.chdir(workspace);
  const r = await scan({ paths: inputs.paths, flags, builtinDir: join(paths.actionRoot, 'checks') });
  if (!r.ok) {
    io.stderr(renderDiagnostics(r.diagnostics));
    io.stderr(`tfguard: ${r.message}\n${r.hint ? `  = help: ${r.hint}\n` : ''}`);
    appendSummary(env.GITHUB_STEP_SUMMARY, `## tfguard\n\nThe scan did not run (exit code ${r.exitCode}); the log names the problem.\n`);
    setOutputs(env.GITHUB_OUTPUT, outputs(r.exitCode));
    return r.exitCode;
  }
  const report = r.report;
  io.stdout(
    render('text', report, { color: false, showUnknown: r.settings.showUnknown, showBlocked: r.settings.showBlocked, base: workspace }),
  );
  try {
    writeFileSync(sarifFile, render('sarif', report, { includeSuppressed: r.settings.sarifIncludeSuppressed }));
  } catch (e) {
    return fail(`cannot write the SARIF file ${sarifFile}: ${(e as Error).message}`);
  }
  io.stderr(
    renderDiagnostics(
      r.diagnostics,
      [...report.sources].map(([path, text]) => ({ path, text })),
    ),
  );

  // 4. Annotations, summary, outputs.
  const diff = base.sha ? diffLines(base.sha, report.repoRoot) : undefined;
  const a = annotations(report, diff, inputs.annotations);
  io.stdout(a.text);
  let summary = renderMarkdown(report);
  summary += `\n${a.shown} of ${a.total} shown as annotations${diff ? ' (lines changed by the pull request first, then the most severe)' : ' (the most severe first)'}; every finding is in \`${sarifInput}\`.\n`;
  appendSummary(env.GITHUB_STEP_SUMMARY, summary);
  const failOn = r.settings.failOn;
  if (r.exitCode === 1 && failOn !== 'none') {
    const over = report.findings.filter((f) => atLeast(f.severity, failOn as Severity)).length;
    const what = `${over} finding${over === 1 ? '' : 's'} at or above fail-on=${failOn}; set soft-fail: true to report without failing`;
    io.stdout(workflowCommand('error', { title: 'tfguard' }, what));
  }
  setOutputs(env.GITHUB_OUTPUT, outputs(r.exitCode, report));
  return r.exitCode;
}

/** Where the action's files are: the checkout root (GITHUB_ACTION_PATH, else two levels above the bundle). */
export function actionPaths(env: Env, bundleDir: string): ActionPaths {
  const fromEnv = env.GITHUB_ACTION_PATH;
  const actionRoot = fromEnv && existsSync(join(fromEnv, 'checks')) ? resolve(fromEnv) : resolve(bundleDir, '..', '..');
  return { actionRoot };
}
