// Every construct of research/gsl.md §1.4, parsed and evaluated over JSON entities.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, evaluateRule, runRule } from '../../src/gsl/index.js';
import { compile, entity, NOW, run, status } from './helpers.js';

describe('GSL constructs (research/gsl.md §1.4)', () => {
  it('D9.TF.AWS.LOG.03 runs as written', () => {
    const logic = 'aws_cloudtrail should not have (cloud_watch_logs_role_arn isEmpty() or cloud_watch_logs_group_arn isEmpty())';
    const ok = entity('aws_cloudtrail', 'a', { cloud_watch_logs_role_arn: 'arn:role', cloud_watch_logs_group_arn: 'arn:group' });
    const missing = entity('aws_cloudtrail', 'b', { cloud_watch_logs_role_arn: 'arn:role' });
    const blank = entity('aws_cloudtrail', 'c', { cloud_watch_logs_role_arn: '', cloud_watch_logs_group_arn: 'arn:group' });
    assert.equal(run(logic, ok).status, 'pass');
    assert.equal(run(logic, missing).status, 'fail');
    assert.equal(run(logic, blank).status, 'fail');
  });

  it('D9.TF.AWS.LOG.01: equality with a boolean', () => {
    assert.equal(status('is_multi_region_trail=true', { is_multi_region_trail: true }), 'pass');
    assert.equal(status('is_multi_region_trail=true', { is_multi_region_trail: false }), 'fail');
    assert.equal(status('is_multi_region_trail=true', {}), 'fail');
  });

  it('equality with numbers and booleans: contain-all [ count = 0 ], isPublic=false', () => {
    assert.equal(status('networkAssetsStats contain-all [ count = 0 ]', { networkAssetsStats: [{ count: 0 }, { count: 0 }] }), 'pass');
    assert.equal(status('networkAssetsStats contain-all [ count = 0 ]', { networkAssetsStats: [{ count: 0 }, { count: 2 }] }), 'fail');
    assert.equal(status('isPublic=false', { isPublic: false }), 'pass');
    assert.equal(status('isPublic=false', { isPublic: true }), 'fail');
  });

  it("boolean as quoted string: items with [hasSNSSubscriber='true'], firstAccessKey.isActive='true'", () => {
    assert.equal(status("items with [hasSNSSubscriber='true']", { items: [{ hasSNSSubscriber: true }] }), 'pass');
    assert.equal(status("items with [hasSNSSubscriber='true']", { items: [{ hasSNSSubscriber: false }] }), 'fail');
    assert.equal(status("firstAccessKey.isActive='true'", { firstAccessKey: { isActive: true } }), 'pass');
    assert.equal(status("firstAccessKey.isActive='true'", { firstAccessKey: { isActive: 'true' } }), 'pass');
  });

  it('>= and <=: passwordPolicy.minPasswordLength>=14; inboundRules with [port<=22 and portTo>=22]', () => {
    assert.equal(status('passwordPolicy.minPasswordLength>=14', { passwordPolicy: { minPasswordLength: 14 } }), 'pass');
    assert.equal(status('passwordPolicy.minPasswordLength>=14', { passwordPolicy: { minPasswordLength: 8 } }), 'fail');
    const logic = "SecurityGroup should not have inboundRules with [scope = '0.0.0.0/0' and port<=22 and portTo>=22]";
    const open = entity('SecurityGroup', 'a', {
      inboundRules: [
        { scope: '10.0.0.0/8', port: 22, portTo: 22 },
        { scope: '0.0.0.0/0', port: 0, portTo: 1024 },
      ],
    });
    const closed = entity('SecurityGroup', 'b', { inboundRules: [{ scope: '0.0.0.0/0', port: 443, portTo: 443 }] });
    assert.equal(run(logic, open).status, 'fail');
    assert.equal(run(logic, closed).status, 'pass');
  });

  it("!=: SecurityGroup where name != 'default'; deletionDate!=0", () => {
    const logic = "SecurityGroup where name != 'default' should not have networkAssetsStats contain-all [ count = 0 ]";
    const dflt = entity('SecurityGroup', 'd', { name: 'default', networkAssetsStats: [] });
    const unused = entity('SecurityGroup', 'u', { name: 'web', networkAssetsStats: [{ count: 0 }] });
    const used = entity('SecurityGroup', 'x', { name: 'web', networkAssetsStats: [{ count: 3 }] });
    assert.deepEqual([run(logic, dflt).status, run(logic, dflt).excluded], ['pass', true]);
    assert.equal(run(logic, unused).status, 'fail');
    assert.equal(run(logic, used).status, 'pass');
    assert.equal(status('deletionDate!=0', { deletionDate: 1700000000 }), 'pass');
    assert.equal(status('deletionDate!=0', { deletionDate: 0 }), 'fail');
  });

  it("like with % wildcards: event.name like 'UpdateFunctionCode%'; uri like; $ like", () => {
    const q = "cloudtrail where event.name like 'UpdateFunctionCode%'";
    assert.equal(run(q, entity('cloudtrail', 'e', { event: { name: 'UpdateFunctionCode20150331v2' } })).status, 'fail');
    assert.equal(run(q, entity('cloudtrail', 'f', { event: { name: 'CreateFunction' } })).status, 'pass');
    const acl = "acl.grants contain [uri like 'http://acs.amazonaws.com/groups/global/%']";
    assert.equal(status(acl, { acl: { grants: [{ uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }] } }), 'pass');
    assert.equal(status(acl, { acl: { grants: [{ uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }] } }), 'fail');
    assert.equal(status("member contain-any [($ like '%group%')]", { member: ['user:a', 'group:admins'] }), 'pass');
    assert.equal(status("member contain-any [($ like '%group%')]", { member: ['user:a'] }), 'fail');
  });

  it("like without wildcard is a whole, case-insensitive match: name like 'default'", () => {
    assert.equal(status("name like 'default'", { name: 'Default' }), 'pass');
    assert.equal(status("name like 'default'", { name: 'default-sg' }), 'fail');
    assert.equal(status("name like 'a.b'", { name: 'axb' }), 'fail');
  });

  it("in (...): event.name in ('ReplaceNetworkAclEntry', ...); protocol in ('TCP','ALL')", () => {
    const q = "cloudtrail where event.name in ('ReplaceNetworkAclEntry', 'DeleteNetworkAclEntry', 'CreateNetworkAclEntry')";
    assert.equal(run(q, entity('cloudtrail', 'e', { event: { name: 'DeleteNetworkAclEntry' } })).status, 'fail');
    assert.equal(run(q, entity('cloudtrail', 'e', { event: { name: 'CreateVpc' } })).status, 'pass');
    assert.equal(status("protocol in ('TCP','ALL')", { protocol: 'TCP' }), 'pass');
    assert.equal(status("protocol in ('TCP','ALL')", { protocol: 'tcp' }), 'fail');
    assert.equal(status('port in (22, 3389)', { port: '22' }), 'pass');
  });

  it('regexMatch /re/flags: IamUser where name regexMatch /^<root_account>$/i ...', () => {
    const logic = "IamUser where name regexMatch /^<root_account>$/i should not have passwordLastUsed after(-90, 'days')";
    const rootRecent = entity('IamUser', 'r', { name: '<ROOT_ACCOUNT>', passwordLastUsed: '2024-06-01T00:00:00Z' });
    const rootOld = entity('IamUser', 'o', { name: '<root_account>', passwordLastUsed: '2023-01-01T00:00:00Z' });
    const other = entity('IamUser', 'u', { name: 'alice', passwordLastUsed: '2024-06-01T00:00:00Z' });
    assert.equal(run(logic, rootRecent).status, 'fail');
    assert.equal(run(logic, rootOld).status, 'pass');
    assert.deepEqual([run(logic, other).status, run(logic, other).excluded], ['pass', true]);
  });

  it('regexMatch runs in linear time: /^(a+)+$/ against 50,000 a and a b answers (no catastrophic backtracking)', () => {
    // With a backtracking engine this takes longer than the life of the universe; the test runner would time out.
    const long = 'a'.repeat(50_000) + 'b';
    assert.equal(status('name regexMatch /^(a+)+$/', { name: long }), 'fail');
    assert.equal(status('name regexMatch /^(a+)+$/', { name: 'aaaa' }), 'pass');
    assert.equal(status('name regexMatch /^PROD-(?:[a-z]+)$/i', { name: 'prod-web' }), 'pass');
  });

  it('isEmpty(): inboundRules isEmpty() and outboundRules isEmpty()', () => {
    const expr = 'inboundRules isEmpty() and outboundRules isEmpty()';
    assert.equal(status(expr, { inboundRules: [], outboundRules: [] }), 'pass');
    assert.equal(status(expr, {}), 'pass');
    assert.equal(status(expr, { inboundRules: [{ port: 22 }], outboundRules: [] }), 'fail');
  });

  it('length(): metricFilters with [...] length() > 0; networkAssetsStats length()>0', () => {
    assert.equal(
      status("metricFilters with [filterName like 'root%'] length() > 0", {
        metricFilters: [{ filterName: 'other' }, { filterName: 'RootUsage' }],
      }),
      'pass',
    );
    assert.equal(status("metricFilters with [filterName like 'root%'] length() > 0", { metricFilters: [{ filterName: 'other' }] }), 'fail');
    assert.equal(
      status("metricFilters with [filterName like '%'] length() = 2", { metricFilters: [{ filterName: 'a' }, { filterName: 'b' }] }),
      'pass',
    );
    assert.equal(status('networkAssetsStats length()>0', { networkAssetsStats: [{ count: 1 }] }), 'pass');
    assert.equal(status('networkAssetsStats length()>0', { networkAssetsStats: [] }), 'fail');
    assert.equal(status('name length() <= 3', { name: 'abc' }), 'pass');
    assert.equal(status('tags length() = 2', { tags: { a: '1', b: '2' } }), 'pass');
  });

  it("dates: after (-1, 'days'), before(30, 'days'), before(1, 'minutes')", () => {
    assert.equal(
      status("status.latestCloudWatchLogsDeliveryTime after (-1, 'days')", {
        status: { latestCloudWatchLogsDeliveryTime: '2024-06-15T00:00:00Z' },
      }),
      'pass',
    );
    assert.equal(
      status("status.latestCloudWatchLogsDeliveryTime after (-1, 'days')", {
        status: { latestCloudWatchLogsDeliveryTime: '2024-06-13T00:00:00Z' },
      }),
      'fail',
    );
    const alb = "ApplicationLoadBalancer should not have listeners contain [ certificates contain [ expiration before(30, 'days') ] ]";
    const soon = entity('ApplicationLoadBalancer', 'a', { listeners: [{ certificates: [{ expiration: '2024-07-01' }] }] });
    const later = entity('ApplicationLoadBalancer', 'b', { listeners: [{ certificates: [{ expiration: '2025-01-01' }] }] });
    assert.equal(run(alb, soon).status, 'fail');
    assert.equal(run(alb, later).status, 'pass');
    assert.equal(status("value before(1, 'minutes')", { value: NOW / 1000 }), 'pass');
  });

  it('bare attribute (presence): kmsKeyId, roles, cloudWatchLogsRoleArn and ...', () => {
    assert.equal(status('kmsKeyId', { kmsKeyId: 'arn:aws:kms:key' }), 'pass');
    assert.equal(status('kmsKeyId', {}), 'fail');
    assert.equal(status('roles', { roles: ['r'] }), 'pass');
    assert.equal(status('roles', { roles: [] }), 'fail');
    const logic = "CloudTrail should have cloudWatchLogsRoleArn and status.latestCloudWatchLogsDeliveryTime after (-1, 'days')";
    assert.equal(
      run(logic, entity('CloudTrail', 't', { cloudWatchLogsRoleArn: 'arn', status: { latestCloudWatchLogsDeliveryTime: NOW - 3600_000 } }))
        .status,
      'pass',
    );
    assert.equal(run(logic, entity('CloudTrail', 't', { status: { latestCloudWatchLogsDeliveryTime: NOW - 3600_000 } })).status, 'fail');
  });

  it('nested contain: elbListeners with [ policies contain [ attributes contain-any [$ in (...)] ] ]', () => {
    const logic =
      "ELB should not have elbListeners with [ policies contain [ attributes contain-any [$ in ('Protocol-SSLv3', 'Protocol-TLSv1') ] ] ]";
    const weak = entity('ELB', 'w', {
      elbListeners: [{ policies: [{ attributes: ['Protocol-TLSv1.2'] }, { attributes: ['Protocol-TLSv1', 'x'] }] }],
    });
    const strong = entity('ELB', 's', { elbListeners: [{ policies: [{ attributes: ['Protocol-TLSv1.2'] }] }] });
    assert.equal(run(logic, weak).status, 'fail');
    assert.equal(run(logic, strong).status, 'pass');
  });

  it('contain-any over strings with $ (D9.GCP.IAM.09)', () => {
    const logic =
      "StorageBucket should not have iamPolicy with [ bindings contain [ members contain-any [ $ in ( 'allUsers', 'allAuthenticatedUsers' ) ] ] ]";
    const pub = entity('StorageBucket', 'p', { iamPolicy: { bindings: [{ members: ['user:a@x.com', 'allUsers'] }] } });
    const priv = entity('StorageBucket', 'q', { iamPolicy: { bindings: [{ members: ['user:a@x.com'] }] } });
    assert.equal(run(logic, pub).status, 'fail');
    assert.equal(run(logic, priv).status, 'pass');
  });

  it('contain-none', () => {
    assert.equal(status("members contain-none [$ = 'allUsers']", { members: ['a', 'b'] }), 'pass');
    assert.equal(status("members contain-none [$ = 'allUsers']", { members: ['a', 'allUsers'] }), 'fail');
  });

  it("dot paths: passwordPolicy.enabledInAccount=true; policy.Statement contain [... Principal.AWS='*']", () => {
    assert.equal(status('passwordPolicy.enabledInAccount=true', { passwordPolicy: { enabledInAccount: true } }), 'pass');
    const logic =
      "S3Bucket should not have ( acl.grants contain [uri like 'http://acs.amazonaws.com/groups/global/%'] or policy.Statement contain [Effect='Allow' and (Principal='*' or Principal.AWS='*')])";
    const pub = entity('S3Bucket', 'p', {
      acl: { grants: [] },
      policy: {
        Statement: [
          { Effect: 'Deny', Principal: '*' },
          { Effect: 'Allow', Principal: { AWS: '*' } },
        ],
      },
    });
    const priv = entity('S3Bucket', 'q', {
      acl: { grants: [] },
      policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' } }] },
    });
    assert.equal(run(logic, pub).status, 'fail');
    assert.equal(run(logic, priv).status, 'pass');
  });

  it('aggregate entity: List<CloudTrail> should have items with [...] length() > 0', () => {
    const logic =
      "List<CloudTrail> should have items with [hasSNSSubscriber='true' and metricFilters with [filterPattern isFilterPatternEqual('{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent }')] length() > 0]";
    const rule = compile(logic);
    assert.equal(rule.aggregate, true);
    const good = entity('CloudTrail', 'a', {
      hasSNSSubscriber: true,
      metricFilters: [
        { filterPattern: '{$.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent}' },
      ],
    });
    const noSns = entity('CloudTrail', 'b', { hasSNSSubscriber: false, metricFilters: good.values.metricFilters! });
    const other = entity('CloudTrail', 'c', {
      hasSNSSubscriber: true,
      metricFilters: [{ filterPattern: '{ $.eventName = ConsoleLogin }' }],
    });
    const pass = runRule(rule, createWorld([noSns, good]), { now: NOW });
    assert.deepEqual(
      pass.map((r) => [r.entity, r.status]),
      [['List<CloudTrail>', 'pass']],
    );
    const fail = runRule(rule, createWorld([noSns, other]), { now: NOW });
    assert.deepEqual(
      fail.map((r) => r.status),
      ['fail'],
    );
    assert.deepEqual(
      runRule(rule, createWorld([]), { now: NOW }).map((r) => r.status),
      ['fail'],
    );
  });

  it('domain function: inboundRules allowedHostsForPort(9000) > 256', () => {
    const wide = { inboundRules: [{ scope: '10.0.0.0/16', port: 8000, portTo: 9999 }] };
    const narrow = {
      inboundRules: [
        { scope: '10.0.0.0/24', port: 9000, portTo: 9000 },
        { scope: '0.0.0.0/0', port: 22, portTo: 22 },
      ],
    };
    assert.equal(status('inboundRules allowedHostsForPort(9000) > 256', wide), 'pass');
    assert.equal(status('inboundRules allowedHostsForPort(9000) > 256', narrow), 'fail');
    assert.equal(status('inboundRules allowedHostsForPort(9000) = 256', narrow), 'pass');
    const tf = { ingress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] };
    assert.equal(status('ingress allowedHostsForPort(22) = 4294967296', tf), 'pass');
    // CloudGuard's destinationPort/destinationPortTo and source, and the cidr_ipv4 of aws_vpc_security_group_ingress_rule.
    const nsg = { inboundRules: [{ source: '0.0.0.0/0', destinationPort: 3380, destinationPortTo: 3390, protocol: 'TCP' }] };
    assert.equal(status('inboundRules allowedHostsForPort(3389) = 4294967296', nsg), 'pass');
    assert.equal(status('inboundRules allowedHostsForPort(22) = 0', nsg), 'pass');
    const v = { rules: [{ cidr_ipv4: '203.0.113.0/24', from_port: 22, to_port: 22, ip_protocol: 'tcp' }] };
    assert.equal(status('rules allowedHostsForPort(22) = 256', v), 'pass');
  });

  it('isPublic(): a CIDR block that includes internet addresses', () => {
    const q = 'ingress contain [ cidr_blocks contain [ $ isPublic() ] ]';
    for (const c of ['0.0.0.0/0', '203.0.113.0/24', '::/0', '2001:db8::/32', '8.8.8.8'])
      assert.equal(status(q, { ingress: [{ cidr_blocks: [c] }] }), 'pass', c);
    for (const c of ['10.0.0.0/16', '172.16.5.0/24', '192.168.1.1', '127.0.0.1', 'fd00::/8', 'fe80::/64', 'not-a-cidr'])
      assert.equal(status(q, { ingress: [{ cidr_blocks: [c] }] }), 'fail', c);
    // A block wider than a private one reaches beyond it.
    assert.equal(status(q, { ingress: [{ cidr_blocks: ['10.0.0.0/7'] }] }), 'pass');
  });

  it('and binds tighter than or without parentheses', () => {
    const expr = "elbListeners contain [ sourceProtocol='TCP' and sourcePort=80 or sourceProtocol='HTTPS' and sourcePort=443 ]";
    assert.equal(status(expr, { elbListeners: [{ sourceProtocol: 'HTTPS', sourcePort: 443 }] }), 'pass');
    assert.equal(status(expr, { elbListeners: [{ sourceProtocol: 'TCP', sourcePort: 443 }] }), 'fail');
    assert.equal(status('a = 1 or b = 1 and c = 1', { a: 1, b: 0, c: 0 }), 'pass');
    assert.equal(status('not a = 1 and b = 1', { a: 2, b: 1 }), 'pass');
    assert.equal(status('not (a = 1 and b = 1)', { a: 1, b: 2 }), 'pass');
    assert.equal(status('not a = 1 and b = 1', { a: 1, b: 1 }), 'fail');
  });

  it('access-key rotation rule with where ... and not ...', () => {
    const logic =
      "IamUser where firstAccessKey.isActive='true' and not firstAccessKey.lastRotated after(-90, 'days') should have firstAccessKey.lastUsedDate after(-90, 'days')";
    const stale = entity('IamUser', 's', {
      firstAccessKey: { isActive: true, lastRotated: '2023-01-01T00:00:00Z', lastUsedDate: '2023-02-01T00:00:00Z' },
    });
    const rotated = entity('IamUser', 'r', { firstAccessKey: { isActive: true, lastRotated: '2024-06-01T00:00:00Z' } });
    assert.equal(run(logic, stale).status, 'fail');
    assert.equal(run(logic, rotated).excluded, true);
  });

  it('target-only form (event query): a match is a finding', () => {
    const rule = compile("cloudtrail where event.name='CreateNetworkAcl'");
    assert.equal(rule.form, 'query');
    const e = entity('cloudtrail', 'e', { event: { name: 'CreateNetworkAcl' } });
    assert.equal(evaluateRule(rule, e, createWorld([e])).status, 'fail');
  });

  it('Terraform-GCP rule: or/and over contain-any on a scalar', () => {
    const logic =
      "google_project_iam_member should not have member contain-any [($ like '%group%')] or member contain-any [($ like '%user%')] and role contain-any [($ like '%roles/iam.serviceAccountUser%')]";
    assert.equal(run(logic, entity('google_project_iam_member', 'a', { member: 'group:x@y.com', role: 'roles/viewer' })).status, 'fail');
    assert.equal(run(logic, entity('google_project_iam_member', 'b', { member: 'user:x@y.com', role: 'roles/viewer' })).status, 'pass');
    assert.equal(
      run(logic, entity('google_project_iam_member', 'c', { member: 'user:x@y.com', role: 'roles/iam.serviceAccountUser' })).status,
      'fail',
    );
  });

  it('entity names match case-insensitively; runRule picks entities by type', () => {
    const a = entity('aws_cloudtrail', 'a', { is_multi_region_trail: true });
    const b = entity('aws_cloudtrail', 'b', {});
    const s = entity('aws_s3_bucket', 's', {});
    const res = runRule(compile('AWS_CloudTrail should have is_multi_region_trail=true'), createWorld([a, b, s]));
    assert.deepEqual(
      res.map((r) => [r.entity, r.status]),
      [
        ['aws_cloudtrail.a', 'pass'],
        ['aws_cloudtrail.b', 'fail'],
      ],
    );
  });

  it('keywords are case-insensitive; `have` is optional', () => {
    assert.equal(status("a = 1 AND b = 'x'", { a: 1, b: 'x' }), 'pass');
    assert.equal(run('t Should Not Have a = 1', entity('t', 'x', { a: 1 })).status, 'fail');
    assert.equal(run('t should a = 1', entity('t', 'x', { a: 1 })).status, 'pass');
    assert.equal(run('t should not a = 1', entity('t', 'x', { a: 2 })).status, 'pass');
  });
});
