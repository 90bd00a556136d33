// Issue 12, item 2: one escaper for every output. Line feed, carriage return, escape, `::`, `%0A` and bidi controls
// go through every field tfguard prints (folder and file names, resource type, name and value, a team check's title,
// a plan's address, a snapshot's trail) and every output (the seven formats, the benchmark report, `fix --dry-run`, `explain`, `resources`, the diagnostics
// and the Action's log). No output line may begin with scanned text or with `::` unless it is tfguard's own workflow
// command, whose properties and data are escaped as the runner reads them; JSON and SARIF stay valid and give back
// the original strings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runAction } from '../../src/action/main.js';
import { main } from '../../src/cli/main.js';

/** Scanned text whose every piece after a break would be a workflow command of its own. */
const hostile = (marker: string): string => `${marker}\n::error::${marker}\r::warning::${marker}\u001b[31m%0A::notice::${marker}\u202e!`;
/** The same as an HCL string literal's content (escapes HCL reads back as the characters above). */
const hcl = (marker: string): string => JSON.stringify(hostile(marker)).slice(1, -1);

const MARKERS = ['DIRX', 'FILEX', 'TYPEX', 'NAMEX', 'VALUEX', 'TITLEX', 'MSGX', 'TESTX'];

// tfguard's own workflow commands: ::error|warning|notice with a file first (each property escaped: no raw `:` or
// `,` in a value), or title=tfguard alone, then `::`. A folder named `::warning title=T::` is none of these.
const OWN = /^::(error|warning|notice) (file=[^:,\r\n]*(,[A-Za-z]+=[^:,\r\n]*)*|title=tfguard)::/;

interface Out {
  what: string;
  code: number;
  stdout: string;
  stderr: string;
}

