// One model of security-group and network-ACL rules, whichever of the seven places Terraform writes them in:
// `aws_security_group` / `aws_default_security_group` inline `ingress`/`egress` blocks, `aws_security_group_rule`,
// `aws_vpc_security_group_ingress_rule` / `_egress_rule`, `aws_network_acl` / `aws_default_network_acl` inline
// blocks and `aws_network_acl_rule`. `networkRules(direction)` gives one element per rule and source, in one normal
// form (docs/gsl.md §5c); `admitsPort(p)` and `isAnyAddress()` judge them.
import { isObject, newObject, Unknown, type ObjectValue, type UnknownReason, type Value } from '../../evaluate/value.js';
import { asNumber } from '../compare.js';
import { F, T, U, type Truth } from '../truth.js';
import { referencesEntity, resolveReference, type Entity, type World } from '../world.js';
import { cidrSize, cidrTest } from './network.js';
import { Members, type Member, type TestFunction, type ValueFunction } from './types.js';

type Direction = 'ingress' | 'egress';

const PROTOCOLS: Readonly<Record<string, string>> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** `tcp`, `udp`, `icmp`, `icmpv6`, `all`, or the protocol number as text; unknown stays unknown. */
function protocolOf(v: Value | undefined): Value {
  if (v instanceof Unknown) return v;
  if (v === undefined || v === null) return null;
  const s = String(v).trim().toLowerCase();
  return PROTOCOLS[s] ?? s;
}

/** The source (or destination) attributes of each place, with the address family of the CIDRs they hold. */
const SOURCES: readonly { attr: string; field: 'cidr' | 'prefix_list_id' | 'security_group_id' | 'self'; family?: string }[] = [
  { attr: 'cidr_blocks', field: 'cidr', family: 'ipv4' },
  { attr: 'ipv6_cidr_blocks', field: 'cidr', family: 'ipv6' },
  { attr: 'cidr_ipv4', field: 'cidr', family: 'ipv4' },
  { attr: 'cidr_ipv6', field: 'cidr', family: 'ipv6' },
  { attr: 'cidr_block', field: 'cidr', family: 'ipv4' },
  { attr: 'ipv6_cidr_block', field: 'cidr', family: 'ipv6' },
  { attr: 'prefix_list_ids', field: 'prefix_list_id' },
  { attr: 'prefix_list_id', field: 'prefix_list_id' },
  { attr: 'security_groups', field: 'security_group_id' },
  { attr: 'source_security_group_id', field: 'security_group_id' },
  { attr: 'referenced_security_group_id', field: 'security_group_id' },
  { attr: 'self', field: 'self' },
];

interface Built {
  value: Value;
  path: string;
  entity: Entity;
  member: Truth;
  reasons?: UnknownReason[];
}

/** The ports a rule opens, for people: `port 22`, `ports 20-30`, `every port`; unknown when they are. */
function portsText(protocol: Value, from: Value, to: Value): Value {
  if (protocol === 'all') return 'every port';
  if (protocol instanceof Unknown) return protocol;
  if (from instanceof Unknown) return from;
  if (to instanceof Unknown) return to;
  if (typeof from !== 'number' || typeof to !== 'number') return null;
  return from === to ? `port ${from}` : `ports ${from}-${to}`;
}

/** The common fields of one rule (protocol, ports, action, number), read from a block or resource. */
function header(kind: string, direction: Direction, rule: ObjectValue, nacl: boolean): ObjectValue {
  const o = newObject();
  o.kind = kind;
  o.direction = direction;
  const protocol = protocolOf(rule.protocol ?? rule.ip_protocol);
  o.protocol = protocol;
  const from = rule.from_port;
  const to = rule.to_port;
  if (protocol === 'all') {
    // Protocol -1 opens every port whatever from_port/to_port say.
    o.from_port = 0;
    o.to_port = 65535;
  } else {
    o.from_port = from instanceof Unknown ? from : (asNumber(from ?? undefined) ?? null);
    o.to_port = to instanceof Unknown ? to : (asNumber(to ?? undefined) ?? null);
  }
  o.ports = portsText(o.protocol, o.from_port, o.to_port);
  if (nacl) {
    const action = rule.action ?? rule.rule_action;
    o.action = action instanceof Unknown ? action : typeof action === 'string' ? action.toLowerCase() : null;
    const n = rule.rule_no ?? rule.rule_number;
    o.rule_number = n instanceof Unknown ? n : (asNumber(n ?? undefined) ?? null);
  } else o.action = 'allow';
  return o;
}

