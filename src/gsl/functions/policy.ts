// IAM policy documents as values. `policyStatements()` reads a policy from any source (a JSON string or heredoc,
// `jsonencode(...)` even with unknown parts, a reference to an `aws_iam_policy_document` data source) and gives its
// statements in one normal form; `allowsPublicAccess()`, `deniesInsecureTransport()` and `allowsEverything()` judge
// a statement as AWS does. docs/gsl.md, "Policy documents".
import { Unknown, isObject, newObject, type ObjectValue, type UnknownReason, type Value } from '../../evaluate/value.js';
import { F, T, U, type Truth } from '../truth.js';
import { resolveReference, type Entity, type World } from '../world.js';
import { Count, Members, type Input, type Member, type TestFunction, type ValueFunction } from './types.js';

type List = Value[] | Unknown;

/** A value as a list: absent → none, one value → [it], a list as is; unknown stays unknown. */
function list(v: Value | undefined): List | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown) return v;
  return Array.isArray(v) ? v : [v];
}

/** `"*"` and `{"AWS": "*"}` are one principal; every principal type maps to a list. */
function principal(v: Value | undefined): Value | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown) return v;
  const out = newObject();
  if (v === '*') {
    out.AWS = ['*'];
    return out;
  }
  if (!isObject(v)) return v;
  for (const [k, x] of Object.entries(v)) out[k] = list(x) ?? [];
  return out;
}

/** `{operator: {key: value or values}}` with every value a list. */
function condition(v: Value | undefined): Value | undefined {
  if (v === undefined || v === null || v instanceof Unknown || !isObject(v)) return v ?? undefined;
  const out = newObject();
  for (const [op, keys] of Object.entries(v)) {
    if (!isObject(keys)) {
      out[op] = keys;
      continue;
    }
    const o = newObject();
    for (const [k, x] of Object.entries(keys)) o[k] = list(x) ?? [];
    out[op] = o;
  }
  return out;
}

const FIELDS = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;

/** A statement of a JSON policy in the normal form. */
function normalStatement(s: Value): Value {
  if (!isObject(s)) return s;
  const out = newObject();
  if (s.Sid !== undefined) out.Sid = s.Sid;
  out.Effect = s.Effect ?? null;
  for (const f of FIELDS) {
    const l = list(s[f]);
    if (l !== undefined) out[f] = l;
  }
  const p = principal(s.Principal);
  if (p !== undefined) out.Principal = p;
  const np = principal(s.NotPrincipal);
  if (np !== undefined) out.NotPrincipal = np;
  const c = condition(s.Condition);
  if (c !== undefined) out.Condition = c;
  return out;
}

/** A statement block of an `aws_iam_policy_document` in the same normal form. */
function dataStatement(s: Value): Value {
  if (!isObject(s)) return s;
  const out = newObject();
  if (s.sid !== undefined) out.Sid = s.sid;
  out.Effect = s.effect ?? 'Allow';
  const pairs: [string, string][] = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [from, to] of pairs) {
    const l = list(s[from]);
    if (l !== undefined) out[to] = l;
  }
  for (const [from, to] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const blocks = s[from];
    if (blocks === undefined || blocks === null) continue;
    if (blocks instanceof Unknown || !Array.isArray(blocks)) {
      out[to] = blocks instanceof Unknown ? blocks : null;
      continue;
    }
    const p = newObject();
    for (const b of blocks) {
      if (!isObject(b)) continue;
      const type = b.type;
      const ids = list(b.identifiers) ?? [];
      // `type = "*"` is the anonymous principal, as `"Principal": "*"`.
      const key = type === '*' ? 'AWS' : typeof type === 'string' ? type : '?';
      const prev = p[key];
      p[key] =
        ids instanceof Unknown || prev instanceof Unknown ? (ids instanceof Unknown ? ids : prev!) : [...((prev as Value[]) ?? []), ...ids];
    }
    out[to] = p;
  }
  const conds = s.condition;
  if (Array.isArray(conds)) {
    const c = newObject();
    for (const b of conds) {
      if (!isObject(b) || typeof b.test !== 'string' || typeof b.variable !== 'string') continue;
      const op = (isObject(c[b.test]) ? c[b.test] : (c[b.test] = newObject())) as ObjectValue;
      op[b.variable] = list(b.values) ?? [];
    }
    out.Condition = c;
  } else if (conds instanceof Unknown) out.Condition = conds;
  return out;
}

const MAX_POLICY = 1_000_000;

