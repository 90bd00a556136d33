// Cross-resource functions: references() from an attribute to the entities it names, and
// referencedBy() from an entity to those naming it, by reference or by literal name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, resolveReference, type Entity } from '../../src/gsl/index.js';
import { entity, put, ref, run, variable } from './helpers.js';

function trailTo(name: string, bucket: unknown, byRef: boolean): Entity {
  const t = entity('aws_cloudtrail', name, {}, byRef ? { s3_bucket_name: [String(bucket)] } : undefined);
  return put(t, 's3_bucket_name', byRef ? ref(String(bucket)) : (bucket as string));
}

const bucket = entity('aws_s3_bucket', 'logs', { bucket: 'trail-logs', acl: 'public-read' });
const other = entity('aws_s3_bucket', 'other', { bucket: 'other-bucket', acl: 'private' });
const logging = put(
  entity('aws_s3_bucket_logging', 'l', { target_bucket: 'x' }, { bucket: ['aws_s3_bucket.logs.id'] }),
  'bucket',
  ref('aws_s3_bucket.logs.id'),
);
const pabLiteral = entity('aws_s3_bucket_public_access_block', 'p', { bucket: 'trail-logs', block_public_acls: true });
const pabOther = put(
  entity('aws_s3_bucket_public_access_block', 'q', { block_public_acls: false }),
  'bucket',
  ref('aws_s3_bucket.other.id'),
);

const LOGGED =
  'aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) with [referencedBy(aws_s3_bucket_logging, bucket) length() > 0]';

