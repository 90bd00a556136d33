// The message of a finding names the value seen; a value known only after apply is shown as its reference.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderValue } from '../../src/report/model.js';
import { Unknown } from '../../src/evaluate/value.js';

describe('renderValue', () => {
  it('shows a reference known only after apply as Terraform does', () => {
    const u = new Unknown([{ kind: 'reference', ref: 'aws_cloudwatch_log_group.trail.arn' }], true);
    assert.equal(renderValue(u), 'aws_cloudwatch_log_group.trail.arn (known after apply)');
  });

  it('keeps the reasons of other unknown values', () => {
    const v = new Unknown([{ kind: 'variable', name: 'kms' }]);
    assert.equal(renderValue(v), '(unknown: var.kms has no value)');
    const mixed = new Unknown([{ kind: 'reference', ref: 'aws_kms_key.k.arn' }, { kind: 'variable', name: 'suffix' }]);
    assert.equal(renderValue(mixed), '(unknown: aws_kms_key.k.arn is known only after apply; var.suffix has no value)');
  });

  it('renders known values as JSON, long ones cut', () => {
    assert.equal(renderValue(false), 'false');
    assert.equal(renderValue('x'.repeat(200)).length, 120);
  });
});