/** One element per source of a rule: each CIDR, prefix list, security group, or `self`. */
function expand(kind: string, direction: Direction, rule: Value, path: string, entity: Entity, nacl: boolean, out: Built[]): void {
  if (rule instanceof Unknown) {
    out.push({ value: rule, path, entity, member: U, reasons: rule.reasons });
    return;
  }
  if (!isObject(rule)) return;
  const head = header(kind, direction, rule, nacl);
  for (const s of SOURCES) {
    const v = rule[s.attr];
    if (v === undefined || v === null || v === false) continue;
    const at = path ? `${path}.${s.attr}` : s.attr;
    const add = (value: Value, p: string, member: Truth = T): void => {
      const o = Object.assign(newObject(), head);
      o[s.field] = value;
      if (s.family) o.family = s.family;
      out.push({ value: o, path: p, entity, member, ...(value instanceof Unknown ? { reasons: value.reasons } : {}) });
    };
    if (v instanceof Unknown) add(v, at, v.nonEmpty ? T : U);
    else if (Array.isArray(v)) v.forEach((x, i) => add(x, `${at}.${i}`));
    else add(v, at);
  }
}

function str(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v.toLowerCase() : undefined;
}

/** Does a rule resource of this direction (`type = "ingress"`, `egress = false`) belong to `direction`? */
function resourceDirection(e: Entity, direction: Direction): Truth {
  const t = e.type.toLowerCase();
  const v = e.values;
  if (t === 'aws_security_group_rule') {
    if (v.type instanceof Unknown) return U;
    return str(v.type) === direction ? T : F;
  }
  if (t === 'aws_network_acl_rule') {
    const eg = v.egress;
    if (eg instanceof Unknown) return U;
    const isEgress = eg === true || eg === 'true';
    return isEgress === (direction === 'egress') ? T : F;
  }
  if (t === 'aws_vpc_security_group_ingress_rule') return direction === 'ingress' ? T : F;
  if (t === 'aws_vpc_security_group_egress_rule') return direction === 'egress' ? T : F;
  return F;
}

const INLINE = new Set(['aws_security_group', 'aws_default_security_group', 'aws_network_acl', 'aws_default_network_acl']);
const RULE_RESOURCES = new Set([
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_network_acl_rule',
]);

/** The rules an entity itself writes, in the normal form. */
export function ownRules(e: Entity, direction: Direction): Built[] {
  const t = e.type.toLowerCase();
  const nacl = t.includes('network_acl');
  const kind = nacl ? 'network_acl' : 'security_group';
  const out: Built[] = [];
  if (INLINE.has(t)) {
    const blocks = e.values[direction];
    if (blocks instanceof Unknown) out.push({ value: blocks, path: direction, entity: e, member: U, reasons: blocks.reasons });
    else if (Array.isArray(blocks)) blocks.forEach((b, i) => expand(kind, direction, b, `${direction}.${i}`, e, nacl, out));
  } else if (RULE_RESOURCES.has(t)) {
    const d = resourceDirection(e, direction);
    if (d === F) return out;
    expand(kind, direction, e.values, '', e, nacl, out);
    if (d === U) for (const b of out) b.member = U;
  }
  return out;
}

/** The network ACLs a standalone NACL rule's `network_acl_id` references (world.ts resolves the references). */
function aclsOf(rule: Entity, world: World): Entity[] {
  return (rule.references?.network_acl_id ?? [])
    .flatMap((ref) => [...resolveReference(world, ref)])
    .filter((e) => e.type.toLowerCase().includes('network_acl'));
}

/** Does a standalone NACL rule belong to `acl`: by reference, or by the literal ID both give? */
function ruleOfAcl(rule: Entity, acl: Entity): boolean {
  return (rule.references?.network_acl_id ?? []).some((ref) => referencesEntity(ref, acl));
}

/** Every rule of the network ACL a NACL rule (inline or standalone) belongs to, in the direction given. */
function aclRules(e: Entity, direction: Direction, world: World): Built[] {
  const standalone = world.entitiesOfType('aws_network_acl_rule');
  if (e.type.toLowerCase() !== 'aws_network_acl_rule') {
    return [...ownRules(e, direction), ...standalone.filter((r) => ruleOfAcl(r, e)).flatMap((r) => ownRules(r, direction))];
  }
  const acls = aclsOf(e, world);
  if (acls.length)
    return [
      ...acls.flatMap((a) => ownRules(a, direction)),
      ...standalone.filter((r) => acls.some((a) => ruleOfAcl(r, a))).flatMap((r) => ownRules(r, direction)),
    ];
  // A literal ACL ID (or one tfguard cannot follow): the rules that give the same literal.
  const id = e.values.network_acl_id;
  if (typeof id !== 'string') return ownRules(e, direction);
  return standalone
    .filter((r) => !r.references?.network_acl_id?.length && r.values.network_acl_id === id)
    .flatMap((r) => ownRules(r, direction));
}

/**
 * NACL rules are evaluated in ascending number and the first that matches decides: an allow rule lists the deny
 * rules numbered before it (`denied_before`), which `admitsPort` reads.
 */
