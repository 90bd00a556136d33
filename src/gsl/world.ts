// What GSL rules are evaluated over: entities (one per resource) and the world that holds them all,
// for aggregate rules (`List<type>`) and cross-resource functions (`references`, `referencedBy`).
import { type ObjectValue, Unknown } from '../evaluate/value.js';

export interface Entity {
  /** Entity type: the Terraform resource type (`aws_cloudtrail`). Matched case-insensitively. */
  type: string;
  /** Unique address (`module.a.aws_s3_bucket.b["x"]`); blame and references use it. */
  id: string;
  values: ObjectValue;
  /** Attribute path (`a.0.b`) → addresses it references (`aws_s3_bucket.b.id`), module-qualified. */
  references?: Record<string, string[]>;
  /**
   * Top-level attributes the provider sets at apply that `values` leaves unset (`id`, `arn` of a managed resource
   * read from configuration): read as unknown (known after apply), not as absent. docs/gsl.md, "Unknown or absent".
   */
  computed?: ReadonlySet<string>;
}

/** The value of a computed attribute the configuration does not set: known only after apply, and never empty. */
export function computedValue(e: Entity, attr: string): Unknown {
  return new Unknown([{ kind: 'reference', ref: `${e.id}.${attr}` }], true);
}

export interface World {
  /** All entities of a type; the type is matched case-insensitively. */
  entitiesOfType(type: string): readonly Entity[];
  byAddress(address: string): Entity | undefined;
  /** Instances of a counted/for_each resource by its address without instance key (`aws_s3_bucket.b`). */
  instancesOf?(baseAddress: string): readonly Entity[];
  /** The entity whose `values` object this is, if any (used to enter related entities in `List<...>` items). */
  entityOf?(values: object): Entity | undefined;
}

const INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*"|\*)\]$/;

/** `aws_s3_bucket.b[0]` → `aws_s3_bucket.b`; unchanged when there is no instance key. */
export function baseAddress(address: string): string {
  return address.replace(INSTANCE_KEY, '');
}

const NO_ENTITIES: readonly Entity[] = Object.freeze([]);

export function createWorld(entities: Iterable<Entity>): World {
  const byType = new Map<string, Entity[]>();
  const byAddr = new Map<string, Entity>();
  const byBase = new Map<string, Entity[]>();
  const roots = new WeakMap<object, Entity>();
  for (const e of entities) {
    const t = e.type.toLowerCase();
    let list = byType.get(t);
    if (!list) byType.set(t, (list = []));
    list.push(e);
    byAddr.set(e.id, e);
    const base = baseAddress(e.id);
    if (base !== e.id) {
      let insts = byBase.get(base);
      if (!insts) byBase.set(base, (insts = []));
      insts.push(e);
    }
    roots.set(e.values, e);
  }
  return {
    // Types are mostly written in lower case already: no toLowerCase, and no new empty list, for each of the many asks.
    entitiesOfType: (type) => byType.get(type) ?? byType.get(type.toLowerCase()) ?? NO_ENTITIES,
    byAddress: (address) => byAddr.get(address),
    instancesOf: (base) => byBase.get(base) ?? [],
    entityOf: (values) => roots.get(values),
  };
}

/**
 * Cut points of a reference: `module.a.aws_s3_bucket.b["x"].id` → the offsets after `module`,
 * `module.a`, ... each ending before a `.` or `[` outside quotes, and the whole text.
 */
function cutPoints(ref: string): number[] {
  const out: number[] = [];
  let inQuote = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    else if ((c === '.' || c === '[') && i > 0) out.push(i);
  }
  out.push(ref.length);
  return out;
}

/** The entities a reference such as `aws_s3_bucket.b.id` or `aws_s3_bucket.b[*].arn` points at. */
export function resolveReference(world: World, ref: string): readonly Entity[] {
  const cuts = cutPoints(ref);
  for (let k = cuts.length - 1; k >= 0; k--) {
    const prefix = ref.slice(0, cuts[k]);
    const e = world.byAddress(prefix);
    if (e) return [e];
    const insts = world.instancesOf?.(prefix);
    if (insts && insts.length) return insts;
  }
  return [];
}

/** Does the reference point at this entity (its address, or its resource when it is one instance of many)? */
export function referencesEntity(ref: string, entity: Entity): boolean {
  if (startsAt(ref, entity.id)) return true;
  const base = baseAddress(entity.id);
  return base !== entity.id && (startsAt(ref, base) && !ref.startsWith(`${base}[`) ? true : ref.startsWith(`${base}[*]`));
}

function startsAt(ref: string, address: string): boolean {
  if (!ref.startsWith(address)) return false;
  const c = ref[address.length];
  return c === undefined || c === '.' || c === '[';
}
