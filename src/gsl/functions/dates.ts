// before(n, 'unit') and after(n, 'unit'): timestamps relative to `now` (injectable for tests).
import { Unknown } from '../../evaluate/value.js';
import { asNumber } from '../compare.js';
import { F, T, U } from '../truth.js';
import type { Arg, Datum, TestFunction } from './types.js';

const UNITS: Record<string, number | 'month' | 'year'> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 'month',
  year: 'year',
};

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Epoch numbers below 1e11 are seconds (until the year 5138), larger ones milliseconds. */
export function toEpochMs(v: Datum): number | undefined {
  if (typeof v === 'string' && ISO.test(v.trim())) {
    const t = Date.parse(v.trim().replace(' ', 'T'));
    return Number.isNaN(t) ? undefined : t;
  }
  const n = asNumber(v);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return Math.abs(n) < 1e11 ? n * 1000 : n;
}

interface Offset {
  amount: number;
  unit: number | 'month' | 'year';
}

export function shift(now: number, o: Offset): number {
  if (typeof o.unit === 'number') return now + o.amount * o.unit;
  const d = new Date(now);
  if (o.unit === 'month') d.setUTCMonth(d.getUTCMonth() + o.amount);
  else d.setUTCFullYear(d.getUTCFullYear() + o.amount);
  return d.getTime();
}

function prepare(args: Arg[]): { error: string; arg?: number } | { state: unknown } {
  const raw = String(args[1]!.value).toLowerCase();
  const unit = UNITS[raw.endsWith('s') ? raw.slice(0, -1) : raw];
  if (unit === undefined) {
    const names = Object.keys(UNITS)
      .map((u) => `'${u}s'`)
      .join(', ');
    return { error: `unknown time unit '${String(args[1]!.value)}'; expected one of ${names}`, arg: 1 };
  }
  return { state: { amount: args[0]!.value as number, unit } satisfies Offset };
}

function dateFunction(name: 'before' | 'after'): TestFunction {
  return {
    name,
    signature: `x ${name}(-90, 'days')`,
    minArgs: 2,
    maxArgs: 2,
    argKinds: ['number', 'string'],
    receiver: 'attribute',
    kind: 'test',
    prepare,
    test(input, state, env) {
      const v = input.value;
      if (v instanceof Unknown) return U;
      const t = toEpochMs(v);
      if (t === undefined) return F;
      const limit = shift(env.now, state as Offset);
      return (name === 'before' ? t < limit : t > limit) ? T : F;
    },
  };
}

export const before = dateFunction('before');
export const after = dateFunction('after');
