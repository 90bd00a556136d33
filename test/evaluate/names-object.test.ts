// namesObject: which references name an object of the configuration (resources' references and plans' keep these).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namesObject } from '../../src/evaluate/reference.js';

describe('namesObject', () => {
  it('keeps resources, data sources and modules', () => {
    for (const r of [
      'aws_kms_key.k.arn',
      'aws_kms_key.k[0].arn',
      'aws_s3_bucket.b["x"]',
      'data.aws_iam_policy_document.p.json',
      'module.m.out',
      'module',
    ])
      assert.equal(namesObject(r), true, r);
  });
  it('drops variables, locals, iterators and Terraform values', () => {
    for (const r of ['var.x', 'local.y[0]', 'each.value', 'count.index', 'path.module', 'terraform.workspace', 'self.id', 'var'])
      assert.equal(namesObject(r), false, r);
  });
  it('reads the first name only, up to a `.` or `[`', () => {
    assert.equal(namesObject('variable.x'), true);
    assert.equal(namesObject('var[0]'), false);
  });
});