function addShadows(e: Entity, direction: Direction, own: Built[], world: World): void {
  const all = aclRules(e, direction, world);
  for (const b of own) {
    if (!isObject(b.value) || b.value.action !== 'allow') continue;
    const n = b.value.rule_number;
    const denies: Value[] = [];
    for (const o of all) {
      if (!isObject(o.value) || o.value.action === 'allow') continue;
      const m = o.value.rule_number;
      if (typeof n === 'number' && typeof m === 'number' && m >= n) continue;
      // An unknown number or action may come first: the deny is kept, and decides only when it covers everything.
      denies.push(o.value);
    }
    b.value.denied_before = denies;
  }
}

function prepareDirection(args: { value: unknown }[]): { error: string; arg?: number } | { state: unknown } {
  const d = String(args[0]!.value).toLowerCase();
  if (d !== 'ingress' && d !== 'egress') return { error: `direction must be 'ingress' or 'egress', not '${d}'`, arg: 0 };
  return { state: d };
}

export const networkRules: ValueFunction = {
  name: 'networkRules',
  signature: "networkRules('ingress') contain [ cidr isAnyAddress() and $ admitsPort(22) ]",
  minArgs: 1,
  maxArgs: 1,
  argKinds: ['string'],
  receiver: 'context',
  kind: 'value',
  prepare: prepareDirection,
  apply(inputs, state, env) {
    const owner = inputs[0]!.entity;
    const direction = state as Direction;
    const own = ownRules(owner, direction);
    if (owner.type.toLowerCase().includes('network_acl')) addShadows(owner, direction, own, env.world);
    const members: Member[] = own.map((b) => ({
      value: b.value,
      path: b.path,
      entity: b.entity,
      member: b.member,
      ...(b.reasons ? { reasons: b.reasons } : {}),
    }));
    return [{ value: new Members(members), path: null, entity: owner }];
  },
};

// ---- judging one rule ----

type Verdict = { truth: Truth; reasons: UnknownReason[] };

function unknownOf(reasons: UnknownReason[], ...vs: (Value | undefined)[]): boolean {
  let any = false;
  for (const v of vs)
    if (v instanceof Unknown) {
      reasons.push(...v.reasons);
      any = true;
    }
  return any;
}

/** Does the rule's protocol and port range carry TCP or UDP traffic to `port`? */
function coversPort(rule: ObjectValue, port: number, reasons: UnknownReason[]): Truth {
  const { protocol, from_port: from, to_port: to } = rule;
  if (unknownOf(reasons, protocol)) return U;
  if (protocol === 'all') return T;
  if (protocol !== 'tcp' && protocol !== 'udp') return F;
  if (unknownOf(reasons, from, to)) return U;
  if (typeof from !== 'number' || typeof to !== 'number') return F;
  return from <= port && port <= to ? T : F;
}

/** Does a deny rule stop all traffic to `port` from every address of `family` (so a later allow never applies)? */
function denyCovers(deny: ObjectValue, port: number, family: Value | undefined, reasons: UnknownReason[]): Truth {
  const c = coversPort(deny, port, reasons);
  if (c !== T) return c;
  if (unknownOf(reasons, deny.cidr)) return U;
  if (deny.family !== family || typeof deny.cidr !== 'string') return F;
  return cidrSize(deny.cidr) === (family === 'ipv6' ? 2 ** 128 : 2 ** 32) ? T : F;
}

function admits(rule: ObjectValue, port: number): Verdict {
  const reasons: UnknownReason[] = [];
  if (unknownOf(reasons, rule.action)) return { truth: U, reasons };
  if (rule.action !== 'allow') return { truth: F, reasons };
  const c = coversPort(rule, port, reasons);
  if (c !== T) return { truth: c, reasons };
  let shadow: Truth = F;
  const denies = Array.isArray(rule.denied_before) ? rule.denied_before : [];
  for (const d of denies) {
    if (!isObject(d)) continue;
    const r = denyCovers(d, port, rule.family ?? undefined, reasons);
    if (r === T) return { truth: F, reasons: [] };
    if (r === U) shadow = U;
  }
  return { truth: shadow === U ? U : T, reasons };
}

export const admitsPort: TestFunction = {
  name: 'admitsPort',
  signature: '$ admitsPort(22)',
  minArgs: 1,
  maxArgs: 1,
  argKinds: ['number'],
  receiver: 'attribute',
  kind: 'test',
  prepare: (args) => {
    const p = args[0]!.value as number;
    if (!Number.isInteger(p) || p < 0 || p > 65535) return { error: `port ${p} is not between 0 and 65535`, arg: 0 };
    return { state: p };
  },
  test(input, state) {
    const v = input.value;
    if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
    if (!isObject(v as Value)) return F;
    return admits(v as ObjectValue, state as number);
  },
};

/** `cidr isAnyAddress()`: a `/0` block of either family (`0.0.0.0/0`, `::/0` in any spelling). */
export const isAnyAddress: TestFunction = cidrTest('isAnyAddress', 'cidr isAnyAddress()', (c) => {
  const n = cidrSize(c);
  return n === 2 ** 32 || n === 2 ** 128;
});