/** The statements of a policy value, or an unknown when they cannot be known. */
function statementsOf(inp: Input, world: World, depth = 0): Member[] | Unknown {
  if (inp.value instanceof Members) return inp.value.items;
  let v: Value | undefined = inp.value instanceof Count ? undefined : inp.value;
  // A reference to an aws_iam_policy_document: its statement blocks.
  if (v instanceof Unknown && v.decoded === undefined) {
    const docs = v.refs.flatMap((r) => resolveReference(world, r)).filter((e) => e.type.toLowerCase() === 'data.aws_iam_policy_document');
    if (docs.length === 1) return documentStatements(docs[0]!, world, depth);
    return v;
  }
  if (v instanceof Unknown) v = v.decoded;
  if (typeof v === 'string') {
    if (v.length > MAX_POLICY) return new Unknown([{ kind: 'expression', detail: `the policy is longer than ${MAX_POLICY} characters` }]);
    try {
      v = fromText(JSON.parse(v) as unknown);
    } catch {
      return new Unknown([{ kind: 'expression', detail: 'the policy is not valid JSON' }]);
    }
  }
  if (!isObject(v))
    return v === undefined || v === null ? [] : new Unknown([{ kind: 'expression', detail: 'the policy is not a JSON object' }]);
  const st = v.Statement;
  if (st instanceof Unknown) return st;
  const items = st === undefined || st === null ? [] : Array.isArray(st) ? st : [st];
  return items.map((s) => ({ value: normalStatement(s), path: inp.path, entity: inp.entity, member: T }));
}

/** Plain JSON into values (no unknowns can appear in text). */
function fromText(x: unknown): Value {
  if (Array.isArray(x)) return x.map(fromText);
  if (x !== null && typeof x === 'object') {
    const o = newObject();
    for (const [k, y] of Object.entries(x)) o[k] = fromText(y);
    return o;
  }
  return x as Value;
}

/** The statements of one element of `source_policy_documents`/`override_policy_documents`: a JSON text or a document. */
function mergedStatements(v: Value, holder: Entity, path: string, world: World, depth: number): Member[] | Unknown {
  return statementsOf({ value: v, path, entity: holder }, world, depth + 1);
}

function sidOf(m: Member): string | undefined {
  const v = m.value;
  return isObject(v) && typeof v.Sid === 'string' && v.Sid !== '' ? v.Sid : undefined;
}

/** Statements with a Sid replace those of the same Sid; the others are added. */
function overlay(base: Member[], over: Member[]): Member[] {
  const out = [...base];
  for (const m of over) {
    const sid = sidOf(m);
    const at = sid === undefined ? -1 : out.findIndex((x) => sidOf(x) === sid);
    if (at >= 0) out[at] = m;
    else out.push(m);
  }
  return out;
}

/**
 * An aws_iam_policy_document's statements as the provider merges them: `source_policy_documents` first, this
 * document's statements over them (same Sid replaces), then `override_policy_documents` over all.
 */
function documentStatements(doc: Entity, world: World, depth: number): Member[] | Unknown {
  if (depth > 8) return new Unknown([{ kind: 'expression', detail: `${doc.id} merges documents more than 8 deep` }]);
  const v = doc.values;
  for (const k of ['source_json', 'override_json'])
    if (v[k] !== undefined && v[k] !== null)
      return new Unknown([
        {
          kind: 'expression',
          detail: `${doc.id} uses ${k}, which tfguard does not follow; use ${k.replace('_json', '_policy_documents')}`,
        },
      ]);
  const lists: Record<string, Member[]> = {};
  for (const k of ['source_policy_documents', 'override_policy_documents']) {
    const docs = v[k];
    if (docs === undefined || docs === null) {
      lists[k] = [];
      continue;
    }
    if (docs instanceof Unknown || !Array.isArray(docs))
      return docs instanceof Unknown ? docs : new Unknown([{ kind: 'expression', detail: `${doc.id}.${k} is not a list` }]);
    let acc: Member[] = [];
    for (let i = 0; i < docs.length; i++) {
      const got = mergedStatements(docs[i]!, doc, `${k}.${i}`, world, depth);
      if (got instanceof Unknown) return got;
      acc = k === 'source_policy_documents' ? [...acc, ...got] : overlay(acc, got);
    }
    lists[k] = acc;
  }
  const st = v.statement;
  if (st instanceof Unknown) return st;
  const items = Array.isArray(st) ? st : [];
  const own = items.map((s, i): Member => ({ value: dataStatement(s), path: `statement.${i}`, entity: doc, member: T }));
  return overlay(overlay(lists.source_policy_documents!, own), lists.override_policy_documents!);
}

