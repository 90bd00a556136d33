// The GitHub Action: the inputs become the flags of `tfguard scan` and go through the same scan as
// the command line (runReportScan). It writes the SARIF file for github/codeql-action/upload-sarif
// (an empty run first, so the upload step never lacks a file), annotations, the job summary and the
// step outputs, and fails the step as `tfguard scan` would exit.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../checks/model.js';
import { SEVERITIES } from '../checks/model.js';
import { atLeast } from '../checks/selection.js';
import type { CliVariable } from '../evaluate/project.js';
import { initParser } from '../load/treesitter.js';
import { type Report, countBySeverity, defaultCategory, findRepoRoot, renderMarkdown, renderSarif } from '../report/index.js';
import type { Io } from '../cli/main.js';
import { type ScanFlags, type ScanSettings, runReportScan } from '../cli/report-scan.js';
import { annotations } from './annotations.js';
import { diffLines } from './diff.js';
import { type Env, appendSummary, getBoolean, getInput, getList, pullRequestBase, setOutputs } from './env.js';

export interface ActionPaths {
  /** The action's checkout (GITHUB_ACTION_PATH): its checks/ directory holds the built-in checks. */
  actionRoot: string;
  /** Directory holding tree-sitter.wasm and tree-sitter-hcl.wasm, when not in node_modules. */
  wasmDir?: string;
}

const DEFAULT_ANNOTATIONS = 10;

/** Run the action; returns the process exit code (0 pass, 1 findings at or above fail-on, 2 errors). */
export async function runAction(env: Env, paths: ActionPaths, io: Io): Promise<number> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const at = (p: string): string => resolve(workspace, p);
  const sarifInput = getInput(env, 'sarif-file') || 'tfguard.sarif';
  const sarifFile = at(sarifInput);
  const scanPaths = getList(env, 'path').map(at);
  if (!scanPaths.length) scanPaths.push(workspace);
  const category = getInput(env, 'category');
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
    io.stdout(`::error title=tfguard::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    appendSummary(env.GITHUB_STEP_SUMMARY, `## tfguard\n\nThe scan did not run: ${message.replace(/[\r\n]+/g, ' ')}\n`);
    setOutputs(env.GITHUB_OUTPUT, outputs(2));
    return 2;
  };

  // 1. A valid, empty SARIF run, so an upload step with `if: always()` finds a file whatever happens next.
  const repoRoot = findRepoRoot(scanPaths[0]!) ?? workspace;
  const scanRoot = scanPaths.length === 1 ? scanPaths[0]! : workspace;
  const empty: Report = {
    scanRoot,
    repoRoot,
    rules: [],
    findings: [],
    suppressed: [],
    unknowns: [],
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

  // 2. Inputs.
  const softFail = getBoolean(env, 'soft-fail');
  const changedOnly = getBoolean(env, 'changed-only');
  for (const b of [softFail, changedOnly]) if (b.error) return fail(b.error);
  const maxText = getInput(env, 'annotations');
  const maxAnnotations = maxText === '' ? DEFAULT_ANNOTATIONS : Number(maxText);
  if (!Number.isInteger(maxAnnotations) || maxAnnotations < 0)
    return fail(`input \`annotations\` must be a whole number (0 turns annotations off); found \`${maxText}\``);
  const failOn = getInput(env, 'fail-on').toLowerCase();
  const config = getInput(env, 'config');
  const flags: ScanFlags = {
    format: ['text', `sarif=${sarifFile}`],
    ...(config ? { config: at(config) } : {}),
    ...(getList(env, 'check').length ? { check: getList(env, 'check') } : {}),
    ...(getList(env, 'skip-check').length ? { skipCheck: getList(env, 'skip-check') } : {}),
    ...(failOn ? { failOn: failOn as Severity | 'none' } : {}),
    ...(softFail.value !== undefined ? { softFail: softFail.value } : {}),
    ...(category ? { sarifCategory: category } : {}),
    checksDir: getList(env, 'checks-dir').map(at),
    variables: getList(env, 'var-files').map((p): CliVariable => ({ kind: 'file', path: at(p) })),
  };
  const base = pullRequestBase(env);
  if (changedOnly.value) {
    if (base.sha) flags.changedSince = base.sha;
    else io.stdout(`::warning title=tfguard::changed-only: ${base.problem}; scanning everything\n`);
  }

  // 3. The scan, as `tfguard scan` runs it.
  process.chdir(workspace);
  if (paths.wasmDir) await initParser(paths.wasmDir);
  let report: Report | undefined;
  let settings: ScanSettings | undefined;
  const code = await runReportScan(
    scanPaths,
    flags,
    { color: false, builtinDir: join(paths.actionRoot, 'checks'), base: workspace, onReport: (r, s) => ((report = r), (settings = s)) },
    io,
  );

  // 4. Annotations, summary, outputs.
  if (report) {
    const diff = base.sha ? diffLines(base.sha, report.repoRoot) : undefined;
    const a = annotations(report, diff, maxAnnotations);
    io.stdout(a.text);
    let summary = renderMarkdown(report);
    summary += `\n${a.shown} of ${a.total} shown as annotations${diff ? ' (lines changed by the pull request first, then the most severe)' : ' (the most severe first)'}; every finding is in \`${sarifInput}\`.\n`;
    appendSummary(env.GITHUB_STEP_SUMMARY, summary);
    if (code === 1 && settings) {
      const over = report.findings.filter((f) => settings!.failOn !== 'none' && atLeast(f.severity, settings!.failOn as Severity)).length;
      io.stdout(
        `::error title=tfguard::${over} finding${over === 1 ? '' : 's'} at or above fail-on=${settings.failOn}; set soft-fail: true to report without failing\n`,
      );
    }
  } else {
    appendSummary(env.GITHUB_STEP_SUMMARY, `## tfguard\n\nThe scan did not run (exit code ${code}); the log names the problem.\n`);
  }
  setOutputs(env.GITHUB_OUTPUT, outputs(code, report));
  return code;
}

/** Where the action's files are: the checkout root (GITHUB_ACTION_PATH, else two levels above the bundle). */
export function actionPaths(env: Env, bundleDir: string): ActionPaths {
  const fromEnv = env.GITHUB_ACTION_PATH;
  const actionRoot = fromEnv && existsSync(join(fromEnv, 'checks')) ? resolve(fromEnv) : resolve(bundleDir, '..', '..');
  return { actionRoot, ...(existsSync(join(bundleDir, 'tree-sitter-hcl.wasm')) ? { wasmDir: bundleDir } : {}) };
}
