// Walking attribute paths and collections. A path step into a list of blocks steps into every
// element (`ingress.from_port` names one value per `ingress` block); an absent attribute is one
// input whose value is undefined and whose blame path is the nearest existing ancestor.
import { isObject, Unknown, type Value } from '../evaluate/value.js';
import { Count, Members, type Input, type Member } from './functions/types.js';
import { T } from './truth.js';
import { computedValue, type Entity } from './world.js';

export interface PathScope {
  value: Value | undefined;
  /** Blame path of the context value ('' = entity root, null = nowhere). */
  path: string | null;
  owner: Entity;
  parent: PathScope | null;
}

export type EntityOf = (v: object) => Entity | undefined;

/** An attribute the value at `path` does not have: absent, or at an entity's root one the provider computes. */
function missing(owner: Entity, path: string | null, key: string, named: boolean): Input {
  if (path !== '') return { value: undefined, path, entity: owner };
  if (owner.computed?.has(key)) return { value: computedValue(owner, key), path: key, entity: owner };
  return named ? { value: undefined, path, entity: owner, absent: key } : { value: undefined, path, entity: owner };
}

export function joinPath(base: string | null, seg: string | number): string | null {
  if (base === null) return null;
  return base === '' ? String(seg) : `${base}.${seg}`;
}

const hasOwn = Object.prototype.hasOwnProperty;

function stepInto(v: Value | undefined, path: string | null, owner: Entity, seg: string | number, out: Input[], entityOf: EntityOf): void {
  if (v === undefined || v === null) {
    out.push({ value: undefined, path, entity: owner });
    return;
  }
  if (v instanceof Unknown) {
    // Whatever is inside an unknown value is unknown too, and may be absent.
    out.push({ value: v.nonEmpty ? new Unknown(v.reasons, false) : v, path: joinPath(path, seg), entity: owner });
    return;
  }
  if (Array.isArray(v)) {
    if (typeof seg === 'number') {
      const el = v[seg];
      if (el === undefined) out.push({ value: undefined, path, entity: owner });
      else out.push({ value: el, path: joinPath(path, seg), entity: owner });
      return;
    }
    if (v.length === 0) {
      out.push({ value: undefined, path, entity: owner });
      return;
    }
    for (let i = 0; i < v.length; i++) {
      const el = v[i]!;
      const root = isObject(el) ? entityOf(el) : undefined;
      if (root) stepInto(el, '', root, seg, out, entityOf);
      else stepInto(el, joinPath(path, i), owner, seg, out, entityOf);
    }
    return;
  }
  if (isObject(v)) {
    const key = String(seg);
    if (hasOwn.call(v, key)) out.push({ value: v[key]!, path: joinPath(path, key), entity: owner });
    else out.push(missing(owner, path, key, false));
    return;
  }
  out.push({ value: undefined, path, entity: owner });
}

/** The values a path names from a scope (at least one input; absent is value undefined). */
export function resolvePath(scope: PathScope, up: number, segments: readonly (string | number)[], entityOf: EntityOf): Input[] {
  let s = scope;
  for (let i = 0; i < up && s.parent; i++) s = s.parent;
  // Fast path: plain objects all the way down (the common case) need no intermediate lists.
  let v: Value | undefined = s.value;
  let path = s.path;
  let k = 0;
  for (; k < segments.length; k++) {
    if (!isObject(v)) break;
    const key = String(segments[k]);
    if (!hasOwn.call(v, key)) return [missing(s.owner, path, key, true)];
    v = v[key];
    path = joinPath(path, key);
  }
  if (k === segments.length) return [{ value: v, path, entity: s.owner }];
  let cur: Input[] = [{ value: v, path, entity: s.owner }];
  segments = segments.slice(k);
  for (const seg of segments) {
    const next: Input[] = [];
    for (const c of cur) stepInto(c.value as Value | undefined, c.path, c.entity, seg, next, entityOf);
    cur = next;
  }
  return cur;
}

/**
 * The elements of a collection: a list's elements; a scalar or object counts as a one-element list;
 * absent and null as the empty list. Unknown collections are returned as is.
 */
export function elementsOf(inp: Input, entityOf: EntityOf): Member[] | Unknown {
  const v = inp.value;
  if (v === undefined || v === null) return [];
  if (v instanceof Members) return v.items;
  if (v instanceof Unknown) return v;
  if (v instanceof Count) {
    if (v.min === v.max) return [{ value: v.min, path: inp.path, entity: inp.entity, member: T }];
    return new Unknown(v.reasons.length ? v.reasons : [{ kind: 'expression', detail: 'count is not known exactly' }]);
  }
  if (Array.isArray(v)) {
    const out: Member[] = [];
    for (let i = 0; i < v.length; i++) {
      const el = v[i]!;
      if (isObject(el)) {
        const root = entityOf(el);
        if (root) {
          out.push({ value: el, path: '', entity: root, member: T });
          continue;
        }
      }
      // Scalar elements blame the list attribute itself (that is what Resource.ranges knows).
      const scalar = el === null || typeof el !== 'object';
      out.push({ value: el, path: scalar ? inp.path : joinPath(inp.path, i), entity: inp.entity, member: T });
    }
    return out;
  }
  if (isObject(v) && Object.keys(v).length === 0) return [];
  return [{ value: v, path: inp.path, entity: inp.entity, member: T }];
}
