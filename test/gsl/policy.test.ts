// Policy documents as values: policyStatements() from a JSON string, jsonencode() with unknown parts, and an
// aws_iam_policy_document data source; allowsPublicAccess(), deniesInsecureTransport(), allowsEverything().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, type Entity } from '../../src/gsl/index.js';
import { loadProject } from '../../src/evaluate/project.js';
import { projectWorlds } from '../../src/checks/run.js';
import { tempDir } from '../checks/helpers.js';
import { entity, run } from './helpers.js';

const PUBLIC = 'aws_s3_bucket_policy should have policy policyStatements() contain [ $ allowsPublicAccess() ]';

function bucketPolicy(statement: unknown): Entity {
  return entity('aws_s3_bucket_policy', 'p', { policy: JSON.stringify({ Version: '2012-10-17', Statement: statement }) });
}

const status = (q: string, e: Entity): string => run(q, e, createWorld([e])).status;

describe('policyStatements() and allowsPublicAccess()', () => {
  const get = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

  it('every form of the anonymous principal is public: "*", {"AWS": "*"}, {"AWS": ["*"]}', () => {
    for (const Principal of ['*', { AWS: '*' }, { AWS: ['*'] }])
      assert.equal(status(PUBLIC, bucketPolicy([{ ...get, Principal }])), 'pass');
    assert.equal(status(PUBLIC, bucketPolicy({ ...get, Principal: '*' })), 'pass', 'a single statement object');
    assert.equal(status(PUBLIC, bucketPolicy([{ ...get, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }])), 'fail');
    assert.equal(status(PUBLIC, bucketPolicy([{ ...get, Effect: 'Deny', Principal: '*' }])), 'fail');
  });

  it('principalAccounts(): the accounts AWS principals name, for cross-account rules', () => {
    const OTHER =
      "aws_s3_bucket_policy should not have policy policyStatements() contain [ $ principalAccounts() contain [ $ != '123456789012' ] ]";
    const own = bucketPolicy([{ ...get, Principal: { AWS: ['arn:aws:iam::123456789012:role/app', '123456789012'] } }]);
    assert.equal(status(OTHER, own), 'pass');
    const other = bucketPolicy([{ ...get, Principal: { AWS: 'arn:aws:iam::210987654321:root' } }]);
    assert.equal(status(OTHER, other), 'fail');
    assert.equal(status(OTHER, bucketPolicy([{ ...get, Principal: { Service: 'cloudtrail.amazonaws.com' } }])), 'pass');
  });

  it('a condition that ties the statement to known callers makes it not public; IfExists and negated operators do not', () => {
    const with_ = (Condition: unknown): string => status(PUBLIC, bucketPolicy([{ ...get, Principal: '*', Condition }]));
    assert.equal(with_({ StringEquals: { 'aws:SourceAccount': '123456789012' } }), 'fail');
    assert.equal(with_({ ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:123456789012:trail/*' } }), 'fail');
    assert.equal(with_({ StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } }), 'fail');
    assert.equal(with_({ StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } }), 'pass');
    assert.equal(with_({ StringNotEquals: { 'aws:SourceAccount': '123456789012' } }), 'pass');
    assert.equal(with_({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }), 'pass');
    assert.equal(with_({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), 'fail');
  });

  it('text that is not JSON is unknown, with the reason', () => {
    const r = run(PUBLIC, entity('aws_s3_bucket_policy', 'p', { policy: '{ not json' }), createWorld([]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['the policy is not valid JSON']);
  });
});

describe('deniesInsecureTransport() and allowsEverything()', () => {
  const TLS = 'aws_s3_bucket_policy should have policy policyStatements() contain [ $ deniesInsecureTransport() ]';
  const deny = {
    Effect: 'Deny',
    Principal: '*',
    Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };

  it('a Deny to everyone of every S3 action over plain HTTP', () => {
    assert.equal(status(TLS, bucketPolicy([{ ...deny, Action: 's3:*' }])), 'pass');
    assert.equal(status(TLS, bucketPolicy([{ ...deny, Action: '*' }])), 'pass');
    assert.equal(status(TLS, bucketPolicy([{ ...deny, Action: 's3:GetObject' }])), 'fail', 'one action is not every request');
    assert.equal(status(TLS, bucketPolicy([{ ...deny, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }])), 'fail');
  });

  it('"*" on "*" is everything; a service wildcard is not', () => {
    const ALL = 'aws_iam_policy should have policy policyStatements() contain [ $ allowsEverything() ]';
    const p = (Action: string): Entity =>
      entity('aws_iam_policy', 'p', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action, Resource: '*' }] }) });
    assert.equal(status(ALL, p('*')), 'pass');
    assert.equal(status(ALL, p('s3:*')), 'fail');
    const WILD = 'aws_iam_policy should have policy policyStatements() contain [ $ allowsServiceWildcard() ]';
    assert.equal(status(WILD, p('s3:*')), 'pass');
    assert.equal(status(WILD, p('*')), 'pass');
    assert.equal(status(WILD, p('s3:GetObject')), 'fail');
    assert.equal(status(WILD, p('s3:Get*')), 'fail', 'a wildcard within a service names a family of actions, not all of them');
  });
});

describe('policy documents from Terraform', () => {
  async function world(tf: string): Promise<{ e: Entity; w: ReturnType<typeof createWorld> }> {
    const project = await loadProject(tempDir({ 'main.tf': tf }), { env: {} });
    const [{ world: w }] = projectWorlds(project);
    return { e: w.entitiesOfType('aws_s3_bucket_policy')[0]!, w };
  }

  it('jsonencode() with an unknown resource keeps the rest of the document usable', async () => {
    const { e, w } = await world(`
variable "bucket_arn" {
  type = string
}
resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "\${var.bucket_arn}/*" }]
  })
}
`);
    assert.equal(run(PUBLIC, e, w).status, 'pass');
  });

  it('an aws_iam_policy_document by reference: principals blocks, conditions, and unknown identifiers', async () => {
    const doc = (principals: string, extra = ''): string => `
variable "account" {
  type = string
}
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      ${principals}
    }
    ${extra}
  }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = data.aws_iam_policy_document.d.json
}
`;
    const verdict = async (tf: string): Promise<string> => {
      const { e, w } = await world(tf);
      return run(PUBLIC, e, w).status;
    };
    assert.equal(await verdict(doc('type = "*"\n      identifiers = ["*"]')), 'pass');
    assert.equal(await verdict(doc('type = "AWS"\n      identifiers = ["*"]')), 'pass');
    assert.equal(await verdict(doc('type = "AWS"\n      identifiers = ["arn:aws:iam::123456789012:root"]')), 'fail');
    assert.equal(await verdict(doc('type = "AWS"\n      identifiers = [var.account]')), 'unknown');
    assert.equal(
      await verdict(
        doc(
          'type = "*"\n      identifiers = ["*"]',
          'condition {\n      test     = "StringEquals"\n      variable = "aws:SourceAccount"\n      values   = ["123456789012"]\n    }',
        ),
      ),
      'fail',
    );
  });

  it('source_policy_documents are merged in; override_policy_documents replace statements of the same Sid', async () => {
    const docs = (second: string): string => `
data "aws_iam_policy_document" "public" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
data "aws_iam_policy_document" "account" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}
data "aws_iam_policy_document" "merged" {
  ${second}
  statement {
    sid       = "Deny"
    effect    = "Deny"
    actions   = ["s3:DeleteBucket"]
    resources = ["arn:aws:s3:::b"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = data.aws_iam_policy_document.merged.json
}
`;
    const verdict = async (second: string): Promise<string> => {
      const { e, w } = await world(docs(second));
      return run(PUBLIC, e, w).status;
    };
    assert.equal(await verdict('source_policy_documents = [data.aws_iam_policy_document.public.json]'), 'pass');
    assert.equal(
      await verdict(
        'source_policy_documents = [data.aws_iam_policy_document.public.json]\n  override_policy_documents = [data.aws_iam_policy_document.account.json]',
      ),
      'fail',
    );
    assert.equal(await verdict(''), 'fail');
  });
});
