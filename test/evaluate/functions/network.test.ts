import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq, call, fails } from './helpers.js';

describe('network functions', () => {
  it('cidrsubnet for IPv4 and IPv6', () => {
    assert.equal(call('cidrsubnet', '172.16.0.0/12', 4, 2), '172.18.0.0/16');
    assert.equal(call('cidrsubnet', '10.1.2.0/24', 4, 15), '10.1.2.240/28');
    assert.equal(call('cidrsubnet', 'fd00:fd12:3456:7890::/56', 16, 162), 'fd00:fd12:3456:7800:a200::/72');
    assert.equal(call('cidrsubnet', '10.1.2.3/16', 8, 1), '10.1.1.0/24');
    fails('cidrsubnet', ['10.0.0.0/30', 4, 0], 'cidrsubnet(): insufficient address space to extend prefix of 30 by 4');
    fails('cidrsubnet', ['10.0.0.0/16', 8, 256], /prefix extension of 8 does not accommodate a subnet numbered 256/);
    fails('cidrsubnet', ['10.0.0/16', 8, 1], 'cidrsubnet(): invalid CIDR address: 10.0.0/16');
    fails('cidrsubnet', ['10.0.0.0/33', 1, 1], /invalid CIDR address/);
  });

  it('cidrsubnets allocates consecutive aligned blocks', () => {
    eq(call('cidrsubnets', '10.1.0.0/16', 4, 4, 8, 4), ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']);
    eq(call('cidrsubnets', 'fd00:fd12:3456:7890::/56', 16, 16, 16, 32), [
      'fd00:fd12:3456:7800::/72',
      'fd00:fd12:3456:7800:100::/72',
      'fd00:fd12:3456:7800:200::/72',
      'fd00:fd12:3456:7800:300::/88',
    ]);
    fails('cidrsubnets', ['10.0.0.0/24', 1, 1, 1], /not enough remaining address space/);
  });

  it('cidrhost and cidrnetmask', () => {
    assert.equal(call('cidrhost', '10.12.112.0/20', 16), '10.12.112.16');
    assert.equal(call('cidrhost', '10.12.112.0/20', 268), '10.12.113.12');
    assert.equal(call('cidrhost', '10.0.0.0/24', -1), '10.0.0.255');
    assert.equal(call('cidrhost', 'fd00:fd12:3456:7890:00a2::/72', 34), 'fd00:fd12:3456:7890::22');
    assert.equal(call('cidrhost', '::/0', 1), '::1');
    fails('cidrhost', ['10.0.0.0/24', 256], /prefix of 24 does not accommodate a host numbered 256/);
    assert.equal(call('cidrnetmask', '172.16.0.0/12'), '255.240.0.0');
    assert.equal(call('cidrnetmask', '10.0.0.0/32'), '255.255.255.255');
    fails('cidrnetmask', ['fd00::/8'], /only IPv4 networks are supported/);
  });
});
