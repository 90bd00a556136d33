// Unknown or absent: what the provider sets at apply (`id`, `arn`, a `name` from `name_prefix`) is unknown for a
// managed resource read from configuration, never absent; joins by literal ARN, ID or name compare what is known.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, type Entity } from '../../src/gsl/index.js';
import { entity, run } from './helpers.js';

/** An entity as a managed resource read from configuration: `id` and `arn` computed. */
function configured(type: string, name: string, values: Record<string, unknown>, withName = false): Entity {
  return { ...entity(type, name, values), computed: new Set(withName ? ['id', 'arn', 'name'] : ['id', 'arn']) };
}

const SUBSCRIBED = 'aws_sns_topic should have referencedBy(aws_sns_topic_subscription, topic_arn) length() > 0';
const FLOW_LOGGED = 'aws_vpc should have referencedBy(aws_flow_log, vpc_id) length() > 0';

describe('computed attributes', () => {
  it('an unset `arn` is unknown and present, not absent', () => {
    const topic = configured('aws_sns_topic', 't', { name: 'alerts' });
    assert.equal(run('aws_sns_topic should have arn', topic, createWorld([topic])).status, 'pass');
    const r = run("aws_sns_topic should have arn = 'arn:aws:sns:us-east-1:123456789012:alerts'", topic, createWorld([topic]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['aws_sns_topic.t.arn is known only after apply']);
    // Without `computed` (a plan, AWS data) an attribute that is not there is absent, as before.
    const plain = entity('aws_sns_topic', 't', { name: 'alerts' });
    assert.equal(run('aws_sns_topic should have arn', plain, createWorld([plain])).status, 'fail');
  });

  it("a literal ARN names the topic by the name inside it: pass, fail, or unknown when the topic's name is", () => {
    const topic = configured('aws_sns_topic', 't', { name: 'alerts' });
    const sub = (arn: string): Entity => entity('aws_sns_topic_subscription', 's', { topic_arn: arn });
    const status = (...es: Entity[]): string => run(SUBSCRIBED, es[0]!, createWorld(es)).status;
    assert.equal(status(topic, sub('arn:aws:sns:us-east-1:123456789012:alerts')), 'pass');
    assert.equal(status(topic, sub('arn:aws:sns:us-east-1:123456789012:other')), 'fail');
    // An ARN of another service never names a topic, whatever its name.
    assert.equal(status(topic, sub('arn:aws:sqs:us-east-1:123456789012:alerts')), 'fail');
    const prefixed = configured('aws_sns_topic', 'p', { name_prefix: 'alerts-' }, true);
    const r = run(SUBSCRIBED, prefixed, createWorld([prefixed, sub('arn:aws:sns:us-east-1:123456789012:alerts-1')]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['aws_sns_topic.p.name is known only after apply']);
  });

  it('a literal AWS ID may be the ID of a VPC being created: unknown, not a failure', () => {
    const vpc = configured('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' });
    const flow = entity('aws_flow_log', 'f', { vpc_id: 'vpc-0a1b2c3d4e5f60789', traffic_type: 'ALL' });
    const r = run(FLOW_LOGGED, vpc, createWorld([vpc, flow]));
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['aws_vpc.main.id is known only after apply']);
    // A VPC whose id is known (AWS data) is compared.
    const known = entity('aws_vpc', 'main', { id: 'vpc-11111111' });
    assert.equal(run(FLOW_LOGGED, known, createWorld([known, flow])).status, 'fail');
  });

  it('a literal name is compared with the known name, not made unknown by the computed id', () => {
    const group = configured('aws_cloudwatch_log_group', 'g', { name: 'trail-logs' });
    const filter = (n: string): Entity => entity('aws_cloudwatch_log_metric_filter', 'f', { log_group_name: n });
    const q = 'aws_cloudwatch_log_group should have referencedBy(aws_cloudwatch_log_metric_filter, log_group_name) length() > 0';
    assert.equal(run(q, group, createWorld([group, filter('trail-logs')])).status, 'pass');
    assert.equal(run(q, group, createWorld([group, filter('other-logs')])).status, 'fail');
  });

  it('references() follows a literal ARN to the topic it names (index and scan agree)', () => {
    const topics = Array.from({ length: 50 }, (_, i) => configured('aws_sns_topic', `t${i}`, { name: `topic-${i}` }));
    const alarm = entity('aws_cloudwatch_metric_alarm', 'a', { alarm_actions: ['arn:aws:sns:us-east-1:123456789012:topic-7'] });
    const r = run(
      "aws_cloudwatch_metric_alarm should have alarm_actions contain [ $ references(aws_sns_topic) contain [ name = 'topic-7' ] ]",
      alarm,
      createWorld([alarm, ...topics]),
    );
    assert.equal(r.status, 'pass');
  });
});

describe('names with `:`', () => {
  it('a policy condition key is one name: Condition.Bool.aws:SecureTransport, s3:x-amz-acl', () => {
    const e = entity('aws_s3_bucket_policy', 'p', {
      Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 's3:x-amz-acl': 'private' } } }],
    });
    const w = createWorld([e]);
    assert.equal(
      run("aws_s3_bucket_policy should have Statement contain [ Condition.Bool.aws:SecureTransport = 'false' ]", e, w).status,
      'pass',
    );
    assert.equal(
      run("aws_s3_bucket_policy should have Statement contain [ Condition.StringEquals.s3:x-amz-acl = 'private' ]", e, w).status,
      'pass',
    );
    assert.equal(
      run("aws_s3_bucket_policy should have Statement contain [ Condition.Bool.aws:SecureTransport = 'true' ]", e, w).status,
      'fail',
    );
  });
});
