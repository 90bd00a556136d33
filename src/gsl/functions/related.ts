// Cross-resource functions. `references(type [, attr])` follows an attribute to the entities it
// names; `referencedBy(type, attr [, ownAttr])` finds the entities whose `attr` names this one.
// An attribute names an entity when it references it (`aws_s3_bucket.b.id`, seen as an unknown
// value with that reference, or in Entity.references) or when its literal value equals one of the
// entity's identifying attributes (`bucket`, `name`, `id`, `arn`, or the attribute given).
import { Unknown, type UnknownReason, type Value } from '../../evaluate/value.js';
import { asNumber, equals } from '../compare.js';
import { resolvePath } from '../path.js';
import { F, T, U, type Truth } from '../truth.js';
import { referencesEntity, resolveReference, type Entity, type World } from '../world.js';
import { arnResourceName } from './arn.js';
import { Members, type Arg, type Datum, type Input, type Member, type ValueFunction } from './types.js';

/** Attributes whose literal value identifies a resource when no attribute is named. */
export const IDENTITY_ATTRIBUTES = ['bucket', 'name', 'id', 'arn'];

interface State {
  type: string;
  attr: (string | number)[] | undefined;
  ownAttr?: (string | number)[] | undefined;
}

function splitPath(s: string): (string | number)[] {
  return s.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const noEntity = (): undefined => undefined;

function valuesAt(e: Entity, path: (string | number)[]): Input[] {
  return resolvePath({ value: e.values, path: '', owner: e, parent: null }, 0, path, noEntity);
}

/** ARN services whose resource types are not named `aws_<service>_...`. */
const ARN_SERVICE_TYPES: Readonly<Record<string, readonly string[]>> = {
  logs: ['aws_cloudwatch_log_'],
  monitoring: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm', 'aws_cloudwatch_dashboard'],
  events: ['aws_cloudwatch_event_'],
  elasticloadbalancing: ['aws_lb', 'aws_alb', 'aws_elb'],
};

/** Can an ARN of this service name an entity of this type? */
function arnServiceFits(service: string, type: string): boolean {
  const t = type.toLowerCase().replace(/^data\./, '');
  const prefixes = ARN_SERVICE_TYPES[service] ?? [`aws_${service}_`];
  return t === `aws_${service}` || prefixes.some((p) => t.startsWith(p));
}

/** The form of IDs AWS generates (`vpc-0a1b2c3d`, `sg-0123456789abcdef0`, `subnet-…`). */
const AWS_ID = /^[a-z]+(?:-[a-z]+)*-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

/** The resource types an EC2 ID's prefix belongs to (`sg-…` a security group): an ID names nothing of another type. */
const ID_PREFIX_TYPES: Readonly<Record<string, readonly string[]>> = {
  vpc: ['aws_vpc', 'aws_default_vpc'],
  sg: ['aws_security_group', 'aws_default_security_group'],
  acl: ['aws_network_acl', 'aws_default_network_acl'],
  subnet: ['aws_subnet', 'aws_default_subnet'],
  rtb: ['aws_route_table', 'aws_default_route_table'],
  igw: ['aws_internet_gateway'],
  nat: ['aws_nat_gateway'],
  pcx: ['aws_vpc_peering_connection'],
  eni: ['aws_network_interface'],
  i: ['aws_instance'],
  lt: ['aws_launch_template'],
  vol: ['aws_ebs_volume'],
  pl: ['aws_ec2_managed_prefix_list'],
};

/** False when the ID's prefix is one of an EC2 type and `type` is not it; true otherwise (unknown prefixes too). */
function idPrefixFits(id: string, type: string): boolean {
  const types = ID_PREFIX_TYPES[id.slice(0, id.lastIndexOf('-'))];
  return !types || types.includes(type.toLowerCase().replace(/^data\./, ''));
}

/** Is `a` an attribute the provider computes and the entity's configuration leaves unset? */
function isComputed(e: Entity, a: string): boolean {
  return e.computed?.has(a) === true && !Object.prototype.hasOwnProperty.call(e.values, a);
}

/**
 * Does `literal` identify entity `e`: T, F, or U when what would decide it is unknown. With `attr`, that attribute
 * is compared. Otherwise what is known is compared (docs/gsl.md, "Unknown or absent"): an ARN by its service and the
 * name inside it against the entity's `bucket` or `name` (or its `arn` when set); an ID of the form AWS generates
 * (`vpc-0a1b2c3d`) against `id`, unknown while the provider has not set it; anything else against `bucket`, `name`,
 * and `id` or `arn` when the configuration sets them.
 */
function identifies(literal: Value, e: Entity, attr: (string | number)[] | undefined, reasons: UnknownReason[]): Truth {
  if (attr) return compareAt(literal, e, [attr], reasons);
  if (typeof literal === 'string' && literal.startsWith('arn:') && !Object.prototype.hasOwnProperty.call(e.values, 'arn')) {
    const service = literal.split(':')[2] ?? '';
    const name = arnResourceName(literal);
    if (!arnServiceFits(service, e.type) || name === undefined) return F;
    const named = ['bucket', 'name'].filter((a) => Object.prototype.hasOwnProperty.call(e.values, a) || isComputed(e, a));
    if (named.length === 0 && e.computed) {
      // Neither set: AWS generates the name at apply.
      reasons.push({ kind: 'reference', ref: `${e.id}.name` });
      return U;
    }
    return compareAt(
      name,
      e,
      named.map((a) => [a]),
      reasons,
    );
  }
  if (typeof literal === 'string' && AWS_ID.test(literal))
    return idPrefixFits(literal, e.type) ? compareAt(literal, e, [['id']], reasons) : F;
  return compareAt(
    literal,
    e,
    IDENTITY_ATTRIBUTES.filter((a) => !isComputed(e, a)).map((a) => [a]),
    reasons,
  );
}

function compareAt(literal: Value, e: Entity, attrs: (string | number)[][], reasons: UnknownReason[]): Truth {
  let r: Truth = F;
  for (const a of attrs) {
    for (const inp of valuesAt(e, a)) {
      const t = equals(inp.value, literal);
      if (t === T) return T;
      if (t === U) {
        r = U;
        if (inp.value instanceof Unknown) reasons.push(...inp.value.reasons);
      }
    }
  }
  return r;
}

function typeMatches(e: Entity, type: string): boolean {
  return e.type.toLowerCase() === type.toLowerCase();
}

function addMember(out: Map<string, Member>, e: Entity, t: Truth, reasons: UnknownReason[]): void {
  if (t === F) return;
  const prev = out.get(e.id);
  if (prev && (prev.member === T || t === U)) return;
  out.set(e.id, { value: e.values, path: '', entity: e, member: t, ...(t === U ? { reasons } : {}) });
}

function prepareTypeAttr(args: Arg[]): { state: unknown } {
  return {
    state: {
      type: String(args[0]!.value),
      attr: args[1] ? splitPath(String(args[1].value)) : undefined,
      ownAttr: args[2] ? splitPath(String(args[2].value)) : undefined,
    } satisfies State,
  };
}

function refsAt(inp: Input): string[] {
  const refs: string[] = [];
  if (inp.path !== null) for (const r of inp.entity.references?.[inp.path] ?? []) refs.push(r);
  return refs;
}

function scalarsOf(v: Datum): Datum[] {
  return Array.isArray(v) ? v : [v];
}

/**
 * Keys under which a scalar can equal another (compare.ts `equals`): its text, and its number for numbers and
 * numeric strings. Two scalars that are equal share a key; sharing one does not make them equal.
 */
function equalityKeys(v: string | number | boolean): string[] {
  if (typeof v === 'number') return [`n:${v}`];
  const n = typeof v === 'string' ? asNumber(v) : undefined;
  return n === undefined ? [`s:${v}`] : [`s:${v}`, `n:${n}`];
}

interface IdentityIndex {
  /** Key → positions (in entitiesOfType order) of entities with an identifying value under that key. */
  byKey: Map<string, number[]>;
  /** Entities with an unknown or non-scalar identifying value: always candidates. */
  always: number[];
  /** Entities whose `id` the provider sets at apply: candidates for a literal of the form of an AWS ID. */
  computedId?: number[];
}

const indexes = new WeakMap<World, Map<string, IdentityIndex>>();

/**
 * The entities a literal may identify: those with an identifying value sharing an equality key with it, and those
 * whose value cannot be indexed; in the order of `candidates`. An index per world and (type, attribute) makes
 * following literal names linear instead of one scan of every candidate per value.
 */
function literalCandidates(world: World, st: State, candidates: readonly Entity[], literal: string | number): Entity[] {
  let perWorld = indexes.get(world);
  if (!perWorld) indexes.set(world, (perWorld = new Map()));
  const cacheKey = `${st.type.toLowerCase()}|${st.attr ? st.attr.join('.') : '*'}`;
  let index = perWorld.get(cacheKey);
  if (!index) {
    index = { byKey: new Map(), always: [] };
    const attrs = st.attr ? [st.attr] : IDENTITY_ATTRIBUTES.map((a) => [a]);
    candidates.forEach((e, i) => {
      let always = false;
      const keys = new Set<string>();
      for (const a of attrs) {
        // A computed ID or ARN the configuration leaves unset is found by the form of the literal (below).
        if (!st.attr && isComputed(e, String(a[0]))) {
          if (a[0] === 'id') (index!.computedId ??= []).push(i);
          continue;
        }
        for (const inp of valuesAt(e, a)) {
          const v = inp.value;
          if (v === undefined || v === null) continue;
          if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') for (const k of equalityKeys(v)) keys.add(k);
          else always = true;
        }
      }
      if (always) index!.always.push(i);
      for (const k of keys) {
        let list = index!.byKey.get(k);
        if (!list) index!.byKey.set(k, (list = []));
        list.push(i);
      }
    });
    perWorld.set(cacheKey, index);
  }
  const positions = new Set<number>(index.always);
  for (const k of equalityKeys(literal)) for (const i of index.byKey.get(k) ?? []) positions.add(i);
  if (!st.attr && typeof literal === 'string') {
    // An ARN names its resource by the name inside it; an AWS ID may be any entity whose id is not known yet.
    const name = literal.startsWith('arn:') ? arnResourceName(literal) : undefined;
    if (name !== undefined) for (const k of equalityKeys(name)) for (const i of index.byKey.get(k) ?? []) positions.add(i);
    if (AWS_ID.test(literal)) for (const i of index.computedId ?? []) positions.add(i);
  }
  return [...positions].sort((a, b) => a - b).map((i) => candidates[i]!);
}

/** The entities of `type` named by one attribute value. */
function follow(inp: Input, st: State, world: World): Input {
  const found = new Map<string, Member>();
  const unresolved: UnknownReason[] = [];
  const candidates = world.entitiesOfType(st.type);
  // Entity.references is positive evidence only: a reference that leads nowhere (var.x, a module
  // output) says nothing when the value itself is known.
  const targets: Entity[] = [];
  for (const r of refsAt(inp)) targets.push(...resolveReference(world, r));
  for (const x of scalarsOf(inp.value)) {
    if (x instanceof Unknown) {
      const hits = x.refs.flatMap((r) => resolveReference(world, r));
      if (hits.length === 0) unresolved.push(...x.reasons);
      targets.push(...hits);
    } else if (typeof x === 'string' || typeof x === 'number') {
      for (const e of literalCandidates(world, st, candidates, x)) {
        const reasons: UnknownReason[] = [];
        addMember(found, e, identifies(x, e, st.attr, reasons), reasons);
      }
    }
  }
  for (const e of targets) if (typeMatches(e, st.type)) addMember(found, e, T, []);
  if (unresolved.length && found.size === 0) return { value: new Unknown(unresolved), path: inp.path, entity: inp.entity };
  const members = [...found.values()];
  // Some elements could not be followed: what was found is only part of the answer, so one
  // unknown member stands for whatever else they name.
  if (unresolved.length)
    members.push({ value: new Unknown(unresolved), path: inp.path, entity: inp.entity, member: U, reasons: unresolved });
  return { value: new Members(members), path: inp.path, entity: inp.entity };
}

export const references: ValueFunction = {
  name: 'references',
  signature: 's3_bucket_name references(aws_s3_bucket) with [ ... ]',
  minArgs: 1,
  maxArgs: 2,
  argKinds: ['string'],
  receiver: 'attribute',
  kind: 'value',
  prepare: prepareTypeAttr,
  apply: (inputs, state, env) => inputs.map((i) => follow(i, state as State, env.world)),
};

/** Does attribute value `inp` (of another entity) name `owner`? */
function names(inp: Input, owner: Entity, ownAttr: (string | number)[] | undefined, world: World, reasons: UnknownReason[]): Truth {
  for (const ref of refsAt(inp)) if (referencesEntity(ref, owner)) return T;
  let r: Truth = F;
  for (const x of scalarsOf(inp.value)) {
    if (x instanceof Unknown) {
      const xr = x.refs;
      if (xr.some((ref) => referencesEntity(ref, owner))) return T;
      // Unknown, and not through a reference to something tfguard can see: it may name the owner.
      if (!xr.some((ref) => resolveReference(world, ref).length > 0)) {
        reasons.push(...x.reasons);
        r = U;
      }
    } else if (typeof x === 'string' || typeof x === 'number') {
      const t = identifies(x, owner, ownAttr, reasons);
      if (t === T) return T;
      if (t === U) r = U;
    }
  }
  return r;
}

/**
 * `entitiesOf(type)`: every entity of a type in the configuration (the same root module), for settings that apply to
 * everything in the account without naming it: `entitiesOf(aws_s3_account_public_access_block) contain [...]`.
 */
export const entitiesOf: ValueFunction = {
  name: 'entitiesOf',
  signature: 'entitiesOf(aws_s3_account_public_access_block) contain [ ignore_public_acls = true ]',
  minArgs: 1,
  maxArgs: 1,
  argKinds: ['string'],
  receiver: 'context',
  kind: 'value',
  prepare: prepareTypeAttr,
  apply(inputs, state, env) {
    const st = state as State;
    const owner = inputs[0]!.entity;
    const members = env.world.entitiesOfType(st.type).map((e): Member => ({ value: e.values, path: '', entity: e, member: T }));
    return [{ value: new Members(members), path: null, entity: owner }];
  },
};

export const referencedBy: ValueFunction = {
  name: 'referencedBy',
  signature: 'referencedBy(aws_s3_bucket_logging, bucket) length() > 0',
  minArgs: 2,
  maxArgs: 3,
  argKinds: ['string'],
  receiver: 'context',
  kind: 'value',
  prepare: prepareTypeAttr,
  apply(inputs, state, env) {
    const st = state as State;
    const owner = inputs[0]!.entity;
    const found = new Map<string, Member>();
    for (const e of env.world.entitiesOfType(st.type)) {
      if (e === owner) continue;
      for (const inp of valuesAt(e, st.attr!)) {
        const reasons: UnknownReason[] = [];
        addMember(found, e, names(inp, owner, st.ownAttr, env.world, reasons), reasons);
      }
    }
    return [{ value: new Members([...found.values()]), path: null, entity: owner }];
  },
};
