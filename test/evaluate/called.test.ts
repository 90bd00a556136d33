// Finding the called directories (src/evaluate/called.ts) with the quick reading: the same directories as the full
// parse, and the diagnostics of the directories put off reported once, in the place the full parse gave them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { calledDirs } from '../../src/evaluate/called.js';
import { evaluateProject } from '../../src/evaluate/project.js';
import { Session } from '../../src/evaluate/session.js';
import { discover } from '../../src/load/discover.js';
import { moduleSources } from '../../src/load/hcl/module-sources.js';
import { preparse } from '../../src/load/preparse.js';

/** A temporary tree of `files` (path → text); returns its root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tfguard-called-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const DUPLICATE = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  bucket = "y"\n}\n';

function called(root: string, quick: boolean): { dirs: string[]; session: Session } {
  const found = discover(root);
  const sources = preparse(found.moduleDirs);
  const session = new Session(root, { preparsed: sources });
  const dirs = [...calledDirs(found.moduleDirs, sources, session, quick)].sort();
  return { dirs, session };
}

describe('called directories', () => {
  const root = tree({
    'main.tf': 'module "a" {\n  source = "./modules/a"\n}\nmodule "remote" {\n  source = "hashicorp/x/aws"\n}\n',
    'modules/a/main.tf': 'module "b" { source = "../b" }\n',
    'modules/b/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
    // An override file changes the source: the directory is parsed in full.
    'modules/c/main.tf': 'module "d" {\n  source = "../not-d"\n}\n',
    'modules/c/override.tf': 'module "d" {\n  source = "../d"\n}\n',
    'modules/d/main.tf': 'resource "aws_s3_bucket" "d" {}\n',
    // JSON is parsed in full.
    'modules/e/main.tf.json': '{ "module": { "f": { "source": "../f" } } }\n',
    'modules/f/main.tf': 'resource "aws_s3_bucket" "f" {}\n',
  });

  it('are the directories the full parse finds', () => {
    const quick = called(root, true);
    const full = called(root, false);
    const expected = ['modules/a', 'modules/b', 'modules/d', 'modules/f'].map((d) => join(root, d));
    assert.deepEqual(full.dirs, expected);
    assert.deepEqual(quick.dirs, expected);
    assert.deepEqual(quick.session.settleDeferred(), []);
  });

  it('report a directory put off exactly once, in the place the full parse reported it', () => {
    const dir = tree({ 'main.tf': `module "c" {\n  source = "./child"\n}\n${DUPLICATE}`, 'child/main.tf': 'variable "x" {}\n' });
    assert.deepEqual(moduleSources(readFileSync(join(dir, 'main.tf'), 'utf8')), ['./child'], 'the quick reading is taken');
    const p = evaluateProject(dir, { env: {}, cliVariables: [{ kind: 'var', text: 'no-equals-sign' }] });
    // Found first (the root is read before the command line's variables), as when every calling file was parsed first.
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['duplicate-attribute', 'cli-var'],
    );
    assert.deepEqual(
      p.resources.map((r) => r.address),
      ['aws_s3_bucket.b'],
    );
  });

  it('report the diagnostics of directories that are only called, never evaluated, once', () => {
    const dir = tree({
      'a/main.tf': `module "b" {\n  source = "../b"\n}\n${DUPLICATE}`,
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    const p = evaluateProject(dir, { env: {} });
    assert.deepEqual(
      p.diagnostics.map((d) => `${d.code} ${d.file.slice(dir.length)}:${d.range?.start.line}`),
      ['duplicate-attribute /a/main.tf:6'],
    );
    assert.deepEqual(p.resources, []);
  });
});

describe('module calls read differently in full', () => {
  // A syntax error the quick reading does not see (a provider function's name without its arguments inside ${ }): the
  // parser's recovery reads the rest of the string as code, its '{' swallows the locals block's '}', and the module
  // block ends up inside the locals block. The quick reading takes it for a top-level call of ./m.
  const text = 'resource "aws_s3_bucket" "outer" {}\nlocals {\n  x = "${a::b}{"\n}\nmodule "m" {\n  source = "./m"\n}\n';
  const files = { 'main.tf': text, 'm/main.tf': 'resource "aws_s3_bucket" "inner" {}\n' };

  it('is a case where the quick reading and the parse differ', () => {
    assert.deepEqual(moduleSources(text), ['./m']);
    const found = discover(tree(files));
    assert.deepEqual(called(found.root, false).dirs, []);
  });

  it('finds the roots again with every calling file parsed', () => {
    const p = evaluateProject(tree(files), { env: {} });
    // ./m is a root of its own, as the full parse says: nothing calls it.
    assert.deepEqual(
      p.modules.map((m) => m.dir.slice(-2)),
      [p.root.slice(-2), '/m'],
    );
    assert.deepEqual(
      p.resources.map((r) => r.address),
      ['aws_s3_bucket.outer', 'aws_s3_bucket.inner'],
    );
    assert.ok(p.diagnostics.some((d) => d.code === 'syntax'));
    assert.ok(!p.diagnostics.some((d) => d.code === 'internal'));
    const keys = p.diagnostics.map((d) => `${d.code} ${d.file} ${d.range?.start.offset} ${d.message}`);
    assert.equal(new Set(keys).size, keys.length, 'each diagnostic once');
  });

  it('says so when root modules were already handed over', () => {
    const handed: string[] = [];
    const p = evaluateProject(tree(files), { env: {}, eachRoot: (_dir, rs) => handed.push(...rs.map((r) => r.address)) });
    assert.deepEqual(handed, ['aws_s3_bucket.outer']);
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'internal').map((d) => d.severity),
      ['warning'],
    );
  });
});

describe('Session.defer', () => {
  const dir = tree({ 'main.tf': DUPLICATE });
  const session = (): Session => new Session(dir, { preparsed: preparse([dir]) });
  const note = (code: 'cli-var' | 'unreadable'): Parameters<Session['report']>[0] => ({
    severity: 'error',
    code,
    file: code,
    message: code,
  });

  it('puts the diagnostics of a directory put off where it was put off', () => {
    const s = session();
    s.report(note('unreadable'));
    s.defer(dir, () => true);
    s.report(note('cli-var'));
    s.moduleDir(dir);
    assert.deepEqual(s.settleDeferred(), []);
    assert.deepEqual(
      s.diagnostics.map((d) => d.code),
      ['unreadable', 'duplicate-attribute', 'cli-var'],
    );
  });

  it('reads a directory never asked for when settled, and says when the full reading differs', () => {
    const s = session();
    s.defer(dir, (m) => m.files.length === 2);
    assert.deepEqual(s.settleDeferred(), [dir]);
    assert.deepEqual(
      s.diagnostics.map((d) => d.code),
      ['duplicate-attribute'],
    );
  });
});
