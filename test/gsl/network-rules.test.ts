// The security-group and network-ACL rule model: networkRules(direction), admitsPort(p), isAnyAddress(), and rules
// written over several entity types.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, runRule, type Entity } from '../../src/gsl/index.js';
import { compile, compileErrors, entity, NOW, put, run, variable } from './helpers.js';

const SSH_OPEN = "t should not have networkRules('ingress') contain [ cidr isAnyAddress() and $ admitsPort(22) ]";
const sshOpen = (e: Entity, ...others: Entity[]): string =>
  run(SSH_OPEN.replace('t ', `${e.type} `), e, createWorld([e, ...others])).status;

const sg = (ingress: Record<string, unknown>[]): Entity => entity('aws_security_group', 'web', { name: 'web', ingress });
const nacl = (ingress: Record<string, unknown>[]): Entity => entity('aws_network_acl', 'a', { vpc_id: 'vpc-0a1b2c3d', ingress });

describe('networkRules: one element per rule and source', () => {
  it('reads inline blocks, with each CIDR, prefix list, group and self apart, and the blame path of each', () => {
    const e = sg([
      { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'], self: true },
      { protocol: '-1', from_port: 0, to_port: 0, prefix_list_ids: ['pl-0a1b2c3d'], security_groups: ['sg-0123456789abcdef0'] },
    ]);
    const r = run("aws_security_group should have networkRules('ingress') length() = 5", e);
    assert.equal(r.status, 'pass');
    const failing = run(SSH_OPEN.replace('t ', 'aws_security_group '), e);
    assert.equal(failing.status, 'fail');
    assert.deepEqual(
      failing.blame.map((b) => b.path),
      ['ingress.0.cidr_blocks.1.cidr', 'ingress.0.cidr_blocks.1'],
    );
  });

  it('protocol -1 and all open every port; tcp and udp only their range; icmp and 0-0 not port 22', () => {
    const one = (rule: Record<string, unknown>): string => sshOpen(sg([{ cidr_blocks: ['0.0.0.0/0'], ...rule }]));
    assert.equal(one({ protocol: '-1', from_port: 0, to_port: 0 }), 'fail');
    assert.equal(one({ protocol: 'ALL', from_port: 80, to_port: 80 }), 'fail');
    assert.equal(one({ protocol: '17', from_port: 20, to_port: 30 }), 'fail');
    assert.equal(one({ protocol: 'tcp', from_port: 23, to_port: 30 }), 'pass');
    assert.equal(one({ protocol: 'icmp', from_port: -1, to_port: -1 }), 'pass');
    assert.equal(one({ protocol: 'tcp', from_port: 0, to_port: 0 }), 'pass');
    assert.equal(one({ protocol: 'tcp', from_port: -1, to_port: -1 }), 'pass');
    assert.equal(one({ protocol: '50', from_port: 0, to_port: 65535 }), 'pass');
  });

  it('a /0 block of either family is every address; a narrower one, a bare address or "/0" is not', () => {
    const from = (cidr: string, attr = 'cidr_blocks'): string =>
      sshOpen(sg([{ protocol: 'tcp', from_port: 22, to_port: 22, [attr]: [cidr] }]));
    assert.equal(from('0.0.0.0/0'), 'fail');
    assert.equal(from('0.1.0.0/0'), 'fail');
    assert.equal(from('::/0', 'ipv6_cidr_blocks'), 'fail');
    assert.equal(from('0000:0000:0000:0000:0000:0000:0000:0000/0', 'ipv6_cidr_blocks'), 'fail');
    assert.equal(from('0.0.0.0/1'), 'pass');
    assert.equal(from('0.0.0.0'), 'pass');
    assert.equal(from('/0'), 'pass');
  });

  it('unknown protocol, ports or CIDR leave the answer unknown, with the variable named', () => {
    const e = sg([{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }]);
    put(e, 'ingress.0.from_port', variable('port'));
    const r = run(SSH_OPEN.replace('t ', 'aws_security_group '), e);
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['var.port has no value']);
    const c = sg([{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8'] }]);
    put(c, 'ingress.0.cidr_blocks', variable('cidrs'));
    assert.equal(sshOpen(c), 'unknown');
  });

  it('rule resources: type, egress and the resource type say the direction', () => {
    const rule = (type: string): Entity =>
      entity('aws_security_group_rule', 'r', {
        type,
        protocol: 'tcp',
        from_port: 22,
        to_port: 22,
        cidr_blocks: ['0.0.0.0/0'],
        security_group_id: 'sg-0123456789abcdef0',
      });
    assert.equal(sshOpen(rule('ingress')), 'fail');
    assert.equal(sshOpen(rule('egress')), 'pass');
    const out = entity('aws_vpc_security_group_egress_rule', 'o', { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' });
    assert.equal(sshOpen(out), 'pass');
    const nin = entity('aws_network_acl_rule', 'n', {
      rule_number: 100,
      rule_action: 'allow',
      protocol: 'tcp',
      from_port: 22,
      to_port: 22,
      cidr_block: '0.0.0.0/0',
    });
    assert.equal(sshOpen(nin), 'fail');
    const nout = entity('aws_network_acl_rule', 'n', {
      egress: true,
      rule_number: 100,
      rule_action: 'allow',
      protocol: 'tcp',
      from_port: 22,
      to_port: 22,
      cidr_block: '0.0.0.0/0',
    });
    assert.equal(sshOpen(nout), 'pass');
  });
});

describe('network ACLs: the first matching rule by number decides', () => {
  const allowAll = { rule_no: 200, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' };
  it('a lower-numbered deny of the port for every address shadows the allow; a later or narrower one does not', () => {
    const deny = (n: number, cidr = '0.0.0.0/0', port = 22) => ({
      rule_no: n,
      action: 'deny',
      protocol: 'tcp',
      from_port: port,
      to_port: port,
      cidr_block: cidr,
    });
    assert.equal(sshOpen(nacl([deny(100), allowAll])), 'pass');
    assert.equal(sshOpen(nacl([deny(300), allowAll])), 'fail');
    assert.equal(sshOpen(nacl([deny(100, '1.0.0.0/8'), allowAll])), 'fail');
    assert.equal(sshOpen(nacl([deny(100, '0.0.0.0/0', 3389), allowAll])), 'fail');
  });

  it('standalone rules of the same ACL count, followed through network_acl_id', () => {
    const acl = nacl([allowAll]);
    const deny = entity(
      'aws_network_acl_rule',
      'deny',
      { rule_number: 10, rule_action: 'deny', protocol: '-1', cidr_block: '0.0.0.0/0', network_acl_id: 'x' },
      { network_acl_id: ['aws_network_acl.a.id'] },
    );
    assert.equal(sshOpen(acl, deny), 'pass');
    const other = entity('aws_network_acl_rule', 'deny', {
      rule_number: 10,
      rule_action: 'deny',
      protocol: '-1',
      cidr_block: '0.0.0.0/0',
      network_acl_id: 'acl-0a1b2c3d',
    });
    assert.equal(sshOpen(acl, other), 'fail');
  });

  it('a deny whose number is unknown may come first: unknown', () => {
    const acl = nacl([{ rule_no: 0, action: 'deny', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' }, allowAll]);
    put(acl, 'ingress.0.rule_no', variable('n'));
    put(acl, 'ingress.0.cidr_block', variable('deny_cidr'));
    assert.equal(sshOpen(acl), 'unknown');
  });
});

describe('rules over several entity types', () => {
  it('`a, b should ...` evaluates every entity of each type, once', () => {
    const rule = compile('aws_instance, aws_launch_template should have ebs_optimized = true');
    assert.deepEqual(rule.entities, ['aws_instance', 'aws_launch_template']);
    const world = createWorld([
      entity('aws_instance', 'a', { ebs_optimized: true }),
      entity('aws_launch_template', 'b', { ebs_optimized: false }),
      entity('aws_launch_configuration', 'c', { ebs_optimized: false }),
    ]);
    assert.deepEqual(
      runRule(rule, world, { now: NOW }).map((r) => [r.entity, r.status]),
      [
        ['aws_instance.a', 'pass'],
        ['aws_launch_template.b', 'fail'],
      ],
    );
  });

  it('a type listed twice, a missing type after a comma, and List<> with several types are errors', () => {
    assert.match(compileErrors('aws_instance, AWS_INSTANCE should have x')[0]!, /`AWS_INSTANCE` is listed twice/);
    assert.match(compileErrors('aws_instance, should have x')[0]!, /expected another entity type after `,`/);
    assert.match(compileErrors('List<aws_instance>, aws_vpc should have x')[0]!, /expected `should` or `where`/);
  });
});
