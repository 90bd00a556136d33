#!/usr/bin/env node
// Fuzzing (issue 12): corpus files mutated with a fixed seed and scanned, for a bounded time; any crash (an exception
// out of the CLI, an `internal error`, a stack trace on stderr, an exit code other than 0, 1, 2) or hang (a case past
// its time) fails the run, and the input that did it is kept to reproduce. Run by .ci/run when ../shared is there:
//
//   node scripts/fuzz.mjs --corpus ../shared/corpus [--seed N] [--seconds 60] [--case K]
//
// The seed is SEED below, changed each week (docs/fuzzing.md); --case K replays one case of a seed. The parent
// process only watches: the cases run in a child (this script with --child), which says when each starts and ends,
// so that a hang is seen and the child killed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** This week's seed: the ISO year and week it was set in (docs/fuzzing.md). */
const SEED = 202649;
/** A case that runs longer than this is a hang. */
const CASE_MS = 15_000;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32 (test/helpers/random.ts, built into dist): the same sequence for the same seed on every machine. */
const { mulberry32: prng } = await import(pathToFileURL(join(repo, 'dist/test/helpers/random.js')).href);

function listFiles(dir, keep, out = []) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    let s;
    try {
      s = statSync(p);
    } catch {
      continue;
    }
    if (s.isDirectory()) listFiles(p, keep, out);
    else if (s.isFile() && s.size < 256 * 1024 && keep(n)) out.push(p);
  }
  return out;
}

// Pieces that have broken parsers and evaluators before: delimiters, template and heredoc openers, control and bidi
// characters, workflow commands, huge numbers, and constructs that nest, repeat or grow.
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  '${',
  '%{',
  '}"',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  '\n',
  '\r\n',
  '\t',
  '\\',
  '#',
  '//',
  '/*',
  '*/',
  '=',
  ':',
  ',',
  '?',
  '...',
  '=>',
  '.*',
  '[*]',
  '\u0000',
  '\u202e',
  '\u001b[31m',
  '\ufeff',
  '::error::x',
  '%0A',
  '1e999',
  '-0',
  '0x1F',
  '9007199254740993',
  'null',
  'true ? ',
  ' : ',
  'var.',
  'local.',
  'each.value',
  'count.index',
  'module.',
  'for x in ',
  'range(100000)',
  'dynamic "d" {',
  'content {',
  'for_each = ',
  'count = 100000',
];
const GROWERS = [
  (r) => '['.repeat(50 + Math.floor(r() * 3000)),
  (r) => '"${'.repeat(10 + Math.floor(r() * 100)),
  (r) => 'true ? 1 : '.repeat(10 + Math.floor(r() * 3000)),
  (r) => 'x'.repeat(1000 + Math.floor(r() * 200_000)),
  (r) => '{"a":'.repeat(10 + Math.floor(r() * 3000)),
  (r) =>
    `locals {\n${Array.from({ length: 30 }, (_, i) => `  d${i + 1} = [local.d${i}, local.d${i}]`).join('\n')}\n  d0 = ${r() < 0.5 ? '[1]' : '"ab"'}\n}\n`,
  (r) =>
    `locals {\n${Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n')}\n  s0 = "${'x'.repeat(1 + Math.floor(r() * 16))}"\n}\nresource "aws_s3_bucket" "grown" {\n  bucket = local.s40\n  tags   = { n = length(flatten([local.d30])) }\n}\n`,
];

function mutate(text, other, r) {
  let s = text;
  const n = 1 + Math.floor(r() * 6);
  const at = () => Math.floor(r() * (s.length + 1));
  for (let k = 0; k < n; k++) {
    const op = Math.floor(r() * 8);
    if (op === 0 && s.length) {
      const i = Math.floor(r() * s.length);
      s = s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << Math.floor(r() * 7))) + s.slice(i + 1);
    } else if (op === 1 && s.length) {
      const i = at();
      s = s.slice(0, i) + s.slice(i + Math.floor(r() * 64));
    } else if (op === 2) {
      const i = at();
      const j = Math.min(s.length, i + Math.floor(r() * 200));
      s = s.slice(0, j) + s.slice(i, j) + s.slice(j);
    } else if (op === 3 || op === 4) {
      const i = at();
      s = s.slice(0, i) + TOKENS[Math.floor(r() * TOKENS.length)] + s.slice(i);
    } else if (op === 5) {
      // Half the time at the start of the file, where a whole block stays valid HCL and is evaluated.
      const i = r() < 0.5 ? 0 : at();
      s = s.slice(0, i) + GROWERS[Math.floor(r() * GROWERS.length)](r) + s.slice(i);
    } else if (op === 6) {
      const i = at();
      const j = Math.floor(r() * (other.length + 1));
      s = s.slice(0, i) + other.slice(j, j + Math.floor(r() * 400)) + s.slice(i);
    } else {
      const i = at();
      s =
        s.slice(0, i) +
        s
          .slice(i, i + Math.floor(r() * 100))
          .split('')
          .reverse()
          .join('') +
        s.slice(i + 100);
    }
  }
  return s;
}

/** The cases of a seed: which file, mutated how, scanned with which command. Deterministic. */
function* cases(files, seed) {
  const r = prng(seed);
  for (let k = 0; ; k++) {
    const file = files[Math.floor(r() * files.length)];
    const other = files[Math.floor(r() * files.length)];
    const caseSeed = Math.floor(r() * 2 ** 32);
    const command = r() < 0.75 ? 'scan' : 'resources';
    yield { k, file, other, caseSeed, command };
  }
}