export const policyStatements: ValueFunction = {
  name: 'policyStatements',
  signature: 'policy policyStatements() contain [ $ allowsPublicAccess() ]',
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'attribute',
  kind: 'value',
  apply: (inputs, _state, env) =>
    inputs.map((i) => {
      const st = statementsOf(i, env.world);
      return { value: st instanceof Unknown ? st : new Members(st), path: i.path, entity: i.entity };
    }),
};

// ---- judging a statement ----

/** Is the value unknown? Its reasons are noted when it is. */
function isUnknown(v: Value | undefined, reasons: UnknownReason[]): v is Unknown {
  if (!(v instanceof Unknown)) return false;
  reasons.push(...v.reasons);
  return true;
}

function field(s: ObjectValue, k: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(s, k) ? s[k] : undefined;
}

/** Does the statement's principal include everyone? T, F or U. */
function publicPrincipal(s: ObjectValue, reasons: UnknownReason[]): Truth {
  if (field(s, 'NotPrincipal') !== undefined) return T; // everyone but some: public (AWS advises against it)
  const p = field(s, 'Principal');
  if (isUnknown(p, reasons)) return U;
  if (!isObject(p)) return F;
  let r: Truth = F;
  for (const [type, ids] of Object.entries(p)) {
    if (isUnknown(ids, reasons)) {
      r = U;
      continue;
    }
    if (type !== 'AWS' && type !== 'CanonicalUser') continue;
    for (const id of ids as Value[]) {
      if (id === '*') return T;
      if (id instanceof Unknown) {
        reasons.push(...id.reasons);
        r = U;
      }
    }
  }
  return r;
}

/**
 * Condition keys that tie a statement to known callers, when matched by a positive operator without `IfExists`
 * (S3's "The meaning of public"): such a statement is not public.
 */
const NARROWING = new Set(
  [
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceIp',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
  ].map((k) => k.toLowerCase()),
);

const POSITIVE = /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/;

/** Does a condition restrict the statement to known callers? T, F or U (a value not known). */
function narrowed(s: ObjectValue, reasons: UnknownReason[]): Truth {
  const c = field(s, 'Condition');
  if (isUnknown(c, reasons)) return U;
  if (!isObject(c)) return F;
  let r: Truth = F;
  for (const [op, keys] of Object.entries(c)) {
    if (!POSITIVE.test(op) || !isObject(keys)) continue;
    for (const [k, values] of Object.entries(keys)) {
      if (!NARROWING.has(k.toLowerCase())) continue;
      if (isUnknown(values, reasons)) {
        r = U;
        continue;
      }
      const vs = values as Value[];
      // A wildcard or the whole internet narrows nothing.
      const open = vs.some((x) => x === '*' || x === '0.0.0.0/0' || x === '::/0');
      if (vs.length && !open) return T;
    }
  }
  return r;
}

function effectIs(s: ObjectValue, effect: string, reasons: UnknownReason[]): Truth {
  const e = field(s, 'Effect');
  if (isUnknown(e, reasons)) return U;
  return e === effect ? T : F;
}

