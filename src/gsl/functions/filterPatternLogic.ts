// Comparing CloudWatch Logs filter patterns by meaning. A pattern is a formula over comparisons
// (atoms, filterPatternParse.ts). Two patterns are equal when each implies the other; "A implies B" is
// decided term by term: A is put in disjunctive normal form, and B is evaluated (Kleene logic) under
// what each term of A makes true and false. Atoms about the same selector are related: `$.x = "A"`
// makes `$.x = "B"` false, `$.x = "A*"` true, `$.x NOT EXISTS` false. Whatever is not decided this way
// counts as "not implied", so the answer errs on the side of "different" (never "equal" wrongly).
import { type Atom, type Formula, parseFilterPattern } from './filterPatternParse.js';

/** A literal: an atom (by key) and whether it is asserted (true) or denied (false). */
type Term = Map<string, boolean>;

export type Tri = 0 | 1 | 2; // false, unknown, true

const TERM_LIMIT = 4096;

export function atomKey(a: Atom): string {
  return `${a.selector}\u0000${a.op}\u0000${a.value ? `${a.value.type}:${a.value.text}` : ''}`;
}

/** A formula in negation normal form, atoms replaced by their keys. */
type Nnf = { kind: 'lit'; key: string; pos: boolean } | { kind: 'and' | 'or'; args: Nnf[] };

function nnf(f: Formula, pos: boolean, atoms: Map<string, Atom>): Nnf {
  if (f.kind === 'atom') {
    const key = atomKey(f);
    atoms.set(key, f);
    return { kind: 'lit', key, pos };
  }
  if (f.kind === 'not') return nnf(f.arg, !pos, atoms);
  const kind = (f.kind === 'and') === pos ? 'and' : 'or';
  const args: Nnf[] = [];
  // Flatten nested operators of the same kind: (a || (b || c)) is a || b || c.
  for (const a of f.args) {
    const n = nnf(a, pos, atoms);
    if (n.kind === kind) args.push(...n.args);
    else args.push(n);
  }
  return { kind, args };
}

/** The terms of the disjunctive normal form, contradictory terms dropped; undefined past the limit. */
function dnf(n: Nnf, atoms: Map<string, Atom>): Term[] | undefined {
  if (n.kind === 'lit') return [new Map([[n.key, n.pos]])];
  if (n.kind === 'or') {
    const out: Term[] = [];
    for (const a of n.args) {
      const t = dnf(a, atoms);
      if (!t) return undefined;
      out.push(...t);
      if (out.length > TERM_LIMIT) return undefined;
    }
    return out;
  }
  let acc: Term[] = [new Map()];
  for (const a of n.args) {
    const ts = dnf(a, atoms);
    if (!ts) return undefined;
    const next: Term[] = [];
    for (const x of acc) {
      for (const y of ts) {
        const m = merge(x, y, atoms);
        if (m) next.push(m);
        if (next.length > TERM_LIMIT) return undefined;
      }
    }
    acc = next;
  }
  return acc;
}

function merge(x: Term, y: Term, atoms: Map<string, Atom>): Term | undefined {
  const m = new Map(x);
  for (const [k, v] of y) {
    if (m.has(k) && m.get(k) !== v) return undefined;
    m.set(k, v);
  }
  for (const [k, pos] of m) {
    const v = implied(m, k, atoms);
    if (v === (pos ? 0 : 2)) return undefined;
  }
  return m;
}

/** Does a wildcard text (`*` any run) match a literal text? */
function globMatches(glob: string, text: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return glob === text;
  if (!text.startsWith(parts[0]!)) return false;
  let pos = parts[0]!.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const j = text.indexOf(parts[i]!, pos);
    if (j < 0) return false;
    pos = j + parts[i]!.length;
  }
  const last = parts[parts.length - 1]!;
  return text.length - pos >= last.length && text.endsWith(last);
}

const isGlob = (a: Atom): boolean => a.value?.type === 'string' && a.value.text.includes('*');

/** What the other literals of a term say about atom `a` (not counting `a` itself). */
function implied(term: Term, key: string, atoms: Map<string, Atom>): Tri {
  const a = atoms.get(key)!;
  let result: Tri = 1;
  for (const [k, pos] of term) {
    const b = atoms.get(k)!;
    if (k === key || b.selector !== a.selector) continue;
    const r = relate(b, pos, a);
    if (r !== 1) result = r;
    if (r === 0) return 0;
  }
  return result;
}