async function child(corpus, seed, first, only) {
  const { main } = await import(join(repo, 'dist/src/cli/main.js'));
  const files = corpusFiles(corpus);
  const work = mkdtempSync(join(tmpdir(), 'tfguard-fuzz-'));
  for (const c of cases(files, seed)) {
    if (c.k < first) continue;
    if (only !== undefined && c.k !== only) break;
    const r = prng(c.caseSeed);
    const plan = c.file.endsWith('.json');
    const text = mutate(readFileSync(c.file, 'utf8'), readFileSync(c.other, 'utf8'), r);
    const dir = join(work, `case-${c.k}`);
    mkdirSync(dir);
    const input = join(dir, plan ? 'plan.json' : c.file.endsWith('.tfvars') ? 'terraform.tfvars' : 'main.tf');
    writeFileSync(input, text);
    process.stdout.write(`start ${c.k} ${JSON.stringify({ file: c.file, command: c.command, input })}\n`);
    let stderr = '';
    let code;
    const io = { stdout: () => undefined, stderr: (s) => void (stderr += s) };
    const argv =
      c.command === 'scan'
        ? ['scan', '--no-config', '--format', 'json', plan ? input : dir]
        : ['resources', '--format', 'json', plan ? input : dir];
    try {
      code = await main(argv, io);
    } catch (e) {
      stderr += `\nthrown: ${e && e.stack ? e.stack : String(e)}`;
      code = -1;
    }
    const crashed = ![0, 1, 2].includes(code) || /internal error|\n\s+at .+:\d+:\d+\)?\n/.test(stderr);
    process.stdout.write(
      `${crashed ? 'crash' : 'done'} ${c.k} ${JSON.stringify({ code, stderr: crashed ? stderr.slice(0, 2000) : '' })}\n`,
    );
    if (!crashed) rmSync(dir, { recursive: true, force: true });
  }
}

function corpusFiles(corpus) {
  const hcl = listFiles(join(corpus, 'terraform'), (n) => n.endsWith('.tf') || n.endsWith('.tfvars'));
  const plans = listFiles(join(corpus, 'plans'), (n) => n.endsWith('.json'));
  return [...hcl, ...plans];
}

async function parent(corpus, seed, seconds, only) {
  const files = corpusFiles(corpus);
  if (!files.length) {
    console.log(`fuzz: no corpus files under ${corpus}; skipped`);
    return 0;
  }
  const deadline = Date.now() + seconds * 1000;
  const failures = [];
  let next = only ?? 0;
  let ran = 0;
  console.log(`fuzz: seed ${seed}, ${files.length} corpus files, ${seconds} s`);
  while (Date.now() < deadline && (only === undefined || ran === 0)) {
    const result = await new Promise((done) => {
      const p = spawn(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          '--child',
          '--corpus',
          corpus,
          '--seed',
          String(seed),
          '--from',
          String(next),
          ...(only !== undefined ? ['--case', String(only)] : []),
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let buf = '';
      let current;
      let timer;
      let killed = false;
      const kill = () => {
        killed = true;
        p.kill('SIGKILL');
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          failures.push({ kind: 'hang', ...current });
          kill();
        }, CASE_MS);
      };
      const stopAt = setTimeout(kill, Math.max(0, deadline - Date.now()));
      let errText = '';
      p.stderr.on('data', (d) => (errText = (errText + d).slice(-4000)));
      p.stdout.on('data', (d) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const m = /^(start|done|crash) (\d+) (.*)$/.exec(line);
          if (!m) continue;
          const k = Number(m[2]);
          const data = JSON.parse(m[3]);
          if (m[1] === 'start') {
            current = { k, ...data };
            arm();
          } else {
            ran++;
            next = k + 1;
            if (m[1] === 'crash') failures.push({ kind: 'crash', ...current, ...data });
            clearTimeout(timer);
          }
        }
      });
      p.on('exit', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(stopAt);
        // A child that died by itself (out of memory, an abort) is a crash of the case it was running.
        if (!killed && (code !== 0 || signal !== null) && current && next <= current.k)
          failures.push({ kind: 'crash', ...current, stderr: `exit ${code ?? signal}\n${errText}` });
        if (current && next <= current.k) next = current.k + 1;
        done();
      });
    });
    void result;
    if (only !== undefined) break;
  }
  console.log(`fuzz: ${ran} cases run, ${failures.length} failed`);
  for (const f of failures) {
    console.log(`  ${f.kind} in case ${f.k} (${f.command} of a mutation of ${relative(process.cwd(), f.file)}): input kept at ${f.input}`);
    if (f.stderr)
      console.log(
        f.stderr
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n'),
      );
    console.log(`    replay: node scripts/fuzz.mjs --corpus ${corpus} --seed ${seed} --case ${f.k}`);
  }
  return failures.length ? 1 : 0;
}

const corpus = resolve(opt('corpus', join(repo, '..', 'shared', 'corpus')));
const seed = Number(opt('seed', SEED));
const only = opt('case') !== undefined ? Number(opt('case')) : undefined;
if (args.includes('--child')) await child(corpus, seed, Number(opt('from', '0')), only);
else process.exitCode = await parent(corpus, seed, Number(opt('seconds', '60')), only);
