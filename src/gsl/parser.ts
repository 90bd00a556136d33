// Recursive-descent parser for GSL rules. Syntax errors stop parsing (GslSyntaxError); semantic
// problems (unknown function, bad arguments, bad regex) are collected so one compile reports them all.
import type { CallRef, Condition, CmpOp, LogicExpr, Literal, PathRef, Quantifier, RuleAst, Step, TestExpr } from './ast.js';
import { GslSyntaxError, type GslError, type LogicText } from './errors.js';
import { nearest } from '../common/did-you-mean.js';
import type { FunctionRegistry } from './functions/registry.js';
import type { Arg, FunctionSpec } from './functions/types.js';
import { tokenize, type Token } from './lexer.js';
import { likeToRegExp } from './compare.js';
import { RegexError, compileRE2 } from '../common/re2/compile.js';

const QUANTIFIERS: Quantifier[] = ['contain', 'contain-any', 'contain-all', 'contain-none', 'with'];
const CMP_OPS = new Set(['=', '!=', '<', '>', '<=', '>=']);
/** Words that end a test or start a construct; they cannot be attribute names (use `$['name']`). */
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'should',
  'have',
  'where',
  'like',
  'in',
  'regexmatch',
  'with',
  'contain',
  'contain-any',
  'contain-all',
  'contain-none',
]);
const OPERATOR_WORDS = ['like', 'in', 'regexMatch', 'contain', 'contain-any', 'contain-all', 'contain-none', 'with'];
const MAX_DEPTH = 64;

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the logic';
    case 'string':
      return `the string ${JSON.stringify(t.text)}`;
    case 'number':
      return `the number ${t.text}`;
    case 'regex':
      return 'a regular expression';
    default:
      return `\`${t.text}\``;
  }
}

export class Parser {
  private readonly toks: Token[];
  private pos = 0;
  /** Nesting of `[...]` contexts, for `^` checks. */
  private context = 0;
  private nesting = 0;
  readonly errors: GslError[] = [];

  constructor(
    private readonly logic: LogicText,
    private readonly functions: FunctionRegistry,
  ) {
    this.toks = tokenize(logic);
  }

  // ---- token helpers --------------------------------------------------------------------------