/** Given `b` is `pos`, what is `a` (same selector)? */
function relate(b: Atom, pos: boolean, a: Atom): Tri {
  // A field that has a value exists and is not null.
  const hasValue = (x: Atom): boolean => x.op !== 'exists' && x.op !== 'null';
  if (pos && hasValue(b)) {
    if (a.op === 'exists') return 2;
    if (a.op === 'null') return 0;
  }
  if (!pos && b.op === 'exists' && a.op !== 'exists') return 0;
  if (pos && b.op === 'null' && hasValue(a)) return 0;
  if (b.op === '=' && a.op === '=' && b.value && a.value && pos) {
    const bv = b.value;
    const av = a.value;
    if (bv.type === 'regex' || av.type === 'regex') return 1;
    if (bv.type !== av.type) return 0;
    if (bv.type === 'number') return bv.text === av.text ? 2 : 0;
    if (!bv.text.includes('*')) return globMatches(av.text, bv.text) ? 2 : 0;
    if (av.text === '*') return 2;
    // Two different wildcards: undecided.
    return 1;
  }
  if (b.op === '=' && a.op === '=' && !pos && b.value && a.value && !isGlob(b) && !isGlob(a)) {
    return b.value.type === a.value.type && b.value.text === a.value.text ? 0 : 1;
  }
  return 1;
}

function evaluate(n: Nnf, term: Term, atoms: Map<string, Atom>): Tri {
  if (n.kind === 'lit') {
    let v: Tri;
    const own = term.get(n.key);
    if (own !== undefined) v = own ? 2 : 0;
    else v = implied(term, n.key, atoms);
    return n.pos ? v : ((2 - v) as Tri);
  }
  if (n.kind === 'and') {
    let r: Tri = 2;
    for (const a of n.args) {
      const v = evaluate(a, term, atoms);
      if (v === 0) return 0;
      if (v === 1) r = 1;
    }
    return r;
  }
  let r: Tri = 0;
  for (const a of n.args) {
    const v = evaluate(a, term, atoms);
    if (v === 2) return 2;
    if (v === 1) r = 1;
  }
  return r;
}

/** A parsed pattern, ready to compare. */
export interface Pattern {
  nnf: Nnf;
  atoms: Map<string, Atom>;
  /** Terms of the disjunctive normal form; undefined when there would be more than 4096. */
  terms: Term[] | undefined;
}

export function compilePattern(src: string): Pattern {
  const atoms = new Map<string, Atom>();
  const n = nnf(parseFilterPattern(src), true, atoms);
  return { nnf: n, atoms, terms: dnf(n, atoms) };
}

/** Does every event `a` matches also match `b`? False when it cannot be shown. */
export function implies(a: Pattern, b: Pattern): boolean {
  if (!a.terms) return false;
  const atoms = new Map([...a.atoms, ...b.atoms]);
  return a.terms.every((t) => evaluate(b.nnf, t, atoms) === 2);
}

/** Do the two patterns match the same events? */
export function patternsEqual(a: Pattern, b: Pattern): boolean {
  return implies(a, b) && implies(b, a);
}

/** Does a term select one named event (`$.eventName = X`, no wildcard)? */
function namesEvent(t: Term, atoms: Map<string, Atom>): boolean {
  for (const [k, pos] of t) {
    const a = atoms.get(k)!;
    if (pos && a.selector === '$.eventName' && a.op === '=' && a.value?.type === 'string' && !a.value.text.includes('*')) return true;
  }
  return false;
}

/**
 * Does `p` conform to a CIS pattern given by its narrowest and broadest published versions? It must
 * match every event `narrow` matches, and each alternative (DNF term) of `p` must either lie within
 * `broad` or name a specific event (`$.eventName = X`): adding events to watch is fine, widening a
 * condition (`||` for `&&`, a dropped `eventSource`) is not.
 */
export function conforms(p: Pattern, narrow: Pattern, broad: Pattern): boolean {
  if (!implies(narrow, p) || !p.terms) return false;
  const atoms = new Map([...p.atoms, ...broad.atoms]);
  return p.terms.every((t) => namesEvent(t, p.atoms) || evaluate(broad.nnf, t, atoms) === 2);
}
