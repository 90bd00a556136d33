// Parsing in worker threads (src/load/parse-pool.ts, preparse.ts) gives exactly what parsing in this thread gives.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { evaluateProject, loadProject } from '../../src/evaluate/project.js';
import { discover } from '../../src/load/discover.js';
import { encodeTreeOf, parseHcl } from '../../src/load/hcl/index.js';
import { loadFile } from '../../src/load/module-dir.js';
import { ParsePool, RETIRE_AFTER_CHARS, parseWorkersAvailable } from '../../src/load/parse-pool.js';
import { closeParseWorkers, parseThreads, preparse, runningParseWorkers } from '../../src/load/preparse.js';
import { initParser } from '../../src/load/treesitter.js';
import { fixture } from '../helpers/paths.js';
import { BROKEN, VALID } from './samples.js';

before(async () => {
  await initParser();
});

after(async () => {
  await closeParseWorkers();
});

/** Values of a project as plain JSON (Unknown values keep their reasons and references). */
const json = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

describe('parse workers', () => {
  it('are available from the build', () => {
    assert.equal(parseWorkersAvailable(), true);
  });

  it('send trees that convert to the same syntax, comments and diagnostics as parsing here', async () => {
    const pool = new ParsePool(2);
    try {
      for (const text of [VALID, ...BROKEN]) {
        const flat = await pool.parse(text);
        const here = encodeTreeOf(text);
        assert.ok(flat.count > 1);
        assert.deepEqual(flat.words.subarray(0, flat.count * 4), here.words.subarray(0, here.count * 4), text);
        assert.deepEqual(parseHcl('x.tf', text, flat), parseHcl('x.tf', text), text);
      }
    } finally {
      await pool.close();
    }
  });

  it('retire a worker that parsed a large file, so that its memory goes', async () => {
    const block = 'resource "aws_s3_bucket" "b%" {\n  bucket = "name-%"\n  tags   = { a = "b" }\n}\n';
    let text = '';
    for (let i = 0; text.length < RETIRE_AFTER_CHARS; i++) text += block.replaceAll('%', String(i));
    const pool = new ParsePool(1);
    try {
      const flat = await pool.parse(text);
      const file = parseHcl('big.tf', text, flat);
      assert.equal(file.diagnostics.length, 0);
      assert.deepEqual(file, parseHcl('big.tf', text));
      assert.equal(file.body.blocks.at(-1)!.range.end.line, text.split('\n').length - 1);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(pool.running, 0);
      // The next text starts a new worker.
      const small = await pool.parse('a = 1\n');
      assert.ok(small.count > 0);
      assert.equal(pool.running, 1);
    } finally {
      await pool.close();
    }
  });

  it('reject with the reason when a worker cannot start its parser', async () => {
    const pool = new ParsePool(1, join(tmpdir(), 'tfguard-no-wasm-here'));
    try {
      await assert.rejects(pool.parse('a = 1\n'), /parse worker failed|parser failed to start/);
    } finally {
      await pool.close();
    }
  });

  it('a closed pool rejects instead of hanging', async () => {
    const pool = new ParsePool(1);
    await pool.close();
    await assert.rejects(pool.parse('a = 1\n'), /closed/);
  });
});

describe('preparse', () => {
  const dirs = (path: string): string[] => discover(path).moduleDirs;

  it('parses every .tf file of the module directories as loadFile does, bad files included', async () => {
    const root = fixture('load', 'bad');
    const ahead = await preparse(dirs(root), { jobs: 2 });
    const paths = [...ahead.keys()].sort();
    assert.ok(paths.some((p) => p.endsWith('broken.tf')));
    for (const p of paths) assert.deepEqual(ahead.get(p), loadFile(p), p);
    // The binary file is a diagnostic, as when read here.
    const bin = [...ahead.values()].find((v) => v.diagnostic?.code === 'binary');
    assert.ok(bin);
  });

  it('parses small inputs, and everything with one thread, here, each file once', async () => {
    await closeParseWorkers();
    for (const options of [{}, { jobs: 1 }]) {
      const ahead = await preparse(dirs(fixture('load', 'modules')), options);
      assert.equal(runningParseWorkers(), 0);
      assert.ok(ahead.size >= 2);
      for (const [p, v] of ahead) assert.deepEqual(v, loadFile(p), p);
    }
    assert.equal(parseThreads(1), 1);
    assert.equal(parseThreads(3), 3);
    assert.ok(parseThreads(undefined) >= 1 && parseThreads(undefined) <= 4);
  });

  it('parses here whatever a failing worker could not', async () => {
    const root = fixture('load', 'modules');
    const broken = new ParsePool(1, join(tmpdir(), 'tfguard-no-wasm-here'));
    try {
      const ahead = await preparse(dirs(root), { jobs: 2 }, broken);
      assert.ok(ahead.size > 0);
      let noted = 0;
      for (const [p, v] of ahead) {
        assert.deepEqual(v.file, loadFile(p).file, p);
        // Files this thread took itself have no note; those the worker was given say what happened.
        if (!v.diagnostic) continue;
        noted++;
        assert.equal(v.diagnostic.severity, 'note');
        assert.match(v.diagnostic.message, /^parse worker failed: .*; the file was parsed in the main thread$/);
      }
      assert.ok(noted > 0);
    } finally {
      await broken.close();
    }
  });

  it('gives loadProject the same project with and without workers', async () => {
    for (const name of ['modules', 'expansion', 'dynamic', 'variables', 'types', 'bad']) {
      const root = fixture('load', name);
      const here = evaluateProject(root, { env: {} });
      for (const jobs of [1, 2, 3])
        assert.equal(json(await loadProject(root, { env: {}, jobs })), json(here), `${name} with --jobs ${jobs}`);
    }
  });

  it('sends a file of 1 MB or more to a worker even with one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-big-'));
    try {
      let text = '';
      for (let i = 0; text.length < RETIRE_AFTER_CHARS; i++) text += `resource "aws_s3_bucket" "b${i}" {\n  bucket = "n${i}"\n}\n`;
      writeFileSync(join(dir, 'big.tf'), text);
      writeFileSync(join(dir, 'small.tf'), 'resource "aws_s3_bucket" "small" {\n  bucket = "s"\n}\n');
      await closeParseWorkers();
      const ahead = await preparse([dir], { jobs: 1 });
      // The large file went to a worker, which was retired once idle.
      assert.equal(runningParseWorkers(), 0);
      assert.deepEqual(ahead.get(join(dir, 'big.tf')), loadFile(join(dir, 'big.tf')));
      assert.deepEqual(ahead.get(join(dir, 'small.tf')), loadFile(join(dir, 'small.tf')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
