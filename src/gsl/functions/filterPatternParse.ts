// A parser for CloudWatch Logs JSON filter patterns (`{ ($.eventName = X) || ($.errorCode = "*Op") }`)
// into a boolean formula over comparisons. Only the JSON form is parsed; term and space-delimited
// patterns (`ERROR`, `[ip, user, ...]`) are reported as not JSON patterns.
//
// Decisions (docs/gsl.md, isFilterPatternEqual): `&&` binds tighter than `||`; a quoted and an
// unquoted value are the same text (`= ConsoleLogin` is `= "ConsoleLogin"`); an unquoted value that
// is a number is a number (`= 1` is `= 1.0`); `!=` is the negation of `=`, `NOT EXISTS` of `EXISTS`.

/** One comparison: the selector, the operator and the value it tests. */
export interface Atom {
  kind: 'atom';
  /** The selector as written, without spaces (`$.userIdentity.type`). */
  selector: string;
  op: '=' | '<' | '>' | '<=' | '>=' | 'exists' | 'null' | 'true' | 'false';
  /** The value for comparisons: text (with `*` wildcards), a number, or a regex `%...%`. */
  value?: { type: 'string' | 'number' | 'regex'; text: string };
}

export type Formula = Atom | { kind: 'not'; arg: Formula } | { kind: 'and' | 'or'; args: Formula[] };

export class FilterPatternError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

type Tok =
  | { t: 'punct'; v: string; at: number }
  | { t: 'selector'; v: string; at: number }
  | { t: 'quoted'; v: string; at: number }
  | { t: 'word'; v: string; at: number };

const MAX_DEPTH = 64;
const MAX_LENGTH = 100_000;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'punct', v: two, at: i });
      i += 2;
      continue;
    }
    if ('{}()=<>'.includes(c)) {
      out.push({ t: 'punct', v: c, at: i });
      i++;
      continue;
    }
    if (c === '"') {
      let v = '';
      let j = i + 1;
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        v += src[j];
      }
      if (j >= src.length) throw new FilterPatternError('unterminated string: a `"` is missing', i);
      out.push({ t: 'quoted', v, at: i });
      i = j + 1;
      continue;
    }
    if (c === '$') {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_.$*[\]-]/.test(src[j]!)) j++;
      out.push({ t: 'selector', v: src.slice(i, j), at: i });
      i = j;
      continue;
    }
    if (c === '%') {
      const j = src.indexOf('%', i + 1);
      if (j < 0) throw new FilterPatternError('unterminated regular expression: a closing `%` is missing', i);
      out.push({ t: 'word', v: src.slice(i, j + 1), at: i });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s{}()"=<>&|!]/.test(src[j]!)) j++;
    if (j === i) throw new FilterPatternError(`unexpected \`${c}\``, i);
    out.push({ t: 'word', v: src.slice(i, j), at: i });
    i = j;
  }
  return out;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parse a JSON filter pattern. Throws FilterPatternError (with the offset) when it is not one. */
export function parseFilterPattern(src: string): Formula {
  if (src.length > MAX_LENGTH) throw new FilterPatternError(`the pattern is longer than ${MAX_LENGTH} characters`, 0);
  const toks = lex(src);
  let k = 0;
  const peek = (): Tok | undefined => toks[k];
  const at = (): number => toks[k]?.at ?? src.length;
  const isP = (v: string): boolean => peek()?.t === 'punct' && peek()!.v === v;
  const expect = (v: string): void => {
    if (!isP(v)) throw new FilterPatternError(`expected \`${v}\`, found ${describe(peek())}`, at());
    k++;
  };

  const orExpr = (depth: number): Formula => {
    if (depth > MAX_DEPTH) throw new FilterPatternError(`nested deeper than ${MAX_DEPTH} levels`, at());
    const args = [andExpr(depth)];
    while (isP('||')) {
      k++;
      args.push(andExpr(depth));
    }
    return args.length === 1 ? args[0]! : { kind: 'or', args };
  };
  const andExpr = (depth: number): Formula => {
    const args = [primary(depth)];
    while (isP('&&')) {
      k++;
      args.push(primary(depth));
    }
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  };
  const primary = (depth: number): Formula => {
    if (isP('(')) {
      k++;
      const f = orExpr(depth + 1);
      expect(')');
      return f;
    }
    const s = peek();
    if (s?.t !== 'selector')
      throw new FilterPatternError(`expected a selector such as \`$.eventName\` or \`(\`, found ${describe(s)}`, at());
    k++;
    const selector = s.v;
    const w = peek();
    if (w?.t === 'word') {
      const kw = w.v.toUpperCase();
      if (kw === 'NOT') {
        k++;
        const e = peek();
        if (e?.t !== 'word' || e.v.toUpperCase() !== 'EXISTS')
          throw new FilterPatternError(`expected \`EXISTS\` after \`NOT\`, found ${describe(e)}`, at());
        k++;
        return { kind: 'not', arg: { kind: 'atom', selector, op: 'exists' } };
      }
      if (kw === 'EXISTS') {
        k++;
        return { kind: 'atom', selector, op: 'exists' };
      }
      if (kw === 'IS') {
        k++;
        const e = peek();
        const what = e?.t === 'word' ? e.v.toUpperCase() : '';
        if (what !== 'NULL' && what !== 'TRUE' && what !== 'FALSE')
          throw new FilterPatternError(`expected NULL, TRUE or FALSE after \`IS\`, found ${describe(e)}`, at());
        k++;
        return { kind: 'atom', selector, op: what.toLowerCase() as 'null' | 'true' | 'false' };
      }
    }
    const opTok = peek();
    if (opTok?.t !== 'punct' || !['=', '!=', '<', '>', '<=', '>='].includes(opTok.v)) {
      throw new FilterPatternError(
        `expected an operator (=, !=, <, >, <=, >=, IS NULL, NOT EXISTS) after \`${selector}\`, found ${describe(opTok)}`,
        at(),
      );
    }
    k++;
    const v = peek();
    if (v?.t !== 'quoted' && v?.t !== 'word')
      throw new FilterPatternError(`expected a value after \`${opTok.v}\`, found ${describe(v)}`, at());
    k++;
    const value: Atom['value'] =
      v.t === 'quoted'
        ? { type: 'string', text: v.v }
        : v.v.startsWith('%')
          ? { type: 'regex', text: v.v }
          : NUMBER.test(v.v)
            ? { type: 'number', text: String(Number(v.v)) }
            : { type: 'string', text: v.v };
    if (opTok.v === '!=') return { kind: 'not', arg: { kind: 'atom', selector, op: '=', value } };
    return { kind: 'atom', selector, op: opTok.v as Atom['op'], value };
  };

  if (!isP('{')) throw new FilterPatternError('not a JSON filter pattern: it must start with `{`', at());
  k++;
  const f = orExpr(0);
  expect('}');
  if (k < toks.length) throw new FilterPatternError(`unexpected ${describe(peek())} after the closing \`}\``, at());
  return f;
}

function describe(t: Tok | undefined): string {
  if (!t) return 'the end of the pattern';
  if (t.t === 'quoted') return `"${t.v}"`;
  return `\`${t.v}\``;
}
