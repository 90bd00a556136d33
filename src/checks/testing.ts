// The embedded tests of checks (`tfguard test`): each test's Terraform snippet is loaded from a
// temporary directory exactly as `tfguard scan` loads a project (or its JSON resource is taken as
// is), only that check is run, and the outcome is compared with `expect` and, for a snippet, with its
// `# expect` marks (line and column of each result).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project, Resource } from '../evaluate/model.js';
import { loadProject } from '../evaluate/project.js';
import { testInputProject } from '../evaluate/data.js';
import { type ObjectValue, fromJSON } from '../evaluate/value.js';
import type { Check, CheckRunResult, CheckTest, ExpectMark } from './model.js';
import { runChecks } from './run.js';

export interface TestOutcome {
  check: Check;
  test: CheckTest;
  passed: boolean;
  /** What the check gave: fail (a finding), unknown, pass; error when the snippet could not be loaded. */
  got: 'fail' | 'pass' | 'unknown' | 'error';
  /** Why it did not pass. */
  message?: string;
}

export interface TestRunOptions {
  now?: number;
}

/** Run the embedded tests of every check, in order of checks and tests. */
export async function runCheckTests(checks: readonly Check[], options: TestRunOptions = {}): Promise<TestOutcome[]> {
  const out: TestOutcome[] = [];
  let tmp: string | undefined;
  let n = 0;
  try {
    for (const check of checks) {
      for (const test of check.tests) {
        const input = test.input;
        if (input.kind === 'terraform') {
          tmp ??= mkdtempSync(join(tmpdir(), 'tfguard-test-'));
          const dir = join(tmp, String(n++));
          mkdirSync(dir);
          writeFileSync(join(dir, 'main.tf'), input.text);
          const project = await loadProject(dir, { env: {} });
          const errors = project.diagnostics.filter((d) => d.severity === 'error');
          if (errors.length) {
            const d = errors[0]!;
            const where = d.range ? `line ${d.range.start.line}:${d.range.start.column} of the snippet` : 'the snippet';
            out.push({ check, test, passed: false, got: 'error', message: `the snippet does not load: ${where}: ${d.message}` });
            continue;
          }
          out.push(judge(check, test, runChecks([check], project, runOptions(test, options)), input.marks));
        } else if (input.kind === 'resource') {
          out.push(judge(check, test, runChecks([check], resourceProject(check, test, input), runOptions(test, options))));
        } else {
          // plan / snapshot / log: read by the same readers as files (docs/plans.md).
          const read = testInputProject(input.kind, input.document, check.file, test.fileLine);
          if (!read.project)
            out.push({ check, test, passed: false, got: 'error', message: `the ${input.kind} cannot be read: ${read.error}` });
          else out.push(judge(check, test, runChecks([check], read.project, runOptions(test, options))));
        }
      }
    }
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

/** A test's own `now` replaces the run's. */
function runOptions(test: CheckTest, options: TestRunOptions): TestRunOptions {
  return test.now !== undefined ? { ...options, now: Date.parse(test.now) } : options;
}

/** A project of the one resource a JSON test gives (address `<type>.test`). */
function resourceProject(check: Check, test: CheckTest, { type, values }: { type: string; values: Record<string, unknown> }): Project {
  const at = { line: test.fileLine, column: 1, offset: 0 };
  const range = { start: at, end: at };
  const resource: Resource = {
    address: `${type}.test`,
    module: '',
    mode: 'managed',
    type,
    name: 'test',
    values: fromJSON(values) as ObjectValue,
    location: { file: check.file, range },
    blockRange: range,
    ranges: {},
    moduleCalls: [],
    dependsOn: [],
    references: {},
  };
  return { root: '.', resources: [resource], modules: [], diagnostics: [], files: [] };
}

function judge(check: Check, test: CheckTest, r: CheckRunResult, marks: readonly ExpectMark[] = []): TestOutcome {
  const got = r.findings.length ? 'fail' : r.unknowns.length ? 'unknown' : 'pass';
  const base = { check, test, got } as const;
  if (got !== test.expect) {
    const detail =
      got === 'fail'
        ? `: ${r.findings.map((f) => `${f.address} at line ${f.range.start.line}`).join(', ')}`
        : got === 'unknown'
          ? `: ${r.unknowns.map((u) => `${u.address} (${u.reasons.join('; ')})`).join(', ')}`
          : '';
    return { ...base, passed: false, message: `expected ${test.expect}, got ${got}${detail}` };
  }
  if (got === 'pass' || !marks.length) return { ...base, passed: true };
  // Every marked place has a result, and every result stands at a marked place (line and column).
  const what = got === 'fail' ? 'finding' : 'unknown result';
  const places = (got === 'fail' ? r.findings : r.unknowns).map((f) => f.range.start);
  const at = (p: { line: number; column: number }): string => `${p.line}:${p.column}`;
  const missing = marks.filter((m) => !places.some((p) => p.line === m.line && p.column === m.column));
  const extra = places.filter((p) => !marks.some((m) => p.line === m.line && p.column === m.column));
  // `# expect: <id>`: the finding there says that message.
  const wrongMessage =
    got === 'fail'
      ? marks.flatMap((m) => {
          if (m.messageId === undefined) return [];
          const f = r.findings.find((x) => x.range.start.line === m.line && x.range.start.column === m.column);
          return f && f.messageId !== m.messageId
            ? [
                `the finding at ${at(m)} says ${f.messageId ? `message \`${f.messageId}\`` : "none of the check's messages"}, not \`${m.messageId}\``,
              ]
            : [];
        })
      : [];
  if (!missing.length && !extra.length && !wrongMessage.length) return { ...base, passed: true };
  const parts = [
    ...(missing.length ? [`expected a ${what} at ${missing.map(at).join(', ')} of the snippet (marked \`# expect\`)`] : []),
    ...(extra.length
      ? [`got ${extra.length === 1 ? `a ${what}` : `${what}s`} at ${[...new Set(extra.map(at))].join(', ')}, which no \`# expect\` marks`]
      : []),
    ...wrongMessage,
  ];
  return { ...base, passed: false, message: parts.join('; ') };
}