  private peek(k = 0): Token {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private isWord(t: Token, word: string): boolean {
    return t.kind === 'ident' && t.text.toLowerCase() === word;
  }

  private isPunct(t: Token, p: string): boolean {
    return t.kind === 'punct' && t.text === p;
  }

  private fail(t: Token, message: string, hint?: string): never {
    throw new GslSyntaxError(this.logic.error(t.start, t.end, message, hint));
  }

  private expectPunct(p: string, what: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, p)) this.fail(t, `expected \`${p}\` ${what}, found ${describe(t)}`);
    return this.next();
  }

  private semantic(start: number, end: number, message: string, hint?: string): void {
    this.errors.push(this.logic.error(start, end, message, hint));
  }

  // ---- rule -----------------------------------------------------------------------------------

  /**
   * An entity type may have dotted parts (`aws.cloudtrail.event`, `data.aws_s3_bucket`): types that are not
   * Terraform resource types, so they can never clash with one.
   */
  private dottedEntity(first: string): string {
    let entity = first;
    while (
      this.isPunct(this.peek(), '.') &&
      this.peek(1).kind === 'ident' &&
      this.peek(1).start === this.peek().end &&
      this.peek().start === this.peek(-1).end
    ) {
      this.next();
      entity += `.${this.next().text}`;
    }
    return entity;
  }

  parseRule(): RuleAst {
    const first = this.peek();
    if (first.kind === 'eof')
      this.fail(first, 'the logic is empty', 'write a rule such as `aws_cloudtrail should have is_multi_region_trail = true`');
    if (first.kind !== 'ident' || KEYWORDS.has(first.text.toLowerCase())) {
      this.fail(
        first,
        `expected an entity type (such as \`aws_cloudtrail\`), found ${describe(first)}`,
        'a rule starts with the entity type it checks',
      );
    }
    this.next();
    let entity = this.dottedEntity(first.text);
    let aggregate = false;
    let entityEnd = this.peek(-1).end;
    if (first.text.toLowerCase() === 'list' && this.isPunct(this.peek(), '<')) {
      this.next();
      const inner = this.next();
      if (inner.kind !== 'ident' || KEYWORDS.has(inner.text.toLowerCase()))
        this.fail(inner, `expected an entity type inside \`List<...>\`, found ${describe(inner)}`);
      entity = this.dottedEntity(inner.text);
      entityEnd = this.expectPunct('>', 'to close `List<`').end;
      aggregate = true;
    }
    const entities = [entity];
    // Several types, separated by commas: the rule is evaluated over the entities of each (not with `List<>`).
    while (!aggregate && this.isPunct(this.peek(), ',')) {
      this.next();
      const more = this.next();
      if (more.kind !== 'ident' || KEYWORDS.has(more.text.toLowerCase()))
        this.fail(
          more,
          `expected another entity type after \`,\`, found ${describe(more)}`,
          'write `aws_instance, aws_launch_template should ...`',
        );
      const type = this.dottedEntity(more.text);
      if (entities.some((e) => e.toLowerCase() === type.toLowerCase()))
        this.fail(more, `\`${type}\` is listed twice`, 'name each entity type once');
      entities.push(type);
      entityEnd = this.peek(-1).end;
    }
    const rule: RuleAst = { entities, aggregate, entitySpan: { start: first.start, end: entityEnd } };
    if (this.isWord(this.peek(), 'where')) {
      this.next();
      rule.where = this.parseExpr();
    }
    if (this.isWord(this.peek(), 'should')) {
      this.next();
      let negated = false;
      if (this.isWord(this.peek(), 'not')) {
        this.next();
        negated = true;
      }
      if (this.isWord(this.peek(), 'have')) this.next();
      rule.should = { negated, expr: this.parseExpr() };
    } else if (!rule.where) {
      const t = this.peek();
      const near = t.kind === 'ident' ? nearest(t.text, ['should', 'where']) : undefined;
      this.fail(
        t,
        `expected \`should\` or \`where\` after the entity type, found ${describe(t)}`,
        near ? `did you mean \`${near}\`?` : 'write `<entity> should have <condition>`',
      );
    }
    const end = this.peek();
    if (end.kind !== 'eof') {
      const expected = rule.should ? '`and`, `or` or the end of the logic' : '`and`, `or`, `should` or the end of the logic';
      const near = end.kind === 'ident' ? nearest(end.text, rule.should ? ['and', 'or'] : ['and', 'or', 'should']) : undefined;
      this.fail(end, `expected ${expected}, found ${describe(end)}`, near ? `did you mean \`${near}\`?` : undefined);
    }
    return rule;
  }

  // ---- boolean structure ----------------------------------------------------------------------

  private enter(t: Token): void {
    if (++this.nesting > MAX_DEPTH) this.fail(t, `the logic nests deeper than ${MAX_DEPTH} levels`, 'split the condition');
  }

  parseExpr(): LogicExpr {
    const first = this.parseAnd();
    if (!this.isWord(this.peek(), 'or')) return first;
    const items = [first];
    while (this.isWord(this.peek(), 'or')) {
      this.next();
      items.push(this.parseAnd());
    }
    return { kind: 'or', items, start: first.start, end: items[items.length - 1]!.end };
  }

  private parseAnd(): LogicExpr {
    const first = this.parseUnary();
    if (!this.isWord(this.peek(), 'and')) return first;
    const items = [first];
    while (this.isWord(this.peek(), 'and')) {
      this.next();
      items.push(this.parseUnary());
    }
    return { kind: 'and', items, start: first.start, end: items[items.length - 1]!.end };
  }

  private parseUnary(): LogicExpr {
    const t = this.peek();
    if (this.isWord(t, 'not')) {
      this.next();
      this.enter(t);
      const item = this.parseUnary();
      this.nesting--;
      return { kind: 'not', item, start: t.start, end: item.end };
    }
    if (this.isPunct(t, '(')) {
      this.next();
      this.enter(t);
      const inner = this.parseExpr();
      this.nesting--;
      const close = this.peek();
      if (!this.isPunct(close, ')')) {
        this.fail(close, `expected \`)\` to close the \`(\` at column ${this.logic.locate(t.start).column + 1}, found ${describe(close)}`);
      }
      this.next();
      return inner;
    }
    return this.parseTest();
  }

  // ---- tests ----------------------------------------------------------------------------------

  private parseTest(): TestExpr {
    const operand = this.parseOperand();
    if (operand.kind === 'call' && operand.fn.kind === 'test') {
      // A test function written alone applies to the current context (`$`).
      const self: PathRef = { kind: 'path', up: 0, segments: [], text: '$', start: operand.start, end: operand.start };
      const check: Condition = {
        kind: 'fn',
        fn: operand.fn,
        args: operand.args,
        state: operand.state,
        start: operand.start,
        end: operand.end,
      };
      return { kind: 'test', operand: self, steps: [], check, start: operand.start, end: operand.end };
    }
    const steps: Step[] = [];
    let check: Condition | undefined;
    while (!check) {
      const t = this.peek();
      if (t.kind === 'punct' && CMP_OPS.has(t.text)) {
        this.next();
        const right = this.parseValue(t);
        check = { kind: 'compare', op: t.text as CmpOp, right, start: t.start, end: right.end };
        break;
      }
      if (t.kind !== 'ident') break;
      const word = t.text.toLowerCase();
      if (word === 'and' || word === 'or' || word === 'should' || word === 'where' || word === 'have') break;
      if (word === 'with' || QUANTIFIERS.includes(word as Quantifier)) {
        this.next();
        const body = this.parseBody(t);
        if (word === 'with') {
          steps.push({ kind: 'filter', body, start: t.start, end: this.peek(-1).end });
          continue;
        }
        check = { kind: 'quant', q: word as Quantifier, body, start: t.start, end: this.peek(-1).end };
        break;
      }
      if (word === 'like') {
        this.next();
        const s = this.next();
        if (s.kind !== 'string')
          this.fail(
            s,
            `expected a quoted pattern after \`like\`, found ${describe(s)}`,
            "write e.g. `name like 'prod-%'` (% matches any text)",
          );
        check = { kind: 'like', pattern: s.text, re: likeToRegExp(s.text), start: t.start, end: s.end };
        break;
      }
      if (word === 'in') {
        this.next();
        this.expectPunct('(', 'after `in`');
        const values: Literal[] = [];
        do {
          const v = this.parseValue(t);
          if (v.kind !== 'literal') this.fail(this.peek(-1), 'expected a literal value inside `in (...)`');
          values.push(v);
        } while (this.isPunct(this.peek(), ',') && this.next());
        const close = this.expectPunct(')', 'to close `in (`');
        check = { kind: 'in', values, start: t.start, end: close.end };
        break;
      }
      if (word === 'regexmatch') {
        this.next();
        const r = this.next();
        if (r.kind !== 'regex')
          this.fail(
            r,
            `expected a regular expression /.../ after \`regexMatch\`, found ${describe(r)}`,
            'write e.g. `name regexMatch /^prod-/i`',
          );
        check = { kind: 'regex', re: this.compileRegex(r), start: t.start, end: r.end };
        break;
      }
      if (word === 'not') {
        this.fail(t, 'unexpected `not` after an attribute', "put `not` before the whole test: `not name like 'x%'`");
      }
      if (this.isPunct(this.peek(1), '(')) {
        const call = this.parseCall('attribute');
        if (!call) continue;
        if (call.fn.kind === 'value') {
          steps.push({ kind: 'fn', fn: call.fn, args: call.args, state: call.state, start: call.start, end: call.end });
          continue;
        }
        check = { kind: 'fn', fn: call.fn, args: call.args, state: call.state, start: call.start, end: call.end };
        break;
      }
      if (operand.kind === 'path' && operand.up === 0 && operand.segments.length === 1 && steps.length === 0) {
        // `should hav x`: the misspelt keyword was read as the attribute.
        const kw = nearest(operand.text, ['have', 'not', 'where', 'should']);
        if (kw) this.fail(this.peek(-1), `unknown word \`${operand.text}\` followed by \`${t.text}\``, `did you mean \`${kw}\`?`);
      }
      const near = nearest(t.text, [...OPERATOR_WORDS, ...this.functions.names(), 'and', 'or']);
      this.fail(
        t,
        `unknown operator \`${t.text}\``,
        near
          ? `did you mean \`${near}\`?`
          : `expected a comparison (=, !=, <, >, <=, >=), ${OPERATOR_WORDS.map((w) => `\`${w}\``).join(', ')} or a function such as \`isEmpty()\``,
      );
    }
    if (!check) {
      const last = steps[steps.length - 1];
      if (last && last.kind === 'filter') {
        steps.pop();
        check = { kind: 'quant', q: 'with', body: last.body, start: last.start, end: last.end };
      } else {
        const end = last ? last.end : operand.end;
        check = { kind: 'presence', start: end, end };
      }
    }
    return { kind: 'test', operand, steps, check, start: operand.start, end: check.end };
  }

  private parseBody(open: Token): LogicExpr {
    const t = this.peek();
    if (!this.isPunct(t, '['))
      this.fail(t, `expected \`[\` after \`${open.text}\`, found ${describe(t)}`, `write \`${open.text} [ <condition on each element> ]\``);
    this.next();
    this.enter(t);
    this.context++;
    const body = this.parseExpr();
    this.context--;
    this.nesting--;
    const close = this.peek();
    if (!this.isPunct(close, ']')) this.fail(close, `expected \`]\` to close \`${open.text} [\`, found ${describe(close)}`);
    this.next();
    return body;
  }

  private parseOperand(): PathRef | CallRef {
    const t = this.peek();
    if (this.isPunct(t, '$')) {
      this.next();
      return this.parsePathTail(t, 0, [], '$');
    }
    if (this.isPunct(t, '^')) {
      let up = 0;
      while (this.isPunct(this.peek(), '^')) {
        this.next();
        up++;
      }
      if (up > this.context) {
        this.semantic(
          t.start,
          this.peek(-1).end,
          up === 1
            ? '`^` refers to the parent context, but this test is not inside `[...]`'
            : `\`${'^'.repeat(up)}\` goes up ${up} contexts, but this test is inside only ${this.context}`,
          '`^.x` reads `x` of the element (or entity) around the current `contain [...]` / `with [...]`',
        );
      }
      return this.parsePathTail(t, up, [], '^'.repeat(up));
    }
    if (t.kind === 'ident' && !KEYWORDS.has(t.text.toLowerCase())) {
      if (this.isPunct(this.peek(1), '(')) {
        const call = this.parseCall('context');
        if (call) return call;
        return { kind: 'path', up: 0, segments: [t.text], text: t.text, start: t.start, end: this.peek(-1).end };
      }
      this.next();
      return this.parsePathTail(t, 0, [t.text], t.text);
    }
    if (t.kind === 'ident') {
      this.fail(
        t,
        `expected an attribute name, found the keyword ${describe(t)}`,
        `to test an attribute named \`${t.text}\`, write \`$['${t.text}']\``,
      );
    }
    const hint =
      t.kind === 'string' || t.kind === 'number' ? "a test starts with the attribute: `name = 'x'`, not `'x' = name`" : undefined;
    this.fail(t, `expected an attribute name, \`$\`, \`^\`, \`not\` or \`(\`, found ${describe(t)}`, hint);
  }

  private parsePathTail(first: Token, up: number, segments: (string | number)[], text: string): PathRef {
    let end = first.end;
    while (true) {
      const t = this.peek();
      if (this.isPunct(t, '.')) {
        this.next();
        const s = this.next();
        if (s.kind === 'ident') segments.push(s.text);
        else if (s.kind === 'number' && Number.isInteger(s.num)) segments.push(s.num!);
        else this.fail(s, `expected an attribute name or list index after \`.\`, found ${describe(s)}`);
        text += `.${s.text}`;
        end = s.end;
        continue;
      }
      if (this.isPunct(t, '[') && (segments.length > 0 || text.startsWith('$') || text.startsWith('^'))) {
        this.next();
        const k = this.next();
        if (k.kind === 'string') segments.push(k.text);
        else if (k.kind === 'number' && Number.isInteger(k.num) && k.num! >= 0) segments.push(k.num!);
        else this.fail(k, `expected a quoted key or a list index inside \`[...]\`, found ${describe(k)}`);
        end = this.expectPunct(']', 'to close the index').end;
        text += `[${k.kind === 'string' ? JSON.stringify(k.text) : k.text}]`;
        continue;
      }
      break;
    }
    return { kind: 'path', up, segments, text, start: first.start, end };
  }

  /** A function call `name(args)`; returns undefined (after recording an error) for an unknown name. */
  private parseCall(position: 'attribute' | 'context'): CallRef | undefined {
    const nameTok = this.next();
    this.next(); // (
    const args: Arg[] = [];
    if (!this.isPunct(this.peek(), ')')) {
      do args.push(this.parseArg());
      while (this.isPunct(this.peek(), ',') && this.next());
    }
    const close = this.expectPunct(')', `to close \`${nameTok.text}(\``);
    const fn = this.functions.get(nameTok.text);
    if (!fn) {
      const near = nearest(nameTok.text, this.functions.names());
      this.semantic(
        nameTok.start,
        nameTok.end,
        `unknown function \`${nameTok.text}()\``,
        near ? `did you mean \`${near}()\`?` : `known functions: ${this.functions.names().join(', ')}`,
      );
      return undefined;
    }
    if (position === 'context' && fn.receiver === 'attribute') {
      this.semantic(
        nameTok.start,
        close.end,
        `\`${fn.name}()\` needs an attribute before it`,
        `write e.g. \`kms_key_id ${fn.name}(${args.length ? '...' : ''})\`; use \`$ ${fn.name}(...)\` for the current element`,
      );
    } else if (position === 'attribute' && fn.receiver === 'context') {
      this.semantic(
        nameTok.start,
        close.end,
        `\`${fn.name}()\` is written alone, not after an attribute`,
        `write \`${fn.signature}\` as a test of its own`,
      );
    }
    const state = this.checkArgs(fn, args, nameTok, close);
    return { kind: 'call', fn, args, state, start: nameTok.start, end: close.end };
  }

  private checkArgs(fn: FunctionSpec, args: Arg[], nameTok: Token, close: Token): unknown {
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      const want = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
      this.semantic(
        nameTok.start,
        close.end,
        `\`${fn.name}()\` takes ${want} argument${fn.maxArgs === 1 ? '' : 's'}, got ${args.length}`,
        `write \`${fn.signature}\``,
      );
      return undefined;
    }
    for (let i = 0; i < args.length; i++) {
      const kind = fn.argKinds[Math.min(i, fn.argKinds.length - 1)]!;
      const a = args[i]!;
      const ok = kind === 'any' || (kind === 'number' ? a.kind === 'number' : a.kind === 'string' || a.kind === 'name');
      if (!ok) {
        this.semantic(
          a.start,
          a.end,
          `argument ${i + 1} of \`${fn.name}()\` must be ${kind === 'number' ? 'a number' : 'a string or a name'}`,
          `write \`${fn.signature}\``,
        );
        return undefined;
      }
    }
    if (!fn.prepare) return undefined;
    const r = fn.prepare(args);
    if ('error' in r) {
      const a = r.arg !== undefined ? args[r.arg] : undefined;
      this.semantic(a ? a.start : nameTok.start, a ? a.end : close.end, r.error, `write \`${fn.signature}\``);
      return undefined;
    }
    return r.state;
  }

  private parseArg(): Arg {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'string', value: t.text, start: t.start, end: t.end };
    if (t.kind === 'number') return { kind: 'number', value: t.num!, start: t.start, end: t.end };
    if (this.isPunct(t, '-') && this.peek().kind === 'number') {
      const n = this.next();
      return { kind: 'number', value: -n.num!, start: t.start, end: n.end };
    }
    if (t.kind === 'ident') {
      const lower = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true', start: t.start, end: t.end };
      let text = t.text;
      let end = t.end;
      while (this.isPunct(this.peek(), '.') && (this.peek(1).kind === 'ident' || this.peek(1).kind === 'number')) {
        this.next();
        const s = this.next();
        text += `.${s.text}`;
        end = s.end;
      }
      return { kind: 'name', value: text, start: t.start, end };
    }
    this.fail(t, `expected an argument (a number, a string or a name), found ${describe(t)}`);
  }

  /** The right side of a comparison: a literal, or a path (`^.port`, `$`, `other_attr`). */
  private parseValue(op: Token): Literal | PathRef {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return { kind: 'literal', value: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'number') {
      this.next();
      return { kind: 'literal', value: t.num!, start: t.start, end: t.end };
    }
    if (this.isPunct(t, '-') && this.peek(1).kind === 'number') {
      this.next();
      const n = this.next();
      return { kind: 'literal', value: -n.num!, start: t.start, end: n.end };
    }
    if (t.kind === 'ident') {
      const lower = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        this.next();
        return { kind: 'literal', value: lower === 'true', start: t.start, end: t.end };
      }
      if (!KEYWORDS.has(lower) && !this.isPunct(this.peek(1), '(')) {
        this.next();
        return this.parsePathTail(t, 0, [t.text], t.text);
      }
    }
    if (this.isPunct(t, '$') || this.isPunct(t, '^')) {
      const p = this.parseOperand();
      if (p.kind === 'path') return p;
    }
    this.fail(
      t,
      `expected a value (a number, a quoted string, true or false) after \`${op.text}\`, found ${describe(t)}`,
      t.kind === 'eof' ? undefined : "quote text values: `name = 'default'`",
    );
  }

  private compileRegex(t: Token): RegExp {
    const bad = [...(t.flags ?? '')].find((f) => !'imsu'.includes(f));
    if (bad) {
      this.semantic(
        t.start,
        t.end,
        `unsupported regular expression flag \`${bad}\``,
        'flags are i (ignore case), m (multi-line), s (dot matches newline), u (unicode)',
      );
      return /$^/;
    }
    // RE2 syntax on a linear-time engine (as Terraform's regex functions), so no pattern can backtrack for minutes.
    const inline = [...new Set(t.flags ?? '')].filter((f) => f !== 'u').join('');
    try {
      const c = compileRE2(`${inline ? `(?${inline})` : ''}${t.text}`);
      return new RegExp(c.regexp.source, c.regexp.flags.replace('g', ''));
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      this.semantic(
        t.start,
        t.end,
        `invalid regular expression: ${e.message.replace(/^invalid regexp pattern: /, '')}`,
        'regexMatch takes RE2 syntax, as Terraform does: no lookaround or backreferences',
      );
      return /$^/;
    }
  }
}
