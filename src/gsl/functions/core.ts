// isEmpty() and length(): emptiness and size of attributes and collections.
import { Unknown, type UnknownReason } from '../../evaluate/value.js';
import { F, T, U, type Truth } from '../truth.js';
import { Count, Members, type Datum, type Detail, type Input, type TestFunction, type ValueFunction } from './types.js';

/** Absent, null, "", [] and {} are empty; an unknown is not empty when it is known to be set. */
export function emptiness(v: Datum): Truth {
  if (v === undefined || v === null || v === '') return T;
  if (v instanceof Unknown) return v.nonEmpty ? F : U;
  if (v instanceof Members) {
    let r: Truth = T;
    for (const m of v.items) {
      if (m.member === T) return F;
      r = U;
    }
    return r;
  }
  if (v instanceof Count) return v.max === 0 ? T : v.min > 0 ? F : U;
  if (Array.isArray(v)) return v.length === 0 ? T : F;
  if (typeof v === 'object') return Object.keys(v).length === 0 ? T : F;
  return F;
}

export const isEmpty: TestFunction = {
  name: 'isEmpty',
  signature: 'x isEmpty()',
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'attribute',
  kind: 'test',
  // Through a list of blocks, empty means every block's value is empty (the complement of presence).
  combine: 'all',
  test: (input) => emptiness(input.value),
};

function sizeOf(v: Datum, reasons: UnknownReason[]): [number, number] {
  if (v === undefined || v === null) return [0, 0];
  if (v instanceof Unknown) {
    reasons.push(...v.reasons);
    return [v.nonEmpty ? 1 : 0, Infinity];
  }
  if (v instanceof Members) {
    let min = 0;
    let max = 0;
    for (const m of v.items) {
      if (m.member === T) min++;
      else if (m.member === U) reasons.push(...(m.reasons ?? []));
      if (m.member !== F) max++;
    }
    return [min, max];
  }
  if (v instanceof Count) {
    reasons.push(...v.reasons);
    return [v.min, v.max];
  }
  if (typeof v === 'string') return [v.length, v.length];
  if (Array.isArray(v)) return [v.length, v.length];
  if (typeof v === 'object') {
    const n = Object.keys(v).length;
    return [n, n];
  }
  return [1, 1];
}

export const length: ValueFunction = {
  name: 'length',
  signature: 'x length() > 0',
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'attribute',
  kind: 'value',
  apply(inputs: Input[], _state, env): Input[] {
    // The size of everything the path named: through a list of blocks, the sizes add up.
    let min = 0;
    let max = 0;
    const reasons: UnknownReason[] = [];
    let detail: Detail | undefined;
    for (const inp of inputs) {
      const [a, b] = sizeOf(inp.value, reasons);
      min += a;
      max += b;
      if (env.detailed && inp.value instanceof Members) {
        detail ??= { blame: [], reasons: [] };
        for (const m of inp.value.items) {
          if (m.member !== T) continue;
          if (m.detail && m.detail.blame.length) detail.blame.push(...m.detail.blame);
          else if (m.path) detail.blame.push({ address: m.entity.id, path: m.path });
        }
      }
    }
    const first = inputs[0]!;
    // Matched elements explain the count; otherwise blame the collection itself.
    const path = detail?.blame.length ? null : inputs.length === 1 ? first.path : null;
    return [{ value: new Count(min, max, reasons, detail), path, entity: first.entity }];
  },
};