function setup(): { root: string; dir: string; file: string; checks: string; plan: string; trails: string; actionRoot: string } {
  const base = mkdtempSync(join(tmpdir(), 'tfguard-escape-'));
  const root = join(base, 'repo');
  const dir = join(root, `::warning title=T::m${hostile('DIRX')}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `main${hostile('FILEX')}.tf`);
  writeFileSync(
    file,
    [
      `resource "aws_cloudtrail" "t${hcl('NAMEX')}" {`,
      `  is_multi_region_trail = "no${hcl('VALUEX')}"`,
      '}',
      '',
      `resource "${hcl('TYPEX')}" "x" {`,
      '  a = 1',
      '}',
      '',
      'resource "::error::TYPEX" "y" {',
      '  a = 1',
      '}',
      '',
    ].join('\n'),
  );
  // A syntax error on a line holding raw escape and bidi characters: the diagnostic shows the line.
  writeFileSync(join(dir, 'broken.tf'), `locals {\n  a = = "\u001b[31m\u202e"\n}\n`);
  const checks = join(base, 'checks');
  mkdirSync(checks);
  writeFileSync(
    join(checks, 'team.yaml'),
    [
      'id: TEAM.ESC.1',
      `title: ${JSON.stringify(`Trails ${hostile('TITLEX')}`)}`,
      'severity: high',
      'description: d',
      'remediation: r',
      'logic: aws_cloudtrail should have is_multi_region_trail=true',
      'messages:',
      '  hostile:',
      `    text: ${JSON.stringify(`${hostile('MSGX')} saw {{ value }}`)}`,
      'tests:',
      `  - name: ${JSON.stringify(`single region ${hostile('TESTX')}`)}`,
      '    expect: pass', // fails, so `tfguard test` prints its message too
      '    resource: { type: aws_cloudtrail, values: { is_multi_region_trail: false } }',
      '',
    ].join('\n'),
  );
  const plan = join(base, 'plan.json');
  const address = `aws_cloudtrail.p${hostile('NAMEX')}`;
  writeFileSync(
    plan,
    JSON.stringify({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address,
              mode: 'managed',
              type: 'aws_cloudtrail',
              name: `p${hostile('NAMEX')}`,
              values: { name: hostile('VALUEX'), is_multi_region_trail: false },
            },
          ],
        },
      },
      resource_changes: [],
    }),
  );
  const trails = join(base, 'trails.json');
  writeFileSync(
    trails,
    JSON.stringify({ trailList: [{ Name: hostile('NAMEX'), TrailARN: hostile('VALUEX'), IsMultiRegionTrail: false }] }),
  );
  const actionRoot = join(base, 'action'); // an action checkout with no built-in checks
  mkdirSync(join(actionRoot, 'checks'), { recursive: true });
  return { root, dir, file, checks, plan, trails, actionRoot };
}

async function run(what: string, argv: string[]): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { what, code, stdout, stderr };
}

/** The runner's reading of a workflow command's escapes. */
const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Every line of a human-readable output: none starts with `::` but tfguard's own commands; no raw control left. */
function leaks(o: Out, stream: 'stdout' | 'stderr'): string[] {
  const text = o[stream];
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.exec(text);
  if (raw)
    found.push(
      `${o.what} ${stream}: a raw control character near ${JSON.stringify(text.slice(Math.max(0, raw.index - 60), raw.index + 10))}`,
    );
  for (const line of text.split(/\r\n|\r|\n/))
    if (line.startsWith('::') && !OWN.test(line))
      found.push(`${o.what} ${stream}: a line starts with scanned text: ${JSON.stringify(line)}`);
  return found;
}

describe('hostile text through every output', () => {
  const s = setup();
  const cwd = process.cwd();

  it('scan in every format, explain and resources: no line starts with scanned text, machine formats round-trip', async () => {
    process.chdir(s.root);
    const outs: Out[] = [];
    try {
      const common = ['--no-config', '--checks-dir', s.checks, '--show-unknown', '--show-blocked'];
      for (const f of ['text', 'github', 'markdown', 'junit', 'json', 'sarif', 'html'])
        for (const [label, target] of [
          ['code', s.root],
          ['plan', s.plan],
          ['snapshot', s.trails],
        ] as const)
          outs.push(await run(`scan ${label} --format ${f}`, ['scan', ...common, '--format', f, target]));
      for (const [label, target] of [
        ['code', s.root],
        ['plan', s.plan],
        ['snapshot', s.trails],
      ] as const) {
        outs.push(await run(`explain ${label}`, ['explain', '--all', '--checks-dir', s.checks, target]));
        outs.push(await run(`resources ${label}`, ['resources', target]));
        outs.push(await run(`resources ${label} --format json`, ['resources', '--format', 'json', target]));
      }
      outs.push(await run('test', ['test', '--checks-dir', s.checks]));
      for (const f of ['markdown', 'html'])
        outs.push(
          await run(`scan code --benchmark --format ${f}`, ['scan', ...common, '--benchmark', 'cis-aws-5.0.0', '--format', f, s.root]),
        );
      outs.push(await run('fix code --dry-run', ['fix', '--no-config', '--checks-dir', s.checks, '--dry-run', s.root]));
    } finally {
      process.chdir(cwd);
    }
    const byName = new Map(outs.map((o) => [o.what, o]));
    const found: string[] = [];
    for (const o of outs) {
      if (/internal error|\n\s+at /.test(o.stderr)) found.push(`${o.what}: ${o.stderr}`);
      found.push(...leaks(o, 'stderr'));
      if (!/json|sarif|junit/.test(o.what)) found.push(...leaks(o, 'stdout'));
    }
    assert.deepEqual(found, []);
    // Every field went through: each marker is shown (escaped) by the text format or resources.
    const shown = [byName.get('scan code --format text')!, byName.get('resources code')!, byName.get('explain code')!, byName.get('test')!]
      .map((o) => o.stdout + o.stderr)
      .join('\n');
    for (const m of MARKERS) assert.ok(shown.includes(m), `${m} never reached the output`);

    // The github format's properties and data give back the original text when the runner unescapes them.
    const gh = byName.get('scan code --format github')!;
    const files = gh.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => /file=([^,:]*)/.exec(l)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(unescapeProperty);
    // Line breaks travel escaped as the runner reads them; escape and bidi controls are shown inert.
    const asShown = (x: string): string => x.replaceAll('\u001b', '\\x1b').replaceAll('\u202e', '\\u{202e}');
    const shownFile = asShown(s.file);
    assert.ok(
      files.some((f) => join(s.root, f) === shownFile),
      `no annotation names ${JSON.stringify(shownFile)}: ${gh.stdout}`,
    );
    const titles = gh.stdout.split('\n').map((l) => /,title=([^,:]*)/.exec(l)?.[1]);
    const shownTitle = asShown(hostile('TITLEX'));
    assert.ok(
      titles.some((t) => t !== undefined && unescapeProperty(t).includes(shownTitle)),
      gh.stdout,
    );
    assert.ok(gh.stdout.includes('%250A'), 'a scanned %0A is escaped, not read back as a line feed');

    // JSON and SARIF stay valid and hold the original strings.
    const strings = (v: unknown, acc: string[] = []): string[] => {
      if (typeof v === 'string') acc.push(v);
      else if (Array.isArray(v)) for (const x of v) strings(x, acc);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, acc);
      return acc;
    };
    const json = strings(JSON.parse(byName.get('scan code --format json')!.stdout));
    assert.ok(
      json.some((x) => join(s.root, x) === s.file || x === s.file),
      'JSON gives back the file name',
    );
    assert.ok(json.includes(`aws_cloudtrail.t${hostile('NAMEX')}`), 'JSON gives back the address');
    assert.ok(
      json.some((x) => x.includes(hostile('TITLEX'))),
      'JSON gives back the team title',
    );
    const sarif = JSON.parse(byName.get('scan code --format sarif')!.stdout) as unknown;
    const uris = strings(sarif).filter((x) => x.includes('FILEX'));
    assert.ok(
      uris.some((u) => join(s.root, decodeURIComponent(u)) === s.file),
      `SARIF gives back the file name: ${uris.join(' | ')}`,
    );
    assert.ok(strings(JSON.parse(byName.get('scan plan --format json')!.stdout)).includes(`aws_cloudtrail.p${hostile('NAMEX')}`));
    assert.ok(strings(JSON.parse(byName.get('scan snapshot --format sarif')!.stdout)).some((x) => x.includes(hostile('VALUEX'))));
    const resources = strings(JSON.parse(byName.get('resources code --format json')!.stdout));
    assert.ok(resources.includes(`no${hostile('VALUEX')}`), 'resources JSON gives back the value');

    // JUnit: every line is markup, attribute values escaped.
    for (const l of byName.get('scan code --format junit')!.stdout.split('\n'))
      assert.ok(l === '' || /^\s*<[?/A-Za-z]/.test(l), `a JUnit line is not markup: ${l}`);
  });

  it("the Action's log: only its own workflow commands start a line", async () => {
    const sarif = join(s.root, '..', 'action.sarif');
    const env = {
      GITHUB_WORKSPACE: s.root,
      INPUT_PATH: s.root,
      'INPUT_CHECKS-DIR': s.checks,
      'INPUT_SARIF-FILE': sarif,
      'INPUT_SHOW-UNKNOWN': 'true',
      GITHUB_STEP_SUMMARY: join(s.root, '..', 'summary.md'),
    };
    let stdout = '';
    let stderr = '';
    let code: number;
    try {
      code = await runAction(env, { actionRoot: s.actionRoot }, { stdout: (x) => void (stdout += x), stderr: (x) => void (stderr += x) });
    } finally {
      process.chdir(cwd);
    }
    const o: Out = { what: 'action', code, stdout, stderr };
    assert.deepEqual([...leaks(o, 'stdout'), ...leaks(o, 'stderr')], []);
    assert.ok(stdout.includes('TITLEX') && stdout.includes('MSGX') && stdout.includes('DIRX'), stdout + stderr);
    assert.ok(/^::error file=/m.test(stdout), 'annotations were written');
    const summary = readFileSync(join(s.root, '..', 'summary.md'), 'utf8');
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(summary), 'the job summary holds no raw control');
    JSON.parse(readFileSync(sarif, 'utf8'));
  });
});
