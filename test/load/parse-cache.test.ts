// `--cache DIR`: a re-run takes unchanged files from the cache and gives the same project; entries are keyed by
// text (not path), never read through a symlink, and a broken one is parsed again and rewritten.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadProject } from '../../src/evaluate/project.js';
import { parseHcl } from '../../src/load/hcl/index.js';
import { ParseCache } from '../../src/load/parse-cache.js';
import { tmp } from '../report/helpers.js';

const MAIN = 'variable "n" {\n  default = 1e999\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${var.n}"\n  tags = { x = -0 }\n}\n';

function entries(dir: string): string[] {
  return readdirSync(dir).flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)));
}

describe('parse cache', () => {
  it('a second load takes every file from the cache and gives the same project', async () => {
    const root = tmp('pcache');
    mkdirSync(join(root, 'tf'));
    writeFileSync(join(root, 'tf', 'main.tf'), MAIN);
    writeFileSync(join(root, 'tf', 'broken.tf'), 'resource "aws_s3_bucket" "c" {\n  bucket = \n}\n');
    const dir = join(root, 'cache');
    const first = new ParseCache(dir);
    const a = await loadProject(join(root, 'tf'), { env: {}, jobs: 1, cache: first });
    assert.deepEqual([first.hits, first.misses], [0, 2]);
    assert.equal(entries(dir).length, 2);
    const second = new ParseCache(dir);
    const b = await loadProject(join(root, 'tf'), { env: {}, jobs: 1, cache: second });
    assert.deepEqual([second.hits, second.misses], [2, 0]);
    assert.deepEqual(
      b.resources.map((r) => [r.address, r.values, r.ranges]),
      a.resources.map((r) => [r.address, r.values, r.ranges]),
    );
    assert.deepEqual(b.diagnostics, a.diagnostics);
  });

  it('is keyed by text: the same text at another path is a hit with that path; numbers JSON lacks survive', async () => {
    const cache = new ParseCache(tmp('pcache-key'));
    const parsed = parseHcl('/x/a.tf', 'a = 1e999\nb = -0\nc = "\u0000num:1"\nd = \n');
    cache.put(parsed);
    const hit = cache.get('/y/b.tf', parsed.text)!;
    assert.equal(hit.path, '/y/b.tf');
    assert.deepEqual(
      hit.diagnostics.map((d) => d.file),
      parsed.diagnostics.map(() => '/y/b.tf'),
    );
    assert.deepEqual(hit.body, parsed.body);
    assert.equal(cache.get('/y/b.tf', `${parsed.text} `), undefined);
  });

  it('never follows a symlink, and a broken entry is parsed again and rewritten', async () => {
    const dir = tmp('pcache-safe');
    const cache = new ParseCache(dir);
    const parsed = parseHcl('/x/a.tf', 'a = 1\n');
    cache.put(parsed);
    const [entry] = entries(dir);
    const outside = join(tmp('pcache-outside'), 'secret.json');
    writeFileSync(outside, readFileSync(entry!, 'utf8'));
    rmSync(entry!);
    symlinkSync(outside, entry!);
    assert.equal(cache.get('/x/a.tf', parsed.text), undefined);
    rmSync(entry!);
    writeFileSync(entry!, '{ not json');
    assert.equal(cache.get('/x/a.tf', parsed.text), undefined);
    const root = tmp('pcache-reparse');
    writeFileSync(join(root, 'main.tf'), 'a = 1\n');
    await loadProject(root, { env: {}, jobs: 1, cache });
    assert.ok(cache.get('/z/c.tf', 'a = 1\n'), 'the broken entry was rewritten');
  });
});