describe('references(type)', () => {
  it('follows a reference (aws_s3_bucket.logs.id) to the bucket', () => {
    const t = trailTo('t', 'aws_s3_bucket.logs.id', true);
    const w = createWorld([t, bucket, other, logging]);
    assert.equal(run(LOGGED, t, w).status, 'pass');
  });

  it('follows a literal bucket name to the bucket whose `bucket` matches', () => {
    const t = trailTo('t', 'trail-logs', false);
    assert.equal(run(LOGGED, t, createWorld([t, bucket, other, logging])).status, 'pass');
    const t2 = trailTo('t2', 'other-bucket', false);
    const r = run(LOGGED, t2, createWorld([t2, bucket, other, logging]));
    assert.equal(r.status, 'fail');
    assert.deepEqual(r.blame, [{ address: 'aws_cloudtrail.t2', path: 's3_bucket_name' }]);
  });

  it('a literal that names no bucket gives an empty set', () => {
    const t = trailTo('t', 'elsewhere', false);
    const w = createWorld([t, bucket]);
    assert.equal(run('aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) length() = 0', t, w).status, 'pass');
    assert.equal(run('aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket)', t, w).status, 'fail');
  });

  it('an explicit attribute to match the literal against', () => {
    const t = trailTo('t', 'public-read', false);
    const w = createWorld([t, bucket, other]);
    assert.equal(run('aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket, acl) length() = 1', t, w).status, 'pass');
  });

  it("blames the related entity's attribute", () => {
    const t = trailTo('t', 'aws_s3_bucket.logs.id', true);
    const r = run(
      "aws_cloudtrail should not have s3_bucket_name references(aws_s3_bucket) contain [acl = 'public-read']",
      t,
      createWorld([t, bucket]),
    );
    assert.equal(r.status, 'fail');
    assert.deepEqual(r.blame, [{ address: 'aws_s3_bucket.logs', path: 'acl' }]);
  });

  it('a variable without value: the related bucket is unknown', () => {
    const t = put(entity('aws_cloudtrail', 't', {}), 's3_bucket_name', variable('bucket'));
    const r = run(LOGGED, t, createWorld([t, bucket, logging]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['var.bucket has no value']);
  });

  it('a reference to something not loaded (a module output) is unknown', () => {
    const t = trailTo('t', 'module.logs.bucket_id', true);
    const r = run(LOGGED, t, createWorld([t, bucket, logging]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['module.logs.bucket_id is known only after apply']);
  });

  it('a reference to another type names nothing of the asked type', () => {
    const t = trailTo('t', 'aws_s3_bucket_logging.l.bucket', true);
    assert.equal(
      run('aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) length() = 0', t, createWorld([t, bucket, logging])).status,
      'pass',
    );
  });

  it('a literal compared with a bucket whose name is unknown is unknown', () => {
    const b = put(entity('aws_s3_bucket', 'v', {}), 'bucket', variable('name'));
    const t = trailTo('t', 'trail-logs', false);
    const r = run('aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) length() > 0', t, createWorld([t, b]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['var.name has no value']);
  });
});

describe('referencedBy(type, attr)', () => {
  const PAB = 'aws_s3_bucket should have referencedBy(aws_s3_bucket_public_access_block, bucket) contain [block_public_acls = true]';

  it('finds a resource whose attribute is a literal equal to the bucket name', () => {
    assert.equal(run(PAB, bucket, createWorld([bucket, other, pabLiteral, pabOther])).status, 'pass');
  });

  it('finds a resource whose attribute references the bucket', () => {
    const r = run(PAB, other, createWorld([bucket, other, pabLiteral, pabOther]));
    assert.equal(r.status, 'fail');
    assert.deepEqual(r.blame, [{ address: 'aws_s3_bucket_public_access_block.q', path: 'block_public_acls' }]);
  });

  it('counts the resources pointing at the bucket', () => {
    const w = createWorld([bucket, other, logging, pabLiteral, pabOther]);
    assert.equal(run('aws_s3_bucket should have referencedBy(aws_s3_bucket_logging, bucket) length() > 0', bucket, w).status, 'pass');
    const r = run('aws_s3_bucket should have referencedBy(aws_s3_bucket_logging, bucket) length() > 0', other, w);
    assert.deepEqual([r.status, r.blame], ['fail', []]);
  });

  it('a pointing attribute that is an unknown variable makes the answer unknown', () => {
    const l = put(entity('aws_s3_bucket_logging', 'v', {}), 'bucket', variable('b'));
    const r = run('aws_s3_bucket should have referencedBy(aws_s3_bucket_logging, bucket) length() > 0', other, createWorld([other, l]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['var.b has no value']);
  });

  it('the third argument names the attribute of this entity to match literals against', () => {
    const b = entity('aws_s3_bucket', 'n', { bucket: 'name-a', tags: { Name: 'name-b' } });
    const l = entity('aws_s3_bucket_logging', 'm', { bucket: 'name-b' });
    const w = createWorld([b, l]);
    assert.equal(run('aws_s3_bucket should have referencedBy(aws_s3_bucket_logging, bucket) length() > 0', b, w).status, 'fail');
    assert.equal(run('aws_s3_bucket should have referencedBy(aws_s3_bucket_logging, bucket, tags.Name) length() > 0', b, w).status, 'pass');
  });

  it('references to one instance of a counted resource', () => {
    const b0 = { ...entity('aws_s3_bucket', 'c', { bucket: 'c0' }), id: 'aws_s3_bucket.c[0]' };
    const b1 = { ...entity('aws_s3_bucket', 'c', { bucket: 'c1' }), id: 'aws_s3_bucket.c[1]' };
    const l = put(entity('aws_s3_bucket_logging', 'k', {}), 'bucket', ref('aws_s3_bucket.c[1].id'));
    const w = createWorld([b0, b1, l]);
    const logic = 'aws_s3_bucket should have referencedBy(aws_s3_bucket_logging, bucket) length() > 0';
    assert.deepEqual([run(logic, b0, w).status, run(logic, b1, w).status], ['fail', 'pass']);
    assert.deepEqual(
      resolveReference(w, 'aws_s3_bucket.c[*].id').map((e) => e.id),
      ['aws_s3_bucket.c[0]', 'aws_s3_bucket.c[1]'],
    );
    assert.deepEqual(resolveReference(w, 'module.x.aws_s3_bucket.c.id'), []);
  });

  it('both directions in one rule: the trail bucket must have logging and a public access block', () => {
    const logic =
      'aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) contain [referencedBy(aws_s3_bucket_logging, bucket) length() > 0 and referencedBy(aws_s3_bucket_public_access_block, bucket) contain [block_public_acls = true]]';
    const t = trailTo('t', 'aws_s3_bucket.logs.id', true);
    assert.equal(run(logic, t, createWorld([t, bucket, logging, pabLiteral])).status, 'pass');
    assert.equal(run(logic, t, createWorld([t, bucket, logging])).status, 'fail');
  });

  it('entering a related entity keeps ^ pointing at the one we came from', () => {
    const t = put(entity('aws_cloudtrail', 't', { expected_acl: 'public-read' }), 's3_bucket_name', 'trail-logs');
    const logic = 'aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) contain [acl = ^.expected_acl]';
    assert.equal(run(logic, t, createWorld([t, bucket])).status, 'pass');
  });
});

describe('entitiesOf(type)', () => {
  it('every entity of the type, whatever names what: an account-wide setting', () => {
    const acct = entity('aws_s3_account_public_access_block', 'a', { ignore_public_acls: true });
    const q = 'aws_s3_bucket should have entitiesOf(aws_s3_account_public_access_block) contain [ ignore_public_acls = true ]';
    assert.equal(run(q, other, createWorld([other, acct])).status, 'pass');
    assert.equal(run(q, other, createWorld([other])).status, 'fail');
    const off = entity('aws_s3_account_public_access_block', 'a', { ignore_public_acls: false });
    assert.equal(run(q, other, createWorld([other, off])).status, 'fail');
  });
});
