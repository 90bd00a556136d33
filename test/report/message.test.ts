// The message of a finding names the value seen; a value known only after apply is shown as its reference.
// Paths in messages are relative to the working directory when inside it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderValue } from '../../src/report/model.js';
import { displayPath } from '../../src/report/diagnostics.js';
import { Unknown } from '../../src/evaluate/value.js';

describe('renderValue', () => {
  it('shows a reference known only after apply as Terraform does', () => {
    const u = new Unknown([{ kind: 'reference', ref: 'aws_cloudwatch_log_group.trail.arn' }], true);
    assert.equal(renderValue(u), 'aws_cloudwatch_log_group.trail.arn (known after apply)');
  });

  it('keeps the reasons of other unknown values', () => {
    const v = new Unknown([{ kind: 'variable', name: 'kms' }]);
    assert.equal(renderValue(v), '(unknown: var.kms has no value)');
    const mixed = new Unknown([
      { kind: 'reference', ref: 'aws_kms_key.k.arn' },
      { kind: 'variable', name: 'suffix' },
    ]);
    assert.equal(renderValue(mixed), '(unknown: aws_kms_key.k.arn is known only after apply; var.suffix has no value)');
  });

  it('renders known values as JSON, long ones cut', () => {
    assert.equal(renderValue(false), 'false');
    assert.equal(renderValue('x'.repeat(200)).length, 120);
  });
});

describe('displayPath', () => {
  it('is relative inside the working directory and absolute outside it', () => {
    assert.equal(displayPath('/repo/infra/main.tf', '/repo'), 'infra/main.tf');
    assert.equal(displayPath('/repo', '/repo'), '.');
    assert.equal(displayPath('/tmp/x/main.tf', '/repo/sub'), '/tmp/x/main.tf');
    assert.equal(displayPath('/repo', '/repo/sub'), '/repo');
    // A name that only starts with two dots is inside.
    assert.equal(displayPath('/repo/..hidden/main.tf', '/repo'), '..hidden/main.tf');
    assert.equal(displayPath('infra/main.tf', '/elsewhere'), 'infra/main.tf');
  });
});
