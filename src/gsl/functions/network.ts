// allowedHostsForPort(p): how many source addresses the rules of a security group admit on port p.
// Works on Terraform's shape (from_port, to_port, protocol, cidr_blocks, ipv6_cidr_blocks, and cidr_ipv4 /
// cidr_ipv6 of aws_vpc_security_group_ingress_rule) and on CloudGuard's (port, portTo or destinationPort,
// destinationPortTo; scope or source). A rule whose protocol is all (-1, "all") admits every port.
import { isObject, Unknown, type UnknownReason, type Value } from '../../evaluate/value.js';
import { asNumber } from '../compare.js';
import { elementsOf } from '../path.js';
import { Count, type Input, type TestFunction, type ValueFunction } from './types.js';
import { F, T, U } from '../truth.js';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const IPV6 = /^[0-9a-f:.]+(?:\/(\d{1,3}))?$/i;

/** Number of addresses in a CIDR block (a bare address is one); undefined when it is not one. */
export function cidrSize(cidr: string): number | undefined {
  const s = cidr.trim();
  const m4 = IPV4.exec(s);
  if (m4) {
    if (m4.slice(1, 5).some((o) => Number(o) > 255)) return undefined;
    const prefix = m4[5] === undefined ? 32 : Number(m4[5]);
    return prefix > 32 ? undefined : 2 ** (32 - prefix);
  }
  const m6 = s.includes(':') ? IPV6.exec(s) : null;
  if (m6) {
    const prefix = m6[1] === undefined ? 128 : Number(m6[1]);
    return prefix > 128 ? undefined : 2 ** (128 - prefix);
  }
  return undefined;
}

type Acc = { min: number; max: number; reasons: UnknownReason[] };

function addUnknown(acc: Acc, u: Unknown): void {
  acc.max = Infinity;
  acc.reasons.push(...u.reasons);
}

function field(rule: Record<string, Value>, ...names: string[]): Value | undefined {
  for (const n of names) if (n in rule) return rule[n];
  return undefined;
}

function coversPort(rule: Record<string, Value>, port: number, acc: Acc): boolean | undefined {
  const proto = field(rule, 'protocol', 'ip_protocol');
  if (proto instanceof Unknown) {
    acc.reasons.push(...proto.reasons);
    return undefined;
  }
  if (proto === '-1' || proto === -1 || (typeof proto === 'string' && proto.toLowerCase() === 'all')) return true;
  const from = field(rule, 'from_port', 'port', 'destinationPort');
  const to = field(rule, 'to_port', 'portTo', 'destinationPortTo') ?? from;
  if (from instanceof Unknown || to instanceof Unknown) {
    acc.reasons.push(...(from instanceof Unknown ? from : (to as Unknown)).reasons);
    return undefined;
  }
  const lo = asNumber(from ?? undefined);
  const hi = asNumber(to ?? undefined);
  if (lo === undefined || hi === undefined) return false;
  // AWS writes "all ports" of tcp/udp as 0-0 or 0-65535.
  if (lo === 0 && hi === 0) return true;
  return lo <= port && port <= hi;
}

function countRule(rule: Value, port: number, acc: Acc): void {
  if (rule instanceof Unknown) return addUnknown(acc, rule);
  if (!isObject(rule)) return;
  const covers = coversPort(rule, port, acc);
  if (covers === false) return;
  let hosts = 0;
  for (const key of ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6', 'scope', 'source']) {
    const v = rule[key];
    for (const c of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      if (c instanceof Unknown) addUnknown(acc, c);
      else if (typeof c === 'string') hosts += cidrSize(c) ?? 0;
    }
  }
  if (covers === undefined) {
    // Whether the rule covers the port is unknown: its hosts may or may not count.
    acc.max += hosts;
    return;
  }
  acc.min += hosts;
  acc.max += hosts;
}

export const allowedHostsForPort: ValueFunction = {
  name: 'allowedHostsForPort',
  signature: 'ingress allowedHostsForPort(22) > 256',
  minArgs: 1,
  maxArgs: 1,
  argKinds: ['number'],
  receiver: 'attribute',
  kind: 'value',
  apply(inputs: Input[], state, _env): Input[] {
    const port = state as number;
    const acc: Acc = { min: 0, max: 0, reasons: [] };
    for (const inp of inputs) {
      const els = elementsOf(inp, () => undefined);
      if (els instanceof Unknown) addUnknown(acc, els);
      else for (const el of els) countRule(el.value, port, acc);
    }
    const first = inputs[0]!;
    return [{ value: new Count(acc.min, acc.max, acc.reasons), path: inputs.length === 1 ? first.path : null, entity: first.entity }];
  },
  prepare: (args) => {
    const p = args[0]!.value as number;
    if (!Number.isInteger(p) || p < 0 || p > 65535) return { error: `port ${p} is not between 0 and 65535`, arg: 0 };
    return { state: p };
  },
};

/** IPv4 blocks that are not reachable from the internet (RFC 1918, loopback, link-local, shared address space). */
const PRIVATE4: [number, number][] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
].map(([a, p]) => [ipv4(a as string)!, p as number]);

function ipv4(a: string): number | undefined {
  const m = IPV4.exec(a.trim());
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255)) return undefined;
  return ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
}

/** Does a CIDR block (or address) include addresses of the internet? undefined when it is not one. */
export function cidrIsPublic(cidr: string): boolean | undefined {
  const s = cidr.trim();
  const m4 = IPV4.exec(s);
  if (m4) {
    const base = ipv4(s.split('/')[0]!);
    const prefix = m4[5] === undefined ? 32 : Number(m4[5]);
    if (base === undefined || prefix > 32) return undefined;
    // Inside one private block when the block is at least as narrow as it and starts within it.
    return !PRIVATE4.some(([net, p]) => prefix >= p && base >>> (32 - p) === net >>> (32 - p));
  }
  if (s.includes(':') && IPV6.test(s)) {
    const lower = s.toLowerCase();
    const prefix = Number(/\/(\d{1,3})$/.exec(lower)?.[1] ?? 128);
    const head = parseInt(lower.split(':')[0] || '0', 16);
    if (lower.startsWith('::1') && prefix === 128) return false;
    if (prefix >= 7 && (head & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
    if (prefix >= 10 && (head & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
    return true;
  }
  return undefined;
}

/**
 * `isPublic()`: a CIDR block or address that includes internet addresses (`0.0.0.0/0`, `::/0`, any block outside the
 * private ranges). CloudGuard's `isPublic` of an asset is its own attribute (`AMI should have isPublic=false`).
 */
export const isPublic: TestFunction = cidrTest('isPublic', 'cidr_blocks contain [ $ isPublic() ]', (c) => cidrIsPublic(c) === true);

/** A test on a CIDR block written as text: unknown while the value is, false for anything that is not text. */
export function cidrTest(name: string, signature: string, holds: (cidr: string) => boolean): TestFunction {
  return {
    name,
    signature,
    minArgs: 0,
    maxArgs: 0,
    argKinds: [],
    receiver: 'attribute',
    kind: 'test',
    test(input) {
      const v = input.value;
      if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
      if (typeof v !== 'string') return F;
      return holds(v) ? T : F;
    },
  };
}