/** Does one of the values match (as IAM matches actions: case-insensitive, `*` a wildcard) one of the patterns? */
function anyMatches(values: Value | undefined, wanted: readonly string[], reasons: UnknownReason[]): Truth {
  if (isUnknown(values, reasons)) return U;
  if (!Array.isArray(values)) return F;
  let r: Truth = F;
  for (const v of values) {
    if (isUnknown(v, reasons)) {
      r = U;
      continue;
    }
    if (typeof v !== 'string') continue;
    const re = new RegExp(
      `^${v
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    if (wanted.some((w) => re.test(w))) return T;
  }
  return r;
}

function and3(...ts: Truth[]): Truth {
  if (ts.includes(F)) return F;
  return ts.includes(U) ? U : T;
}

function statementTest(name: string, signature: string, judge: (s: ObjectValue, reasons: UnknownReason[]) => Truth): TestFunction {
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
      if (v instanceof Members || v instanceof Count || !isObject(v)) return F;
      const reasons: UnknownReason[] = [];
      const truth = judge(v, reasons);
      return truth === U ? { truth, reasons } : truth;
    },
  };
}

/** An Allow to everyone (`*`, `{"AWS": "*"}`, a NotPrincipal) that no condition ties to known callers. */
export const allowsPublicAccess = statementTest('allowsPublicAccess', '$ allowsPublicAccess()', (s, reasons) => {
  const n = narrowed(s, reasons);
  return and3(effectIs(s, 'Allow', reasons), publicPrincipal(s, reasons), n === T ? F : n === U ? U : T);
});

/** A Deny to everyone of S3 actions when `aws:SecureTransport` is false: requests over plain HTTP are refused. */
export const deniesInsecureTransport = statementTest('deniesInsecureTransport', '$ deniesInsecureTransport()', (s, reasons) => {
  const c = field(s, 'Condition');
  let http: Truth = F;
  if (c instanceof Unknown) {
    reasons.push(...c.reasons);
    http = U;
  } else if (isObject(c)) {
    for (const [op, keys] of Object.entries(c)) {
      if (!/^Bool(IfExists)?$/.test(op) || !isObject(keys)) continue;
      for (const [k, values] of Object.entries(keys)) {
        if (k.toLowerCase() !== 'aws:securetransport') continue;
        if (values instanceof Unknown) {
          reasons.push(...values.reasons);
          http = U;
        } else if ((values as Value[]).some((x) => x === false || x === 'false')) http = T;
      }
    }
  }
  const everyone = publicPrincipal(s, reasons);
  return and3(effectIs(s, 'Deny', reasons), everyone, anyMatches(field(s, 'Action'), ['s3:*'], reasons), http);
});

/** Does a list hold one of these exact values (`*` as written)? T, F, or U when a value is unknown. */
function holds(values: Value | undefined, wanted: readonly string[], reasons: UnknownReason[]): Truth {
  if (isUnknown(values, reasons)) return U;
  if (!Array.isArray(values)) return F;
  let r: Truth = F;
  for (const v of values) {
    if (typeof v === 'string' && wanted.includes(v)) return T;
    if (v instanceof Unknown) {
      reasons.push(...v.reasons);
      r = U;
    }
  }
  return r;
}

/** An Allow of every action on every resource (`"Action": "*"`, `"Resource": "*"`): full administrator rights. */
export const allowsEverything = statementTest('allowsEverything', '$ allowsEverything()', (s, reasons) =>
  and3(effectIs(s, 'Allow', reasons), holds(field(s, 'Action'), ['*', '*:*'], reasons), holds(field(s, 'Resource'), ['*'], reasons)),
);

/** An Allow of every action of a service (`s3:*`, `iam:*`) or of everything: more than a task needs. */
export const allowsServiceWildcard = statementTest('allowsServiceWildcard', '$ allowsServiceWildcard()', (s, reasons) => {
  const actions = field(s, 'Action');
  let wild: Truth = F;
  if (actions instanceof Unknown) {
    reasons.push(...actions.reasons);
    wild = U;
  } else if (Array.isArray(actions))
    for (const a of actions) {
      if (a instanceof Unknown) {
        reasons.push(...a.reasons);
        if (wild === F) wild = U;
      } else if (typeof a === 'string' && /^(\*|[a-z0-9-]+:\*)$/i.test(a)) wild = T;
    }
  return and3(effectIs(s, 'Allow', reasons), wild);
});

/** The account IDs a principal value names: `123456789012`, `arn:aws:iam::123456789012:root` or a role in it. */
function accountsOf(ids: Value | undefined, out: Value[]): void {
  if (ids instanceof Unknown) {
    out.push(ids);
    return;
  }
  for (const id of Array.isArray(ids) ? ids : []) {
    if (id instanceof Unknown) out.push(id);
    else if (typeof id === 'string') {
      const m = /^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\d{12})(?::|$)/.exec(id);
      if (m && !out.includes(m[1]!)) out.push(m[1]!);
    }
  }
}

/**
 * `$ principalAccounts()`: the AWS accounts a statement's `AWS` principals name (account IDs, from ARNs too), for
 * rules about cross-account access: `$ principalAccounts() contain [ $ != '123456789012' ]`. `*` names no account
 * (see allowsPublicAccess()); an unknown principal is an unknown element.
 */
export const principalAccounts: ValueFunction = {
  name: 'principalAccounts',
  signature: "$ principalAccounts() contain [ $ != '123456789012' ]",
  minArgs: 0,
  maxArgs: 0,
  argKinds: [],
  receiver: 'attribute',
  kind: 'value',
  apply: (inputs) =>
    inputs.map((i) => {
      const v = i.value;
      if (v instanceof Unknown) return i;
      const out: Value[] = [];
      if (!(v instanceof Members) && !(v instanceof Count) && isObject(v)) {
        const p = field(v, 'Principal');
        if (p instanceof Unknown) return { ...i, value: p };
        if (isObject(p)) accountsOf(p.AWS, out);
      }
      return { ...i, value: out };
    }),
};
