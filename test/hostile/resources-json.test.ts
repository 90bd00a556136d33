// Issue 12: in `tfguard resources --format json` an unknown value cannot be imitated by a real object: unknowns are
// `{"$unknown": {...}}`, and object keys from the scanned code that begin with `$` get one more `$`.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../cli/helpers.js';

describe('resources --format json: unknowns are unambiguous', () => {
  it('a real {unknown = true, reasons = [...]} object, $-keys and an unknown each read back as what they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-unknown-json-'));
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'variable "v" {',
        '  type = string',
        '}',
        '',
        'resource "aws_s3_bucket" "b" {',
        '  tags = {',
        '    fake = { unknown = true, reasons = ["var.v has no value"] }',
        '    "$unknown" = { reasons = ["x"] }',
        '    "$$two" = 2',
        '    "__proto__" = "p"',
        '  }',
        '  bucket = var.v',
        '}',
        '',
      ].join('\n'),
    );
    const r = await cli(['resources', '--format', 'json', dir]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { version: number; resources: { values: Record<string, unknown> }[] };
    assert.equal(json.version, 2);
    const values = json.resources[0]!.values;
    assert.deepEqual(values.bucket, { $unknown: { reasons: ['var.v has no value'] } });
    const tags = values.tags as Record<string, unknown>;
    assert.deepEqual(tags.fake, { unknown: true, reasons: ['var.v has no value'] });
    assert.deepEqual(tags.$$unknown, { reasons: ['x'] });
    assert.equal(tags.$$$two, 2);
    assert.equal(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value, 'p');
    // The rule a consumer applies: `$unknown` marks an unknown, nothing else does.
    const unknownPaths: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        if ('$unknown' in v) unknownPaths.push(path);
        else for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k.startsWith('$') ? k.slice(1) : k}`);
      }
    };
    walk(values, '');
    assert.deepEqual(unknownPaths, ['.bucket']);
  });
});
