import { createRequire as __tfguardCreateRequire } from 'node:module';
const require = __tfguardCreateRequire(import.meta.url);
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};

// src/evaluate/value.ts
function describeReason(r) {
  switch (r.kind) {
    case "variable":
      return `var.${r.name} has no value${r.detail ? ` (${r.detail})` : ""}`;
    case "reference":
      return `${r.ref} is known only after apply`;
    case "function":
      return `${r.name}()${r.detail ? `: ${r.detail}` : " is not evaluated by tfguard"}`;
    case "expression":
      return r.detail;
  }
}
function unknown(reason, nonEmpty = false) {
  return new Unknown([reason], nonEmpty);
}
function mergeUnknown(parts, nonEmpty = false) {
  const reasons = [];
  const seen = /* @__PURE__ */ new Set();
  for (const p of parts) {
    if (!(p instanceof Unknown)) continue;
    for (const r of p.reasons) {
      const key = JSON.stringify(r);
      if (!seen.has(key)) {
        seen.add(key);
        reasons.push(r);
      }
    }
  }
  return new Unknown(reasons, nonEmpty);
}
function containsUnknown(v) {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v !== null && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}
function collectUnknowns(v, out = []) {
  if (v instanceof Unknown) out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectUnknowns(x, out);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) collectUnknowns(x, out);
  return out;
}
function emptyRecord() {
  return Object.create(NO_PROTOTYPE);
}
function newObject() {
  return emptyRecord();
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unknown);
}
function fromJSON(x, limit, depth = 0) {
  if (limit && depth > limit.maxDepth && x !== null && typeof x === "object") {
    limit.cut();
    return unknown({ kind: "expression", detail: limit.detail });
  }
  if (typeof x === "number" && !Number.isFinite(x))
    return unknown({ kind: "expression", detail: "the number is too large to represent (over 1.8e308 in the JSON input)" });
  if (x === null || typeof x === "boolean" || typeof x === "number" || typeof x === "string") return x;
  if (Array.isArray(x)) return x.map((v) => fromJSON(v, limit, depth + 1));
  if (typeof x === "object") {
    const o = newObject();
    for (const [k, v] of Object.entries(x)) o[k] = fromJSON(v, limit, depth + 1);
    return o;
  }
  return null;
}
function valueEquals(a, b) {
  if (a instanceof Unknown || b instanceof Unknown) return void 0;
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let sawUnknown = false;
    for (let i = 0; i < a.length; i++) {
      const r = valueEquals(a[i], b[i]);
      if (r === false) return false;
      if (r === void 0) sawUnknown = true;
    }
    return sawUnknown ? void 0 : true;
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    let sawUnknown = false;
    for (const k of ka) {
      if (!(k in b)) return false;
      const r = valueEquals(a[k], b[k]);
      if (r === false) return false;
      if (r === void 0) sawUnknown = true;
    }
    return sawUnknown ? void 0 : true;
  }
  return false;
}
var Unknown, NO_PROTOTYPE;
var init_value = __esm({
  "src/evaluate/value.ts"() {
    "use strict";
    Unknown = class {
      reasons;
      /**
       * True when the value is known to be present and not empty even though its content is not
       * known: a reference to another resource's attribute, or a template with literal text.
       */
      nonEmpty;
      /**
       * For `jsonencode(x)` of a value with unknown parts: `x`, so what is known of an encoded document (an IAM policy
       * written with `jsonencode`) stays usable.
       */
      decoded;
      constructor(reasons, nonEmpty = false) {
        this.reasons = reasons;
        this.nonEmpty = nonEmpty;
      }
      /** Addresses of resources and attributes this value was computed from (`aws_kms_key.k.arn`). */
      get refs() {
        const out = [];
        for (const r of this.reasons) if (r.kind === "reference" && !out.includes(r.ref)) out.push(r.ref);
        return out;
      }
      describe() {
        return this.reasons.map(describeReason).join("; ") || "unknown";
      }
      toJSON() {
        return { unknown: true, reasons: this.reasons.map(describeReason), ...this.refs.length ? { refs: this.refs } : {} };
      }
    };
    NO_PROTOTYPE = Object.freeze(/* @__PURE__ */ Object.create(null));
  }
});

// src/common/line-index.ts
var LineIndex;
var init_line_index = __esm({
  "src/common/line-index.ts"() {
    "use strict";
    LineIndex = class {
      constructor(text2) {
        this.text = text2;
        const starts = [0];
        for (let i = text2.indexOf("\n"); i !== -1; i = text2.indexOf("\n", i + 1)) starts.push(i + 1);
        this.starts = starts;
      }
      text;
      /** Offsets where each line starts; only '\n' ends a line. */
      starts;
      /** The 0-based line holding an offset. */
      line(offset) {
        const starts = this.starts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = lo + hi + 1 >>> 1;
          if (starts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      }
      /** 0-based line and column of an offset. */
      locate(offset) {
        const line = this.line(offset);
        return { line, column: offset - this.starts[line] };
      }
      /** The text of a 0-based line, without its line ending. */
      lineText(line) {
        const start = this.starts[line];
        const next = this.starts[line + 1];
        return this.text.slice(start, next === void 0 ? this.text.length : next - 1).replace(/\r$/, "");
      }
    };
  }
});

// src/gsl/errors.ts
var LogicText, GslSyntaxError;
var init_errors = __esm({
  "src/gsl/errors.ts"() {
    "use strict";
    init_line_index();
    LogicText = class {
      text;
      source;
      origin;
      lines;
      constructor(text2, source, origin = { line: 1, column: 1 }) {
        this.text = text2;
        this.source = source;
        this.origin = origin;
        this.lines = new LineIndex(text2);
      }
      /** 0-based line index and 0-based column of an offset within the logic. */
      locate(offset) {
        return this.lines.locate(offset);
      }
      lineText(line) {
        return this.lines.lineText(line);
      }
      error(start, end, message, hint) {
        const at = this.locate(start);
        const lineText = this.lineText(at.line);
        const length3 = Math.max(1, Math.min(end, start + lineText.length - at.column) - start);
        const line = at.line + this.origin.line;
        const column = at.line === 0 ? at.column + this.origin.column : at.column + 1;
        const num2 = String(line);
        const pad2 = " ".repeat(num2.length);
        const shown = lineText.replace(/\t/g, " ");
        const out = [
          `${this.source}:${line}:${column}: error: ${message}`,
          `${pad2} |`,
          `${num2} | ${shown}`,
          `${pad2} | ${" ".repeat(at.column)}${"^".repeat(length3)}`
        ];
        if (hint) out.push(`${pad2} = help: ${hint}`);
        return { source: this.source, line, column, length: length3, message, ...hint ? { hint } : {}, rendered: out.join("\n") };
      }
    };
    GslSyntaxError = class extends Error {
      error;
      constructor(error) {
        super(error.rendered);
        this.error = error;
      }
    };
  }
});

// src/gsl/functions/types.ts
var Members, Count;
var init_types = __esm({
  "src/gsl/functions/types.ts"() {
    "use strict";
    Members = class {
      items;
      constructor(items) {
        this.items = items;
      }
    };
    Count = class {
      min;
      max;
      reasons;
      detail;
      constructor(min, max, reasons = [], detail) {
        this.min = min;
        this.max = max;
        this.reasons = reasons;
        if (detail) this.detail = detail;
      }
    };
  }
});

// src/gsl/truth.ts
function not(a) {
  return a === U ? U : a === T ? F : T;
}
function and(a, b) {
  if (a === F || b === F) return F;
  if (a === U || b === U) return U;
  return T;
}
function truthName(t) {
  return t === T ? "true" : t === F ? "false" : "unknown";
}
var F, T, U;
var init_truth = __esm({
  "src/gsl/truth.ts"() {
    "use strict";
    F = 0;
    T = 1;
    U = 2;
  }
});

// src/gsl/compare.ts
function asNumber(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && NUMBER_TEXT.test(v)) return Number(v);
  return void 0;
}
function asText(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return void 0;
}
function scalarEquals(a, b) {
  if (typeof a === typeof b) return a === b;
  if (typeof a === "boolean" || typeof b === "boolean") {
    const bool = typeof a === "boolean" ? a : b;
    const other = typeof a === "boolean" ? b : a;
    return typeof other === "string" && other === String(bool);
  }
  const x = asNumber(a);
  const y = asNumber(b);
  return x !== void 0 && y !== void 0 && x === y;
}
function equals(a, b) {
  if (a instanceof Unknown || b instanceof Unknown) return U;
  if (a instanceof Count) return countCompare(a, "=", b);
  if (b instanceof Count) return countCompare(b, "=", a);
  if (a === void 0 || b === void 0 || a instanceof Members || b instanceof Members) return F;
  if (a === null || b === null) return a === b ? T : F;
  if (typeof a !== "object" && typeof b !== "object") return scalarEquals(a, b) ? T : F;
  if (Array.isArray(a) !== Array.isArray(b) && (typeof a !== "object" || typeof b !== "object")) {
    const [items, one2] = Array.isArray(a) ? [a, b] : [b, a];
    let r2 = F;
    for (const x of items) {
      const t = equals(x, one2);
      if (t === T) return T;
      if (t === U) r2 = U;
    }
    return r2;
  }
  const r = valueEquals(a, b);
  return r === void 0 ? U : r ? T : F;
}
function countCompare(c, op, other) {
  if (other instanceof Unknown) return U;
  const n = other instanceof Count ? other.min === other.max ? other.min : void 0 : asNumber(other);
  if (n === void 0) return other instanceof Count ? U : F;
  const lo = c.min;
  const hi = c.max;
  switch (op) {
    case "=":
      return lo === hi && lo === n ? T : n < lo || n > hi ? F : U;
    case "!=":
      return lo === hi && lo === n ? F : n < lo || n > hi ? T : U;
    case "<":
      return hi < n ? T : lo >= n ? F : U;
    case "<=":
      return hi <= n ? T : lo > n ? F : U;
    case ">":
      return lo > n ? T : hi <= n ? F : U;
    case ">=":
      return lo >= n ? T : hi < n ? F : U;
  }
}
function order(a, op, b) {
  if (a instanceof Unknown || b instanceof Unknown) return U;
  if (a instanceof Count) return countCompare(a, op, b);
  if (b instanceof Count) return countCompare(b, flip(op), a);
  const x = asNumber(a);
  const y = asNumber(b);
  let c;
  if (x !== void 0 && y !== void 0) c = x - y;
  else if (typeof a === "string" && typeof b === "string") c = a < b ? -1 : a > b ? 1 : 0;
  else return F;
  switch (op) {
    case "<":
      return c < 0 ? T : F;
    case "<=":
      return c <= 0 ? T : F;
    case ">":
      return c > 0 ? T : F;
    case ">=":
      return c >= 0 ? T : F;
    default:
      return F;
  }
}
function flip(op) {
  return op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : op === ">=" ? "<=" : op;
}
function likeToRegExp(pattern) {
  const body = pattern.split("%").map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("[\\s\\S]*");
  return new RegExp(`^${body}$`, "iu");
}
function textTest(v, re) {
  if (v instanceof Unknown) return U;
  const s = asText(v);
  return s !== void 0 && re.test(s) ? T : F;
}
var NUMBER_TEXT;
var init_compare = __esm({
  "src/gsl/compare.ts"() {
    "use strict";
    init_value();
    init_types();
    init_truth();
    NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
  }
});

// src/gsl/world.ts
function computedValue(e, attr) {
  return new Unknown([{ kind: "reference", ref: `${e.id}.${attr}` }], true);
}
function baseAddress(address) {
  return address.replace(INSTANCE_KEY, "");
}
function createWorld(entities) {
  const byType = /* @__PURE__ */ new Map();
  const byAddr = /* @__PURE__ */ new Map();
  const byBase = /* @__PURE__ */ new Map();
  const roots = /* @__PURE__ */ new WeakMap();
  for (const e of entities) {
    const t = e.type.toLowerCase();
    let list3 = byType.get(t);
    if (!list3) byType.set(t, list3 = []);
    list3.push(e);
    byAddr.set(e.id, e);
    const base = baseAddress(e.id);
    if (base !== e.id) {
      let insts = byBase.get(base);
      if (!insts) byBase.set(base, insts = []);
      insts.push(e);
    }
    roots.set(e.values, e);
  }
  return {
    // Types are mostly written in lower case already: no toLowerCase, and no new empty list, for each of the many asks.
    entitiesOfType: (type) => byType.get(type) ?? byType.get(type.toLowerCase()) ?? NO_ENTITIES,
    byAddress: (address) => byAddr.get(address),
    instancesOf: (base) => byBase.get(base) ?? [],
    entityOf: (values2) => roots.get(values2)
  };
}
function cutPoints(ref) {
  const out = [];
  let inQuote = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref[i];
    if (inQuote) {
      if (c === "\\") i++;
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    else if ((c === "." || c === "[") && i > 0) out.push(i);
  }
  out.push(ref.length);
  return out;
}
function resolveReference(world, ref) {
  const cuts = cutPoints(ref);
  for (let k = cuts.length - 1; k >= 0; k--) {
    const prefix2 = ref.slice(0, cuts[k]);
    const e = world.byAddress(prefix2);
    if (e) return [e];
    const insts = world.instancesOf?.(prefix2);
    if (insts && insts.length) return insts;
  }
  return [];
}
function referencesEntity(ref, entity) {
  if (startsAt(ref, entity.id)) return true;
  const base = baseAddress(entity.id);
  return base !== entity.id && (startsAt(ref, base) && !ref.startsWith(`${base}[`) ? true : ref.startsWith(`${base}[*]`));
}
function startsAt(ref, address) {
  if (!ref.startsWith(address)) return false;
  const c = ref[address.length];
  return c === void 0 || c === "." || c === "[";
}
var INSTANCE_KEY, NO_ENTITIES;
var init_world = __esm({
  "src/gsl/world.ts"() {
    "use strict";
    init_value();
    INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*"|\*)\]$/;
    NO_ENTITIES = Object.freeze([]);
  }
});

// src/gsl/path.ts
function missing(owner, path2, key, named2) {
  if (path2 !== "") return { value: void 0, path: path2, entity: owner };
  if (owner.computed?.has(key)) return { value: computedValue(owner, key), path: key, entity: owner };
  return named2 ? { value: void 0, path: path2, entity: owner, absent: key } : { value: void 0, path: path2, entity: owner };
}
function joinPath(base, seg) {
  if (base === null) return null;
  return base === "" ? String(seg) : `${base}.${seg}`;
}
function stepInto(v, path2, owner, seg, out, entityOf) {
  if (v === void 0 || v === null) {
    out.push({ value: void 0, path: path2, entity: owner });
    return;
  }
  if (v instanceof Unknown) {
    out.push({ value: v.nonEmpty ? new Unknown(v.reasons, false) : v, path: joinPath(path2, seg), entity: owner });
    return;
  }
  if (Array.isArray(v)) {
    if (typeof seg === "number") {
      const el = v[seg];
      if (el === void 0) out.push({ value: void 0, path: path2, entity: owner });
      else out.push({ value: el, path: joinPath(path2, seg), entity: owner });
      return;
    }
    if (v.length === 0) {
      out.push({ value: void 0, path: path2, entity: owner });
      return;
    }
    for (let i = 0; i < v.length; i++) {
      const el = v[i];
      const root = isObject(el) ? entityOf(el) : void 0;
      if (root) stepInto(el, "", root, seg, out, entityOf);
      else stepInto(el, joinPath(path2, i), owner, seg, out, entityOf);
    }
    return;
  }
  if (isObject(v)) {
    const key = String(seg);
    if (hasOwn.call(v, key)) out.push({ value: v[key], path: joinPath(path2, key), entity: owner });
    else out.push(missing(owner, path2, key, false));
    return;
  }
  out.push({ value: void 0, path: path2, entity: owner });
}
function resolvePath(scope, up, segments, entityOf) {
  let s = scope;
  for (let i = 0; i < up && s.parent; i++) s = s.parent;
  let v = s.value;
  let path2 = s.path;
  let k = 0;
  for (; k < segments.length; k++) {
    if (!isObject(v)) break;
    const key = String(segments[k]);
    if (!hasOwn.call(v, key)) return [missing(s.owner, path2, key, true)];
    v = v[key];
    path2 = joinPath(path2, key);
  }
  if (k === segments.length) return [{ value: v, path: path2, entity: s.owner }];
  let cur = [{ value: v, path: path2, entity: s.owner }];
  segments = segments.slice(k);
  for (const seg of segments) {
    const next = [];
    for (const c of cur) stepInto(c.value, c.path, c.entity, seg, next, entityOf);
    cur = next;
  }
  return cur;
}
function elementsOf(inp, entityOf) {
  const v = inp.value;
  if (v === void 0 || v === null) return [];
  if (v instanceof Members) return v.items;
  if (v instanceof Unknown) return v;
  if (v instanceof Count) {
    if (v.min === v.max) return [{ value: v.min, path: inp.path, entity: inp.entity, member: T }];
    return new Unknown(v.reasons.length ? v.reasons : [{ kind: "expression", detail: "count is not known exactly" }]);
  }
  if (Array.isArray(v)) {
    const out = [];
    for (let i = 0; i < v.length; i++) {
      const el = v[i];
      if (isObject(el)) {
        const root = entityOf(el);
        if (root) {
          out.push({ value: el, path: "", entity: root, member: T });
          continue;
        }
      }
      const scalar = el === null || typeof el !== "object";
      out.push({ value: el, path: scalar ? inp.path : joinPath(inp.path, i), entity: inp.entity, member: T });
    }
    return out;
  }
  if (isObject(v) && Object.keys(v).length === 0) return [];
  return [{ value: v, path: inp.path, entity: inp.entity, member: T }];
}
var hasOwn;
var init_path = __esm({
  "src/gsl/path.ts"() {
    "use strict";
    init_value();
    init_types();
    init_truth();
    init_world();
    hasOwn = Object.prototype.hasOwnProperty;
  }
});

// src/gsl/evaluate.ts
function newSink(parent) {
  return { blame: [], reasons: [], trace: parent && parent.trace ? [] : null, leaves: [] };
}
function merge(into, from) {
  for (const b of from.blame) into.blame.push(b);
  for (const r of from.reasons) into.reasons.push(r);
  if ("leaves" in into && "leaves" in from) for (const l of from.leaves) into.leaves.push(l);
}
function scopeEntities(scope) {
  const out = [];
  for (let s = scope; s; s = s.parent) if (out[out.length - 1] !== s.owner) out.push(s.owner);
  return out;
}
function inputBlame(d, inp) {
  if (inp.path) d.blame.push({ address: inp.entity.id, path: inp.path });
  else if (inp.absent !== void 0 && inp.value === void 0) d.blame.push({ address: inp.entity.id, path: inp.absent, absent: true });
}
function datumReasons(v) {
  if (v instanceof Unknown) return v.reasons;
  if (v instanceof Count) return v.reasons;
  if (v instanceof Members) return v.items.flatMap((m) => m.member === U ? m.reasons ?? [] : []);
  return [];
}
function renderDatum(v) {
  if (v === void 0) return "absent";
  if (v instanceof Unknown) return `unknown (${v.describe()})`;
  if (v instanceof Members) return `${v.items.length} element${v.items.length === 1 ? "" : "s"}`;
  if (v instanceof Count) return v.min === v.max ? String(v.min) : `${v.min}..${v.max === Infinity ? "∞" : v.max}`;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > MAX_RENDER ? `${s.slice(0, MAX_RENDER - 1)}…` : s;
}
function snippet(ctx, e) {
  return ctx.text.slice(e.start, e.end).replace(/\s+/g, " ");
}
function evalExpr(e, scope, ctx, d) {
  switch (e.kind) {
    case "and":
    case "or": {
      const isAnd = e.kind === "and";
      const stop = isAnd ? F : T;
      let r = isAnd ? T : F;
      if (!d) {
        for (const item of e.items) {
          const t = evalExpr(item, scope, ctx, null);
          if (t === stop) return stop;
          if (t === U) r = U;
        }
        return r;
      }
      const subs = [];
      for (const item of e.items) {
        const s = newSink(d);
        const t = evalExpr(item, scope, ctx, s);
        subs.push({ t, s });
        if (t === stop) {
          r = stop;
          break;
        }
        if (t === U) r = U;
      }
      for (const x of subs) if (x.t === r) merge(d, x.s);
      if (d.trace) d.trace.push({ expr: snippet(ctx, e), result: truthName(r), children: subs.flatMap((x) => x.s.trace ?? []) });
      return r;
    }
    case "not": {
      if (!d) return not(evalExpr(e.item, scope, ctx, null));
      const s = newSink(d);
      const r = not(evalExpr(e.item, scope, ctx, s));
      merge(d, s);
      if (d.trace) d.trace.push({ expr: snippet(ctx, e), result: truthName(r), children: s.trace ?? [] });
      return r;
    }
    case "test":
      return evalTest(e, scope, ctx, d);
  }
}
function evalTest(e, scope, ctx, d) {
  let inputs;
  if (e.operand.kind === "path") {
    inputs = resolvePath(scope, e.operand.up, e.operand.segments, ctx.entityOf);
  } else {
    const fn = e.operand.fn;
    const self = { value: scope.value, path: scope.path, entity: scope.owner };
    inputs = fn.kind === "value" ? fn.apply([self], e.operand.state, ctx.env) : [self];
  }
  for (const step of e.steps) {
    if (step.kind === "fn") {
      if (step.fn.kind === "value") inputs = step.fn.apply(inputs, step.state, ctx.env);
    } else {
      inputs = filter(inputs, step.body, scope, ctx);
    }
  }
  const s = d ? newSink(d) : null;
  const children = d && d.trace ? [] : null;
  const r = applyCheck(e.check, inputs, scope, ctx, s, children);
  if (d && s) {
    if (!s.leaves.length)
      s.leaves.push({
        start: e.start,
        end: e.end,
        result: r,
        scopes: scopeEntities(scope),
        // An attribute the entity does not set is named by its own path, not by the nearest one that exists.
        inputs: inputs.map((i) => ({
          entity: i.entity,
          path: i.value === void 0 && i.absent !== void 0 ? i.absent : i.path,
          value: i.value
        }))
      });
    merge(d, s);
    if (d.trace) {
      const at = scope.path ? `${scope.owner.id}:${scope.path}` : scope.owner.id;
      d.trace.push({
        expr: snippet(ctx, e),
        result: truthName(r),
        at,
        values: inputs.map((i) => renderDatum(i.value)),
        ...children && children.length ? { children } : {}
      });
    }
  }
  return r;
}
function elementScope(m, parent) {
  return { value: m.value, path: m.path, owner: m.entity, parent };
}
function filter(inputs, body, scope, ctx) {
  const out = [];
  const kept = [];
  for (const inp of inputs) {
    const els = elementsOf(inp, ctx.entityOf);
    if (els instanceof Unknown) {
      out.push({ value: els, path: inp.path, entity: inp.entity });
      continue;
    }
    for (const el of els) {
      if (el.member === F) continue;
      const s = ctx.env.detailed ? newSink(null) : null;
      const t = and(el.member, evalExpr(body, elementScope(el, scope), ctx, s));
      if (t === F) continue;
      const m = { value: el.value, path: el.path, entity: el.entity, member: t };
      if (s) {
        m.detail = s;
        if (t === U) m.reasons = [...el.reasons ?? [], ...s.reasons];
      }
      kept.push(m);
    }
  }
  const first = inputs[0];
  out.unshift({ value: new Members(kept), path: inputs.length === 1 ? first.path : null, entity: first.entity });
  return out;
}
function checkOne(c, inp, rights, ctx, reasons) {
  const v = inp.value;
  switch (c.kind) {
    case "presence":
      return presence(v);
    case "compare": {
      const op = c.op;
      if (rights === null)
        return op === "=" || op === "!=" ? equals(v, c.right.kind === "literal" ? c.right.value : void 0) : order(v, op, c.right.kind === "literal" ? c.right.value : void 0);
      let r = F;
      for (const right of rights) {
        const t = op === "=" || op === "!=" ? equals(v, right) : order(v, op, right);
        if (t === T) return T;
        if (t === U) r = U;
      }
      return r;
    }
    case "in": {
      let r = F;
      for (const l of c.values) {
        const t = equals(v, l.value);
        if (t === T) return T;
        if (t === U) r = U;
      }
      return r;
    }
    case "like":
    case "regex":
      return textTest(v, c.re);
    case "fn": {
      if (c.fn.kind !== "test") return presence(v);
      const out = c.fn.test(inp, c.state, ctx.env);
      if (typeof out === "number") return out;
      if (reasons && out.truth === U) reasons.push(...out.reasons);
      return out.truth;
    }
    case "quant":
      return U;
  }
}
function overInputs(c, inputs, mode, rights, ctx, d) {
  const stop = mode === "any" ? T : F;
  let r = mode === "any" ? F : T;
  if (!d) {
    for (let i = 0; i < inputs.length; i++) {
      const t = checkOne(c, inputs[i], rights, ctx, null);
      if (t === stop) return stop;
      if (t === U) r = U;
    }
    return r;
  }
  const ts = [];
  const extra = [];
  for (const inp of inputs) {
    const t = checkOne(c, inp, rights, ctx, extra);
    ts.push(t);
    if (t === stop) {
      r = stop;
      break;
    }
    if (t === U) r = U;
  }
  for (let i = 0; i < ts.length; i++) {
    if (ts[i] !== r) continue;
    const inp = inputs[i];
    inputBlame(d, inp);
    if (r === U) d.reasons.push(...datumReasons(inp.value));
    if (r !== U && inp.value instanceof Count && inp.value.detail) merge(d, inp.value.detail);
  }
  if (r === U) d.reasons.push(...extra);
  return r;
}
function applyCheck(c, inputs, scope, ctx, d, trace) {
  switch (c.kind) {
    case "compare": {
      const rights = c.right.kind === "literal" ? null : rightValues(c.right, scope, ctx);
      const r = overInputs(c, inputs, "any", rights, ctx, d);
      return c.op === "!=" ? not(r) : r;
    }
    case "fn":
      return overInputs(c, inputs, c.fn.kind === "test" ? c.fn.combine ?? "any" : "any", null, ctx, d);
    case "quant":
      return quantify(c.q, c.body, inputs, scope, ctx, d, trace);
    default:
      return overInputs(c, inputs, "any", null, ctx, d);
  }
}
function rightValues(p, scope, ctx) {
  return resolvePath(scope, p.up, p.segments, ctx.entityOf).map((i) => i.value);
}
function presence(v) {
  if (v === void 0 || v === null || v === "" || v === false || v === "false") return F;
  if (v instanceof Unknown) return v.nonEmpty ? T : U;
  if (v instanceof Members) {
    let r = F;
    for (const m of v.items) {
      if (m.member === T) return T;
      if (m.member === U) r = U;
    }
    return r;
  }
  if (v instanceof Count) return v.min > 0 ? T : v.max === 0 ? F : U;
  if (Array.isArray(v)) return v.length ? T : F;
  if (typeof v === "object") return Object.keys(v).length ? T : F;
  return T;
}
function quantify(q, body, inputs, scope, ctx, d, trace) {
  const all = q === "contain-all";
  const stop = all ? F : T;
  let r = all ? T : F;
  const picked = [];
  outer: for (const inp of inputs) {
    const els = elementsOf(inp, ctx.entityOf);
    if (els instanceof Unknown) {
      r = U;
      if (d) picked.push({ t: U, s: { blame: [], reasons: els.reasons, trace: null, leaves: [] }, m: null, inp });
      continue;
    }
    for (const el of els) {
      if (el.member === F) continue;
      const s = d ? newSink(d) : null;
      const b = evalExpr(body, elementScope(el, scope), ctx, s);
      const t = all ? el.member === T ? b : b === T ? T : U : and(el.member, b);
      if (s && el.member === U && t === U) s.reasons.push(...el.reasons ?? []);
      if (d) picked.push({ t, s, m: el, inp });
      if (trace && s)
        trace.push({
          expr: el.path === null ? "element" : `element ${el.path || el.entity.id}`,
          result: truthName(t),
          at: el.path ? `${el.entity.id}:${el.path}` : el.entity.id,
          children: s.trace ?? []
        });
      if (t === stop) {
        r = stop;
        break outer;
      }
      if (t === U) r = U;
    }
  }
  const result = q === "contain-none" ? not(r) : r;
  if (d) {
    for (const p of picked) {
      if (p.t !== r || !p.s) continue;
      const before2 = d.blame.length;
      merge(d, p.s);
      if (d.blame.length === before2 && p.m && p.m.path && r !== U) d.blame.push({ address: p.m.entity.id, path: p.m.path });
      if (!p.m && r === U) inputBlame(d, p.inp);
    }
    const decidedByElements = all ? r === F : r === T;
    if (!decidedByElements && r !== U) for (const inp of inputs) inputBlame(d, inp);
  }
  return result;
}
var MAX_RENDER;
var init_evaluate = __esm({
  "src/gsl/evaluate.ts"() {
    "use strict";
    init_value();
    init_compare();
    init_types();
    init_path();
    init_truth();
    MAX_RENDER = 80;
  }
});

// src/gsl/functions/arn.ts
function arnResourceName(arn) {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return void 0;
  let resource = parts.slice(5);
  if (resource.length > 1 && resource[resource.length - 1] === "*") resource = resource.slice(0, -1);
  if (resource.length > 1) return resource[resource.length - 1] || void 0;
  const r = resource[0];
  const slash = r.lastIndexOf("/");
  const name = slash >= 0 ? r.slice(slash + 1) : r;
  return name || void 0;
}
function mapValue(v) {
  if (typeof v === "string") return arnResourceName(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => typeof x === "string" ? arnResourceName(x) ?? x : x);
  return v;
}
var arnName;
var init_arn = __esm({
  "src/gsl/functions/arn.ts"() {
    "use strict";
    arnName = {
      name: "arnName",
      signature: "cloud_watch_logs_group_arn arnName() references(aws_cloudwatch_log_group, name)",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "attribute",
      kind: "value",
      apply: (inputs) => inputs.map((i) => ({ ...i, value: mapValue(i.value) }))
    };
  }
});

// src/gsl/functions/core.ts
function emptiness(v) {
  if (v === void 0 || v === null || v === "") return T;
  if (v instanceof Unknown) return v.nonEmpty ? F : U;
  if (v instanceof Members) {
    let r = T;
    for (const m of v.items) {
      if (m.member === T) return F;
      r = U;
    }
    return r;
  }
  if (v instanceof Count) return v.max === 0 ? T : v.min > 0 ? F : U;
  if (Array.isArray(v)) return v.length === 0 ? T : F;
  if (typeof v === "object") return Object.keys(v).length === 0 ? T : F;
  return F;
}
function sizeOf(v, reasons) {
  if (v === void 0 || v === null) return [0, 0];
  if (v instanceof Unknown) {
    reasons.push(...v.reasons);
    return [v.nonEmpty ? 1 : 0, Infinity];
  }
  if (v instanceof Members) {
    let min = 0;
    let max = 0;
    for (const m of v.items) {
      if (m.member === T) min++;
      else if (m.member === U) reasons.push(...m.reasons ?? []);
      if (m.member !== F) max++;
    }
    return [min, max];
  }
  if (v instanceof Count) {
    reasons.push(...v.reasons);
    return [v.min, v.max];
  }
  if (typeof v === "string") return [v.length, v.length];
  if (Array.isArray(v)) return [v.length, v.length];
  if (typeof v === "object") {
    const n = Object.keys(v).length;
    return [n, n];
  }
  return [1, 1];
}
var isEmpty, length;
var init_core = __esm({
  "src/gsl/functions/core.ts"() {
    "use strict";
    init_value();
    init_truth();
    init_types();
    isEmpty = {
      name: "isEmpty",
      signature: "x isEmpty()",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "attribute",
      kind: "test",
      // Through a list of blocks, empty means every block's value is empty (the complement of presence).
      combine: "all",
      test: (input) => emptiness(input.value)
    };
    length = {
      name: "length",
      signature: "x length() > 0",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "attribute",
      kind: "value",
      apply(inputs, _state, env) {
        let min = 0;
        let max = 0;
        const reasons = [];
        let detail;
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
        const first = inputs[0];
        const path2 = detail?.blame.length ? null : inputs.length === 1 ? first.path : null;
        return [{ value: new Count(min, max, reasons, detail), path: path2, entity: first.entity }];
      }
    };
  }
});

// src/gsl/functions/dates.ts
function toEpochMs(v) {
  if (typeof v === "string" && ISO.test(v.trim())) {
    const t = Date.parse(v.trim().replace(" ", "T"));
    return Number.isNaN(t) ? void 0 : t;
  }
  const n = asNumber(v);
  if (n === void 0 || !Number.isFinite(n)) return void 0;
  return Math.abs(n) < 1e11 ? n * 1e3 : n;
}
function shift(now, o) {
  if (typeof o.unit === "number") return now + o.amount * o.unit;
  const d = new Date(now);
  if (o.unit === "month") d.setUTCMonth(d.getUTCMonth() + o.amount);
  else d.setUTCFullYear(d.getUTCFullYear() + o.amount);
  return d.getTime();
}
function prepare(args) {
  const raw = String(args[1].value).toLowerCase();
  const unit = UNITS[raw.endsWith("s") ? raw.slice(0, -1) : raw];
  if (unit === void 0) {
    const names2 = Object.keys(UNITS).map((u) => `'${u}s'`).join(", ");
    return { error: `unknown time unit '${String(args[1].value)}'; expected one of ${names2}`, arg: 1 };
  }
  return { state: { amount: args[0].value, unit } };
}
function dateFunction(name) {
  return {
    name,
    signature: `x ${name}(-90, 'days')`,
    minArgs: 2,
    maxArgs: 2,
    argKinds: ["number", "string"],
    receiver: "attribute",
    kind: "test",
    prepare,
    test(input, state, env) {
      const v = input.value;
      if (v instanceof Unknown) return U;
      const t = toEpochMs(v);
      if (t === void 0) return F;
      const limit = shift(env.now, state);
      return (name === "before" ? t < limit : t > limit) ? T : F;
    }
  };
}
var UNITS, ISO, before, after;
var init_dates = __esm({
  "src/gsl/functions/dates.ts"() {
    "use strict";
    init_value();
    init_compare();
    init_truth();
    UNITS = {
      second: 1e3,
      minute: 6e4,
      hour: 36e5,
      day: 864e5,
      week: 7 * 864e5,
      month: "month",
      year: "year"
    };
    ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
    before = dateFunction("before");
    after = dateFunction("after");
  }
});

// src/gsl/functions/filterPatternParse.ts
function lex(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "&&" || two === "||" || two === "!=" || two === "<=" || two === ">=") {
      out.push({ t: "punct", v: two, at: i });
      i += 2;
      continue;
    }
    if ("{}()=<>".includes(c)) {
      out.push({ t: "punct", v: c, at: i });
      i++;
      continue;
    }
    if (c === '"') {
      let v = "";
      let j2 = i + 1;
      for (; j2 < src.length && src[j2] !== '"'; j2++) {
        if (src[j2] === "\\" && j2 + 1 < src.length) j2++;
        v += src[j2];
      }
      if (j2 >= src.length) throw new FilterPatternError('unterminated string: a `"` is missing', i);
      out.push({ t: "quoted", v, at: i });
      i = j2 + 1;
      continue;
    }
    if (c === "$") {
      let j2 = i + 1;
      while (j2 < src.length && /[A-Za-z0-9_.$*[\]-]/.test(src[j2])) j2++;
      out.push({ t: "selector", v: src.slice(i, j2), at: i });
      i = j2;
      continue;
    }
    if (c === "%") {
      const j2 = src.indexOf("%", i + 1);
      if (j2 < 0) throw new FilterPatternError("unterminated regular expression: a closing `%` is missing", i);
      out.push({ t: "word", v: src.slice(i, j2 + 1), at: i });
      i = j2 + 1;
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s{}()"=<>&|!]/.test(src[j])) j++;
    if (j === i) throw new FilterPatternError(`unexpected \`${c}\``, i);
    out.push({ t: "word", v: src.slice(i, j), at: i });
    i = j;
  }
  return out;
}
function parseFilterPattern(src) {
  if (src.length > MAX_LENGTH) throw new FilterPatternError(`the pattern is longer than ${MAX_LENGTH} characters`, 0);
  const toks = lex(src);
  let k = 0;
  const peek = () => toks[k];
  const at = () => toks[k]?.at ?? src.length;
  const isP = (v) => peek()?.t === "punct" && peek().v === v;
  const expect = (v) => {
    if (!isP(v)) throw new FilterPatternError(`expected \`${v}\`, found ${describe(peek())}`, at());
    k++;
  };
  const orExpr = (depth) => {
    if (depth > MAX_DEPTH) throw new FilterPatternError(`nested deeper than ${MAX_DEPTH} levels`, at());
    const args = [andExpr(depth)];
    while (isP("||")) {
      k++;
      args.push(andExpr(depth));
    }
    return args.length === 1 ? args[0] : { kind: "or", args };
  };
  const andExpr = (depth) => {
    const args = [primary(depth)];
    while (isP("&&")) {
      k++;
      args.push(primary(depth));
    }
    return args.length === 1 ? args[0] : { kind: "and", args };
  };
  const primary = (depth) => {
    if (isP("(")) {
      k++;
      const f2 = orExpr(depth + 1);
      expect(")");
      return f2;
    }
    const s = peek();
    if (s?.t !== "selector")
      throw new FilterPatternError(`expected a selector such as \`$.eventName\` or \`(\`, found ${describe(s)}`, at());
    k++;
    const selector = s.v;
    const w = peek();
    if (w?.t === "word") {
      const kw = w.v.toUpperCase();
      if (kw === "NOT") {
        k++;
        const e = peek();
        if (e?.t !== "word" || e.v.toUpperCase() !== "EXISTS")
          throw new FilterPatternError(`expected \`EXISTS\` after \`NOT\`, found ${describe(e)}`, at());
        k++;
        return { kind: "not", arg: { kind: "atom", selector, op: "exists" } };
      }
      if (kw === "EXISTS") {
        k++;
        return { kind: "atom", selector, op: "exists" };
      }
      if (kw === "IS") {
        k++;
        const e = peek();
        const what = e?.t === "word" ? e.v.toUpperCase() : "";
        if (what !== "NULL" && what !== "TRUE" && what !== "FALSE")
          throw new FilterPatternError(`expected NULL, TRUE or FALSE after \`IS\`, found ${describe(e)}`, at());
        k++;
        return { kind: "atom", selector, op: what.toLowerCase() };
      }
    }
    const opTok = peek();
    if (opTok?.t !== "punct" || !["=", "!=", "<", ">", "<=", ">="].includes(opTok.v)) {
      throw new FilterPatternError(
        `expected an operator (=, !=, <, >, <=, >=, IS NULL, NOT EXISTS) after \`${selector}\`, found ${describe(opTok)}`,
        at()
      );
    }
    k++;
    const v = peek();
    if (v?.t !== "quoted" && v?.t !== "word")
      throw new FilterPatternError(`expected a value after \`${opTok.v}\`, found ${describe(v)}`, at());
    k++;
    const value = v.t === "quoted" ? { type: "string", text: v.v } : v.v.startsWith("%") ? { type: "regex", text: v.v } : NUMBER.test(v.v) ? { type: "number", text: String(Number(v.v)) } : { type: "string", text: v.v };
    if (opTok.v === "!=") return { kind: "not", arg: { kind: "atom", selector, op: "=", value } };
    return { kind: "atom", selector, op: opTok.v, value };
  };
  if (!isP("{")) throw new FilterPatternError("not a JSON filter pattern: it must start with `{`", at());
  k++;
  const f = orExpr(0);
  expect("}");
  if (k < toks.length) throw new FilterPatternError(`unexpected ${describe(peek())} after the closing \`}\``, at());
  return f;
}
function describe(t) {
  if (!t) return "the end of the pattern";
  if (t.t === "quoted") return `"${t.v}"`;
  return `\`${t.v}\``;
}
var FilterPatternError, MAX_DEPTH, MAX_LENGTH, NUMBER;
var init_filterPatternParse = __esm({
  "src/gsl/functions/filterPatternParse.ts"() {
    "use strict";
    FilterPatternError = class extends Error {
      offset;
      constructor(message, offset) {
        super(message);
        this.offset = offset;
      }
    };
    MAX_DEPTH = 64;
    MAX_LENGTH = 1e5;
    NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
  }
});

// src/gsl/functions/filterPatternLogic.ts
function atomKey(a) {
  return `${a.selector}\0${a.op}\0${a.value ? `${a.value.type}:${a.value.text}` : ""}`;
}
function nnf(f, pos, atoms) {
  if (f.kind === "atom") {
    const key = atomKey(f);
    atoms.set(key, f);
    return { kind: "lit", key, pos };
  }
  if (f.kind === "not") return nnf(f.arg, !pos, atoms);
  const kind = f.kind === "and" === pos ? "and" : "or";
  const args = [];
  for (const a of f.args) {
    const n = nnf(a, pos, atoms);
    if (n.kind === kind) args.push(...n.args);
    else args.push(n);
  }
  return { kind, args };
}
function dnf(n, atoms) {
  if (n.kind === "lit") return [/* @__PURE__ */ new Map([[n.key, n.pos]])];
  if (n.kind === "or") {
    const out = [];
    for (const a of n.args) {
      const t = dnf(a, atoms);
      if (!t) return void 0;
      out.push(...t);
      if (out.length > TERM_LIMIT) return void 0;
    }
    return out;
  }
  let acc = [/* @__PURE__ */ new Map()];
  for (const a of n.args) {
    const ts = dnf(a, atoms);
    if (!ts) return void 0;
    const next = [];
    for (const x of acc) {
      for (const y of ts) {
        const m = merge2(x, y, atoms);
        if (m) next.push(m);
        if (next.length > TERM_LIMIT) return void 0;
      }
    }
    acc = next;
  }
  return acc;
}
function merge2(x, y, atoms) {
  const m = new Map(x);
  for (const [k, v] of y) {
    if (m.has(k) && m.get(k) !== v) return void 0;
    m.set(k, v);
  }
  for (const [k, pos] of m) {
    const v = implied(m, k, atoms);
    if (v === (pos ? 0 : 2)) return void 0;
  }
  return m;
}
function globMatches(glob, text2) {
  const parts = glob.split("*");
  if (parts.length === 1) return glob === text2;
  if (!text2.startsWith(parts[0])) return false;
  let pos = parts[0].length;
  for (let i = 1; i < parts.length - 1; i++) {
    const j = text2.indexOf(parts[i], pos);
    if (j < 0) return false;
    pos = j + parts[i].length;
  }
  const last = parts[parts.length - 1];
  return text2.length - pos >= last.length && text2.endsWith(last);
}
function implied(term, key, atoms) {
  const a = atoms.get(key);
  let result = 1;
  for (const [k, pos] of term) {
    const b = atoms.get(k);
    if (k === key || b.selector !== a.selector) continue;
    const r = relate(b, pos, a);
    if (r !== 1) result = r;
    if (r === 0) return 0;
  }
  return result;
}
function relate(b, pos, a) {
  const hasValue = (x) => x.op !== "exists" && x.op !== "null";
  if (pos && hasValue(b)) {
    if (a.op === "exists") return 2;
    if (a.op === "null") return 0;
  }
  if (!pos && b.op === "exists" && a.op !== "exists") return 0;
  if (pos && b.op === "null" && hasValue(a)) return 0;
  if (b.op === "=" && a.op === "=" && b.value && a.value && pos) {
    const bv = b.value;
    const av = a.value;
    if (bv.type === "regex" || av.type === "regex") return 1;
    if (bv.type !== av.type) return 0;
    if (bv.type === "number") return bv.text === av.text ? 2 : 0;
    if (!bv.text.includes("*")) return globMatches(av.text, bv.text) ? 2 : 0;
    if (av.text === "*") return 2;
    return 1;
  }
  if (b.op === "=" && a.op === "=" && !pos && b.value && a.value && !isGlob(b) && !isGlob(a)) {
    return b.value.type === a.value.type && b.value.text === a.value.text ? 0 : 1;
  }
  return 1;
}
function evaluate(n, term, atoms) {
  if (n.kind === "lit") {
    let v;
    const own2 = term.get(n.key);
    if (own2 !== void 0) v = own2 ? 2 : 0;
    else v = implied(term, n.key, atoms);
    return n.pos ? v : 2 - v;
  }
  if (n.kind === "and") {
    let r2 = 2;
    for (const a of n.args) {
      const v = evaluate(a, term, atoms);
      if (v === 0) return 0;
      if (v === 1) r2 = 1;
    }
    return r2;
  }
  let r = 0;
  for (const a of n.args) {
    const v = evaluate(a, term, atoms);
    if (v === 2) return 2;
    if (v === 1) r = 1;
  }
  return r;
}
function compilePattern(src) {
  const atoms = /* @__PURE__ */ new Map();
  const n = nnf(parseFilterPattern(src), true, atoms);
  return { nnf: n, atoms, terms: dnf(n, atoms) };
}
function implies(a, b) {
  if (!a.terms) return false;
  const atoms = new Map([...a.atoms, ...b.atoms]);
  return a.terms.every((t) => evaluate(b.nnf, t, atoms) === 2);
}
function patternsEqual(a, b) {
  return implies(a, b) && implies(b, a);
}
function namesEvent(t, atoms) {
  for (const [k, pos] of t) {
    const a = atoms.get(k);
    if (pos && a.selector === "$.eventName" && a.op === "=" && a.value?.type === "string" && !a.value.text.includes("*")) return true;
  }
  return false;
}
function conforms(p, narrow, broad) {
  if (!implies(narrow, p) || !p.terms) return false;
  const atoms = new Map([...p.atoms, ...broad.atoms]);
  return p.terms.every((t) => namesEvent(t, p.atoms) || evaluate(broad.nnf, t, atoms) === 2);
}
var TERM_LIMIT, isGlob;
var init_filterPatternLogic = __esm({
  "src/gsl/functions/filterPatternLogic.ts"() {
    "use strict";
    init_filterPatternParse();
    TERM_LIMIT = 4096;
    isGlob = (a) => a.value?.type === "string" && a.value.text.includes("*");
  }
});

// src/gsl/functions/filterPattern.ts
function normalizeFilterPattern(p) {
  let out = "";
  let inQuote = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (inQuote) {
      out += c;
      if (c === "\\" && i + 1 < p.length) out += p[++i];
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    if (!/\s/.test(c)) out += c;
  }
  return out;
}
function patternOf(text2) {
  const hit = cache.get(text2);
  if (hit !== void 0) return hit;
  let p;
  try {
    p = compilePattern(text2);
  } catch (e) {
    if (!(e instanceof FilterPatternError)) throw e;
    p = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text2, p);
  return p;
}
function filterPatternsEqual(a, b) {
  const pa = patternOf(a);
  const pb = patternOf(b);
  if (pa && pb) return patternsEqual(pa, pb);
  if (pa || pb) return false;
  return normalizeFilterPattern(a) === normalizeFilterPattern(b);
}
function compileArg(arg, n) {
  try {
    return { pattern: compilePattern(String(arg.value)) };
  } catch (e) {
    if (!(e instanceof FilterPatternError)) throw e;
    return { error: `not a CloudWatch Logs JSON filter pattern: ${e.message} (at character ${e.offset + 1})`, arg: n };
  }
}
var CACHE_LIMIT, cache, isFilterPatternEqual, isFilterPatternConformant;
var init_filterPattern = __esm({
  "src/gsl/functions/filterPattern.ts"() {
    "use strict";
    init_value();
    init_truth();
    init_filterPatternParse();
    init_filterPatternLogic();
    CACHE_LIMIT = 2e3;
    cache = /* @__PURE__ */ new Map();
    isFilterPatternEqual = {
      name: "isFilterPatternEqual",
      signature: "filterPattern isFilterPatternEqual('{ $.eventName = ConsoleLogin }')",
      minArgs: 1,
      maxArgs: 1,
      argKinds: ["string"],
      receiver: "attribute",
      kind: "test",
      // Only the argument's text is kept: a non-JSON argument is compared as text.
      prepare: (args) => ({ state: String(args[0].value) }),
      test(input, state) {
        const v = input.value;
        if (v instanceof Unknown) return U;
        return typeof v === "string" && filterPatternsEqual(v, state) ? T : F;
      }
    };
    isFilterPatternConformant = {
      name: "isFilterPatternConformant",
      signature: "pattern isFilterPatternConformant('{ narrowest CIS version }', '{ broadest CIS version }')",
      minArgs: 1,
      maxArgs: 2,
      argKinds: ["string"],
      receiver: "attribute",
      kind: "test",
      prepare(args) {
        const narrow = compileArg(args[0], 0);
        if ("error" in narrow) return narrow;
        const broad = args[1] ? compileArg(args[1], 1) : narrow;
        if ("error" in broad) return broad;
        return { state: { narrow: narrow.pattern, broad: broad.pattern } };
      },
      test(input, state) {
        const v = input.value;
        if (v instanceof Unknown) return U;
        if (typeof v !== "string") return F;
        const p = patternOf(v);
        const st = state;
        return p && conforms(p, st.narrow, st.broad) ? T : F;
      }
    };
  }
});

// src/gsl/functions/network.ts
function cidrSize(cidr) {
  const s = cidr.trim();
  const m4 = IPV4.exec(s);
  if (m4) {
    if (m4.slice(1, 5).some((o) => Number(o) > 255)) return void 0;
    const prefix2 = m4[5] === void 0 ? 32 : Number(m4[5]);
    return prefix2 > 32 ? void 0 : 2 ** (32 - prefix2);
  }
  const m6 = s.includes(":") ? IPV6.exec(s) : null;
  if (m6) {
    const prefix2 = m6[1] === void 0 ? 128 : Number(m6[1]);
    return prefix2 > 128 ? void 0 : 2 ** (128 - prefix2);
  }
  return void 0;
}
function addUnknown(acc, u) {
  acc.max = Infinity;
  acc.reasons.push(...u.reasons);
}
function field(rule, ...names2) {
  for (const n of names2) if (n in rule) return rule[n];
  return void 0;
}
function coversPort(rule, port2, acc) {
  const proto = field(rule, "protocol", "ip_protocol");
  if (proto instanceof Unknown) {
    acc.reasons.push(...proto.reasons);
    return void 0;
  }
  if (proto === "-1" || proto === -1 || typeof proto === "string" && proto.toLowerCase() === "all") return true;
  const from = field(rule, "from_port", "port", "destinationPort");
  const to = field(rule, "to_port", "portTo", "destinationPortTo") ?? from;
  if (from instanceof Unknown || to instanceof Unknown) {
    acc.reasons.push(...(from instanceof Unknown ? from : to).reasons);
    return void 0;
  }
  const lo = asNumber(from ?? void 0);
  const hi = asNumber(to ?? void 0);
  if (lo === void 0 || hi === void 0) return false;
  if (lo === 0 && hi === 0) return true;
  return lo <= port2 && port2 <= hi;
}
function countRule(rule, port2, acc) {
  if (rule instanceof Unknown) return addUnknown(acc, rule);
  if (!isObject(rule)) return;
  const covers = coversPort(rule, port2, acc);
  if (covers === false) return;
  let hosts = 0;
  for (const key of ["cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6", "scope", "source"]) {
    const v = rule[key];
    for (const c of Array.isArray(v) ? v : v === void 0 ? [] : [v]) {
      if (c instanceof Unknown) addUnknown(acc, c);
      else if (typeof c === "string") hosts += cidrSize(c) ?? 0;
    }
  }
  if (covers === void 0) {
    acc.max += hosts;
    return;
  }
  acc.min += hosts;
  acc.max += hosts;
}
function ipv4(a) {
  const m = IPV4.exec(a.trim());
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255)) return void 0;
  return (Number(m[1]) << 24 >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
}
function cidrIsPublic(cidr) {
  const s = cidr.trim();
  const m4 = IPV4.exec(s);
  if (m4) {
    const base = ipv4(s.split("/")[0]);
    const prefix2 = m4[5] === void 0 ? 32 : Number(m4[5]);
    if (base === void 0 || prefix2 > 32) return void 0;
    return !PRIVATE4.some(([net, p]) => prefix2 >= p && base >>> 32 - p === net >>> 32 - p);
  }
  if (s.includes(":") && IPV6.test(s)) {
    const lower = s.toLowerCase();
    const prefix2 = Number(/\/(\d{1,3})$/.exec(lower)?.[1] ?? 128);
    const head = parseInt(lower.split(":")[0] || "0", 16);
    if (lower.startsWith("::1") && prefix2 === 128) return false;
    if (prefix2 >= 7 && (head & 65024) === 64512) return false;
    if (prefix2 >= 10 && (head & 65472) === 65152) return false;
    return true;
  }
  return void 0;
}
function cidrTest(name, signature, holds2) {
  return {
    name,
    signature,
    minArgs: 0,
    maxArgs: 0,
    argKinds: [],
    receiver: "attribute",
    kind: "test",
    test(input) {
      const v = input.value;
      if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
      if (typeof v !== "string") return F;
      return holds2(v) ? T : F;
    }
  };
}
var IPV4, IPV6, allowedHostsForPort, PRIVATE4, isPublic;
var init_network = __esm({
  "src/gsl/functions/network.ts"() {
    "use strict";
    init_value();
    init_compare();
    init_path();
    init_types();
    init_truth();
    IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
    IPV6 = /^[0-9a-f:.]+(?:\/(\d{1,3}))?$/i;
    allowedHostsForPort = {
      name: "allowedHostsForPort",
      signature: "ingress allowedHostsForPort(22) > 256",
      minArgs: 1,
      maxArgs: 1,
      argKinds: ["number"],
      receiver: "attribute",
      kind: "value",
      apply(inputs, state, _env) {
        const port2 = state;
        const acc = { min: 0, max: 0, reasons: [] };
        for (const inp of inputs) {
          const els = elementsOf(inp, () => void 0);
          if (els instanceof Unknown) addUnknown(acc, els);
          else for (const el of els) countRule(el.value, port2, acc);
        }
        const first = inputs[0];
        return [{ value: new Count(acc.min, acc.max, acc.reasons), path: inputs.length === 1 ? first.path : null, entity: first.entity }];
      },
      prepare: (args) => {
        const p = args[0].value;
        if (!Number.isInteger(p) || p < 0 || p > 65535) return { error: `port ${p} is not between 0 and 65535`, arg: 0 };
        return { state: p };
      }
    };
    PRIVATE4 = [
      ["10.0.0.0", 8],
      ["172.16.0.0", 12],
      ["192.168.0.0", 16],
      ["127.0.0.0", 8],
      ["169.254.0.0", 16],
      ["100.64.0.0", 10]
    ].map(([a, p]) => [ipv4(a), p]);
    isPublic = cidrTest("isPublic", "cidr_blocks contain [ $ isPublic() ]", (c) => cidrIsPublic(c) === true);
  }
});

// src/gsl/functions/network-rules.ts
function protocolOf(v) {
  if (v instanceof Unknown) return v;
  if (v === void 0 || v === null) return null;
  const s = String(v).trim().toLowerCase();
  return PROTOCOLS[s] ?? s;
}
function portsText(protocol, from, to) {
  if (protocol === "all") return "every port";
  if (protocol instanceof Unknown) return protocol;
  if (from instanceof Unknown) return from;
  if (to instanceof Unknown) return to;
  if (typeof from !== "number" || typeof to !== "number") return null;
  return from === to ? `port ${from}` : `ports ${from}-${to}`;
}
function header(kind, direction, rule, nacl) {
  const o = newObject();
  o.kind = kind;
  o.direction = direction;
  const protocol = protocolOf(rule.protocol ?? rule.ip_protocol);
  o.protocol = protocol;
  const from = rule.from_port;
  const to = rule.to_port;
  if (protocol === "all") {
    o.from_port = 0;
    o.to_port = 65535;
  } else {
    o.from_port = from instanceof Unknown ? from : asNumber(from ?? void 0) ?? null;
    o.to_port = to instanceof Unknown ? to : asNumber(to ?? void 0) ?? null;
  }
  o.ports = portsText(o.protocol, o.from_port, o.to_port);
  if (nacl) {
    const action = rule.action ?? rule.rule_action;
    o.action = action instanceof Unknown ? action : typeof action === "string" ? action.toLowerCase() : null;
    const n = rule.rule_no ?? rule.rule_number;
    o.rule_number = n instanceof Unknown ? n : asNumber(n ?? void 0) ?? null;
  } else o.action = "allow";
  return o;
}
function expand(kind, direction, rule, path2, entity, nacl, out) {
  if (rule instanceof Unknown) {
    out.push({ value: rule, path: path2, entity, member: U, reasons: rule.reasons });
    return;
  }
  if (!isObject(rule)) return;
  const head = header(kind, direction, rule, nacl);
  for (const s of SOURCES) {
    const v = rule[s.attr];
    if (v === void 0 || v === null || v === false) continue;
    const at = path2 ? `${path2}.${s.attr}` : s.attr;
    const add = (value, p, member = T) => {
      const o = Object.assign(newObject(), head);
      o[s.field] = value;
      if (s.family) o.family = s.family;
      out.push({ value: o, path: p, entity, member, ...value instanceof Unknown ? { reasons: value.reasons } : {} });
    };
    if (v instanceof Unknown) add(v, at, v.nonEmpty ? T : U);
    else if (Array.isArray(v)) v.forEach((x, i) => add(x, `${at}.${i}`));
    else add(v, at);
  }
}
function str(v) {
  return typeof v === "string" ? v.toLowerCase() : void 0;
}
function resourceDirection(e, direction) {
  const t = e.type.toLowerCase();
  const v = e.values;
  if (t === "aws_security_group_rule") {
    if (v.type instanceof Unknown) return U;
    return str(v.type) === direction ? T : F;
  }
  if (t === "aws_network_acl_rule") {
    const eg = v.egress;
    if (eg instanceof Unknown) return U;
    const isEgress = eg === true || eg === "true";
    return isEgress === (direction === "egress") ? T : F;
  }
  if (t === "aws_vpc_security_group_ingress_rule") return direction === "ingress" ? T : F;
  if (t === "aws_vpc_security_group_egress_rule") return direction === "egress" ? T : F;
  return F;
}
function ownRules(e, direction) {
  const t = e.type.toLowerCase();
  const nacl = t.includes("network_acl");
  const kind = nacl ? "network_acl" : "security_group";
  const out = [];
  if (INLINE.has(t)) {
    const blocks2 = e.values[direction];
    if (blocks2 instanceof Unknown) out.push({ value: blocks2, path: direction, entity: e, member: U, reasons: blocks2.reasons });
    else if (Array.isArray(blocks2)) blocks2.forEach((b, i) => expand(kind, direction, b, `${direction}.${i}`, e, nacl, out));
  } else if (RULE_RESOURCES.has(t)) {
    const d = resourceDirection(e, direction);
    if (d === F) return out;
    expand(kind, direction, e.values, "", e, nacl, out);
    if (d === U) for (const b of out) b.member = U;
  }
  return out;
}
function aclsOf(rule, world) {
  return (rule.references?.network_acl_id ?? []).flatMap((ref) => [...resolveReference(world, ref)]).filter((e) => e.type.toLowerCase().includes("network_acl"));
}
function ruleOfAcl(rule, acl) {
  return (rule.references?.network_acl_id ?? []).some((ref) => referencesEntity(ref, acl));
}
function aclRules(e, direction, world) {
  const standalone = world.entitiesOfType("aws_network_acl_rule");
  if (e.type.toLowerCase() !== "aws_network_acl_rule") {
    return [...ownRules(e, direction), ...standalone.filter((r) => ruleOfAcl(r, e)).flatMap((r) => ownRules(r, direction))];
  }
  const acls = aclsOf(e, world);
  if (acls.length)
    return [
      ...acls.flatMap((a) => ownRules(a, direction)),
      ...standalone.filter((r) => acls.some((a) => ruleOfAcl(r, a))).flatMap((r) => ownRules(r, direction))
    ];
  const id = e.values.network_acl_id;
  if (typeof id !== "string") return ownRules(e, direction);
  return standalone.filter((r) => !r.references?.network_acl_id?.length && r.values.network_acl_id === id).flatMap((r) => ownRules(r, direction));
}
function addShadows(e, direction, own2, world) {
  const all = aclRules(e, direction, world);
  for (const b of own2) {
    if (!isObject(b.value) || b.value.action !== "allow") continue;
    const n = b.value.rule_number;
    const denies = [];
    for (const o of all) {
      if (!isObject(o.value) || o.value.action === "allow") continue;
      const m = o.value.rule_number;
      if (typeof n === "number" && typeof m === "number" && m >= n) continue;
      denies.push(o.value);
    }
    b.value.denied_before = denies;
  }
}
function prepareDirection(args) {
  const d = String(args[0].value).toLowerCase();
  if (d !== "ingress" && d !== "egress") return { error: `direction must be 'ingress' or 'egress', not '${d}'`, arg: 0 };
  return { state: d };
}
function unknownOf(reasons, ...vs) {
  let any = false;
  for (const v of vs)
    if (v instanceof Unknown) {
      reasons.push(...v.reasons);
      any = true;
    }
  return any;
}
function coversPort2(rule, port2, reasons) {
  const { protocol, from_port: from, to_port: to } = rule;
  if (unknownOf(reasons, protocol)) return U;
  if (protocol === "all") return T;
  if (protocol !== "tcp" && protocol !== "udp") return F;
  if (unknownOf(reasons, from, to)) return U;
  if (typeof from !== "number" || typeof to !== "number") return F;
  return from <= port2 && port2 <= to ? T : F;
}
function denyCovers(deny, port2, family, reasons) {
  const c = coversPort2(deny, port2, reasons);
  if (c !== T) return c;
  if (unknownOf(reasons, deny.cidr)) return U;
  if (deny.family !== family || typeof deny.cidr !== "string") return F;
  return cidrSize(deny.cidr) === (family === "ipv6" ? 2 ** 128 : 2 ** 32) ? T : F;
}
function admits(rule, port2) {
  const reasons = [];
  if (unknownOf(reasons, rule.action)) return { truth: U, reasons };
  if (rule.action !== "allow") return { truth: F, reasons };
  const c = coversPort2(rule, port2, reasons);
  if (c !== T) return { truth: c, reasons };
  let shadow = F;
  const denies = Array.isArray(rule.denied_before) ? rule.denied_before : [];
  for (const d of denies) {
    if (!isObject(d)) continue;
    const r = denyCovers(d, port2, rule.family ?? void 0, reasons);
    if (r === T) return { truth: F, reasons: [] };
    if (r === U) shadow = U;
  }
  return { truth: shadow === U ? U : T, reasons };
}
var PROTOCOLS, SOURCES, INLINE, RULE_RESOURCES, networkRules, admitsPort, isAnyAddress;
var init_network_rules = __esm({
  "src/gsl/functions/network-rules.ts"() {
    "use strict";
    init_value();
    init_compare();
    init_truth();
    init_world();
    init_network();
    init_types();
    PROTOCOLS = { "-1": "all", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };
    SOURCES = [
      { attr: "cidr_blocks", field: "cidr", family: "ipv4" },
      { attr: "ipv6_cidr_blocks", field: "cidr", family: "ipv6" },
      { attr: "cidr_ipv4", field: "cidr", family: "ipv4" },
      { attr: "cidr_ipv6", field: "cidr", family: "ipv6" },
      { attr: "cidr_block", field: "cidr", family: "ipv4" },
      { attr: "ipv6_cidr_block", field: "cidr", family: "ipv6" },
      { attr: "prefix_list_ids", field: "prefix_list_id" },
      { attr: "prefix_list_id", field: "prefix_list_id" },
      { attr: "security_groups", field: "security_group_id" },
      { attr: "source_security_group_id", field: "security_group_id" },
      { attr: "referenced_security_group_id", field: "security_group_id" },
      { attr: "self", field: "self" }
    ];
    INLINE = /* @__PURE__ */ new Set(["aws_security_group", "aws_default_security_group", "aws_network_acl", "aws_default_network_acl"]);
    RULE_RESOURCES = /* @__PURE__ */ new Set([
      "aws_security_group_rule",
      "aws_vpc_security_group_ingress_rule",
      "aws_vpc_security_group_egress_rule",
      "aws_network_acl_rule"
    ]);
    networkRules = {
      name: "networkRules",
      signature: "networkRules('ingress') contain [ cidr isAnyAddress() and $ admitsPort(22) ]",
      minArgs: 1,
      maxArgs: 1,
      argKinds: ["string"],
      receiver: "context",
      kind: "value",
      prepare: prepareDirection,
      apply(inputs, state, env) {
        const owner = inputs[0].entity;
        const direction = state;
        const own2 = ownRules(owner, direction);
        if (owner.type.toLowerCase().includes("network_acl")) addShadows(owner, direction, own2, env.world);
        const members = own2.map((b) => ({
          value: b.value,
          path: b.path,
          entity: b.entity,
          member: b.member,
          ...b.reasons ? { reasons: b.reasons } : {}
        }));
        return [{ value: new Members(members), path: null, entity: owner }];
      }
    };
    admitsPort = {
      name: "admitsPort",
      signature: "$ admitsPort(22)",
      minArgs: 1,
      maxArgs: 1,
      argKinds: ["number"],
      receiver: "attribute",
      kind: "test",
      prepare: (args) => {
        const p = args[0].value;
        if (!Number.isInteger(p) || p < 0 || p > 65535) return { error: `port ${p} is not between 0 and 65535`, arg: 0 };
        return { state: p };
      },
      test(input, state) {
        const v = input.value;
        if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
        if (!isObject(v)) return F;
        return admits(v, state);
      }
    };
    isAnyAddress = cidrTest("isAnyAddress", "cidr isAnyAddress()", (c) => {
      const n = cidrSize(c);
      return n === 2 ** 32 || n === 2 ** 128;
    });
  }
});

// src/gsl/functions/imds.ts
function tokensOf(e) {
  const mo = e.values.metadata_options;
  if (mo instanceof Unknown) return mo;
  const block = Array.isArray(mo) ? mo[0] : mo;
  if (block instanceof Unknown) return block;
  if (!isObject(block)) return void 0;
  const t = block.http_tokens;
  return t === null ? void 0 : t;
}
function templateOf(e, world) {
  if (e.type.toLowerCase() !== "aws_instance" || !e.references) return void 0;
  const refs = Object.entries(e.references).flatMap(([path2, rs]) => path2.startsWith("launch_template") ? rs : []);
  return refs.flatMap((ref) => [...resolveReference(world, ref)]).find((t) => t.type.toLowerCase() === "aws_launch_template");
}
var imdsHttpTokens;
var init_imds = __esm({
  "src/gsl/functions/imds.ts"() {
    "use strict";
    init_value();
    init_world();
    imdsHttpTokens = {
      name: "imdsHttpTokens",
      signature: "imdsHttpTokens() = 'required'",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "context",
      kind: "value",
      apply(inputs, _state, env) {
        const e = inputs[0].entity;
        const own2 = tokensOf(e);
        if (own2 !== void 0) return [{ value: own2, path: "metadata_options.0.http_tokens", entity: e }];
        const template = templateOf(e, env.world);
        const inherited = template ? tokensOf(template) : void 0;
        if (template && inherited !== void 0) return [{ value: inherited, path: "metadata_options.0.http_tokens", entity: template }];
        for (const d of env.world.entitiesOfType("aws_ec2_instance_metadata_defaults")) {
          const t = d.values.http_tokens;
          if (t === "required") return [{ value: t, path: "http_tokens", entity: d }];
        }
        const reason = {
          kind: "expression",
          detail: `${e.id} does not set metadata_options.http_tokens: EC2 then takes the AMI's imds_support and the account's instance metadata defaults for the region, which this configuration does not set`
        };
        return [{ value: new Unknown([reason]), path: null, entity: e }];
      }
    };
  }
});

// src/gsl/functions/certificate.ts
import { X509Certificate } from "node:crypto";
function pemExpiry(pem) {
  const begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
  if (begin < 0) return { problem: "no PEM certificate (-----BEGIN CERTIFICATE-----) in the text" };
  try {
    const cert = new X509Certificate(pem.slice(begin));
    const at = new Date(cert.validTo);
    if (Number.isNaN(at.getTime())) return { problem: `the certificate's notAfter (${cert.validTo}) is not a date` };
    return { at: at.toISOString() };
  } catch (e) {
    return { problem: `the PEM certificate cannot be read (${e.message})` };
  }
}
function expiry(v) {
  if (typeof v !== "string") return v;
  const r = pemExpiry(v);
  return "at" in r ? r.at : new Unknown([{ kind: "expression", detail: r.problem }]);
}
var certificateExpiry;
var init_certificate = __esm({
  "src/gsl/functions/certificate.ts"() {
    "use strict";
    init_value();
    certificateExpiry = {
      name: "certificateExpiry",
      signature: "certificate_body certificateExpiry() before(0, 'days')",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "attribute",
      kind: "value",
      apply: (inputs) => inputs.map((i) => ({ ...i, value: i.value === void 0 ? void 0 : expiry(i.value) }))
    };
  }
});

// src/gsl/functions/selectors.ts
function or(a, b) {
  return a === T || b === T ? T : a === U || b === U ? U : F;
}
function and2(a, b) {
  return a === F || b === F ? F : a === U || b === U ? U : T;
}
function blocks(v, reasons) {
  if (v instanceof Unknown) {
    reasons.push(...v.reasons);
    return void 0;
  }
  return Array.isArray(v) ? v : [];
}
function text(v, reasons) {
  if (v instanceof Unknown) {
    reasons.push(...v.reasons);
    return void 0;
  }
  return typeof v === "string" ? v : typeof v === "boolean" ? String(v) : null;
}
function basicCovers(s, kind, reasons) {
  if (!isObject(s)) return F;
  const rw = text(s.read_write_type, reasons);
  if (rw === void 0) return U;
  if (rw === null || rw === "All") return T;
  return rw === "ReadOnly" === (kind === "read") ? T : F;
}
function fields(sel, reasons) {
  if (!isObject(sel)) return [];
  const fs = blocks(sel.field_selector, reasons);
  if (!fs) return void 0;
  const out = [];
  for (const f of fs) {
    if (!isObject(f)) continue;
    const name = text(f.field, reasons);
    if (name === void 0) return void 0;
    const eq = f.equals;
    if (eq instanceof Unknown) {
      reasons.push(...eq.reasons);
      return void 0;
    }
    const other = ["not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"].some(
      (k) => f[k] !== void 0 && f[k] !== null && !(Array.isArray(f[k]) && f[k].length === 0)
    );
    out.push({ name: name ?? "", equals: Array.isArray(eq) ? eq : void 0, other });
  }
  return out;
}
function advancedCovers(sel, category, type, kind, reasons) {
  const fs = fields(sel, reasons);
  if (!fs) return U;
  const cat = fs.find((f) => f.name === "eventCategory");
  if (!cat?.equals?.includes(category) || cat.other) return F;
  if (type !== void 0) {
    const t = fs.find((f) => f.name === "resources.type");
    if (!t?.equals?.includes(type) || t.other) return F;
  }
  if (fs.some((f) => ["eventSource", "eventName", "resources.ARN", "userIdentity.arn", "errorCode", "vpcEndpointId"].includes(f.name)))
    return F;
  const ro = fs.find((f) => f.name === "readOnly");
  if (!ro) return T;
  if (ro.other) return F;
  return ro.equals?.some((x) => x === (kind === "read" ? "true" : "false") || x === (kind === "read")) ? T : F;
}
function management(trail, kind, reasons) {
  const basic = blocks(trail.event_selector, reasons);
  const advanced = blocks(trail.advanced_event_selector, reasons);
  if (!basic || !advanced) return U;
  if (basic.length === 0 && advanced.length === 0) return T;
  let r = F;
  for (const s of basic) {
    if (!isObject(s)) continue;
    const inc = s.include_management_events;
    const included = inc instanceof Unknown ? (reasons.push(...inc.reasons), U) : inc === false || inc === "false" ? F : T;
    r = or(r, and2(included, basicCovers(s, kind, reasons)));
  }
  for (const s of advanced) r = or(r, advancedCovers(s, "Management", void 0, kind, reasons));
  return r;
}
function s3Objects(trail, kind, reasons) {
  const basic = blocks(trail.event_selector, reasons);
  const advanced = blocks(trail.advanced_event_selector, reasons);
  if (!basic || !advanced) return U;
  let r = F;
  for (const s of basic) {
    if (!isObject(s)) continue;
    const data = blocks(s.data_resource, reasons);
    if (!data) {
      r = or(r, U);
      continue;
    }
    let every = F;
    for (const d of data) {
      if (!isObject(d) || d.type !== "AWS::S3::Object") continue;
      const values2 = blocks(d.values, reasons);
      if (!values2) {
        every = or(every, U);
        continue;
      }
      for (const v of values2) {
        if (v instanceof Unknown) continue;
        if (typeof v === "string" && ALL_BUCKETS.includes(v)) every = T;
      }
    }
    r = or(r, and2(every, basicCovers(s, kind, reasons)));
  }
  for (const s of advanced) r = or(r, advancedCovers(s, "Data", "AWS::S3::Object", kind, reasons));
  return r;
}
function trailTest(name, signature, kinds, judge) {
  return {
    name,
    signature,
    minArgs: 1,
    maxArgs: 1,
    argKinds: ["string"],
    receiver: "attribute",
    kind: "test",
    prepare: (args) => {
      const k = String(args[0].value);
      return kinds.includes(k) ? { state: k } : { error: `${name}() takes ${kinds.map((x) => `'${x}'`).join(", ")}, not '${k}'`, arg: 0 };
    },
    test(input, state) {
      const v = input.value;
      if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
      if (v instanceof Members || v instanceof Count || !isObject(v)) return F;
      const reasons = [];
      const truth = judge(v, state, reasons);
      return truth === U ? { truth, reasons } : truth;
    }
  };
}
var ALL_BUCKETS, recordsManagementEvents, recordsS3ObjectEvents;
var init_selectors = __esm({
  "src/gsl/functions/selectors.ts"() {
    "use strict";
    init_value();
    init_truth();
    init_types();
    ALL_BUCKETS = ["arn:aws:s3", "arn:aws:s3:::"];
    recordsManagementEvents = trailTest(
      "recordsManagementEvents",
      "$ recordsManagementEvents('all')",
      ["all", "read", "write"],
      (t, k, r) => k === "all" ? and2(management(t, "read", r), management(t, "write", r)) : management(t, k, r)
    );
    recordsS3ObjectEvents = trailTest(
      "recordsS3ObjectEvents",
      "$ recordsS3ObjectEvents('write')",
      ["read", "write"],
      (t, k, r) => s3Objects(t, k, r)
    );
  }
});

// src/gsl/functions/registry.ts
var FunctionRegistry;
var init_registry = __esm({
  "src/gsl/functions/registry.ts"() {
    "use strict";
    FunctionRegistry = class _FunctionRegistry {
      byName = /* @__PURE__ */ new Map();
      constructor(specs = []) {
        for (const s of specs) this.register(s);
      }
      /** Add a function; a second function with the same name (in any case) is an error. */
      register(spec) {
        const key = spec.name.toLowerCase();
        if (this.byName.has(key)) throw new Error(`GSL function ${spec.name}() is already registered`);
        this.byName.set(key, spec);
        return this;
      }
      get(name) {
        return this.byName.get(name.toLowerCase());
      }
      names() {
        return [...this.byName.values()].map((s) => s.name);
      }
      /** A copy that can be extended without touching this one. */
      clone() {
        return new _FunctionRegistry(this.byName.values());
      }
    };
  }
});

// src/gsl/functions/related.ts
function splitPath(s) {
  return s.split(".").map((p) => /^\d+$/.test(p) ? Number(p) : p);
}
function valuesAt(e, path2) {
  return resolvePath({ value: e.values, path: "", owner: e, parent: null }, 0, path2, noEntity);
}
function arnServiceFits(service, type) {
  const t = type.toLowerCase().replace(/^data\./, "");
  const prefixes = ARN_SERVICE_TYPES[service] ?? [`aws_${service}_`];
  return t === `aws_${service}` || prefixes.some((p) => t.startsWith(p));
}
function idPrefixFits(id, type) {
  const types = ID_PREFIX_TYPES[id.slice(0, id.lastIndexOf("-"))];
  return !types || types.includes(type.toLowerCase().replace(/^data\./, ""));
}
function isComputed(e, a) {
  return e.computed?.has(a) === true && !Object.prototype.hasOwnProperty.call(e.values, a);
}
function identifies(literal2, e, attr, reasons) {
  if (attr) return compareAt(literal2, e, [attr], reasons);
  if (typeof literal2 === "string" && literal2.startsWith("arn:") && !Object.prototype.hasOwnProperty.call(e.values, "arn")) {
    const service = literal2.split(":")[2] ?? "";
    const name = arnResourceName(literal2);
    if (!arnServiceFits(service, e.type) || name === void 0) return F;
    const named2 = ["bucket", "name"].filter((a) => Object.prototype.hasOwnProperty.call(e.values, a) || isComputed(e, a));
    if (named2.length === 0 && e.computed) {
      reasons.push({ kind: "reference", ref: `${e.id}.name` });
      return U;
    }
    return compareAt(
      name,
      e,
      named2.map((a) => [a]),
      reasons
    );
  }
  if (typeof literal2 === "string" && AWS_ID.test(literal2))
    return idPrefixFits(literal2, e.type) ? compareAt(literal2, e, [["id"]], reasons) : F;
  return compareAt(
    literal2,
    e,
    IDENTITY_ATTRIBUTES.filter((a) => !isComputed(e, a)).map((a) => [a]),
    reasons
  );
}
function compareAt(literal2, e, attrs, reasons) {
  let r = F;
  for (const a of attrs) {
    for (const inp of valuesAt(e, a)) {
      const t = equals(inp.value, literal2);
      if (t === T) return T;
      if (t === U) {
        r = U;
        if (inp.value instanceof Unknown) reasons.push(...inp.value.reasons);
      }
    }
  }
  return r;
}
function typeMatches(e, type) {
  return e.type.toLowerCase() === type.toLowerCase();
}
function addMember(out, e, t, reasons) {
  if (t === F) return;
  const prev = out.get(e.id);
  if (prev && (prev.member === T || t === U)) return;
  out.set(e.id, { value: e.values, path: "", entity: e, member: t, ...t === U ? { reasons } : {} });
}
function prepareTypeAttr(args) {
  return {
    state: {
      type: String(args[0].value),
      attr: args[1] ? splitPath(String(args[1].value)) : void 0,
      ownAttr: args[2] ? splitPath(String(args[2].value)) : void 0
    }
  };
}
function refsAt(inp) {
  const refs = [];
  if (inp.path !== null) for (const r of inp.entity.references?.[inp.path] ?? []) refs.push(r);
  return refs;
}
function scalarsOf(v) {
  return Array.isArray(v) ? v : [v];
}
function equalityKeys(v) {
  if (typeof v === "number") return [`n:${v}`];
  const n = typeof v === "string" ? asNumber(v) : void 0;
  return n === void 0 ? [`s:${v}`] : [`s:${v}`, `n:${n}`];
}
function literalCandidates(world, st, candidates, literal2) {
  let perWorld = indexes.get(world);
  if (!perWorld) indexes.set(world, perWorld = /* @__PURE__ */ new Map());
  const cacheKey = `${st.type.toLowerCase()}|${st.attr ? st.attr.join(".") : "*"}`;
  let index2 = perWorld.get(cacheKey);
  if (!index2) {
    index2 = { byKey: /* @__PURE__ */ new Map(), always: [] };
    const attrs = st.attr ? [st.attr] : IDENTITY_ATTRIBUTES.map((a) => [a]);
    candidates.forEach((e, i) => {
      let always = false;
      const keys2 = /* @__PURE__ */ new Set();
      for (const a of attrs) {
        if (!st.attr && isComputed(e, String(a[0]))) {
          if (a[0] === "id") (index2.computedId ??= []).push(i);
          continue;
        }
        for (const inp of valuesAt(e, a)) {
          const v = inp.value;
          if (v === void 0 || v === null) continue;
          if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") for (const k of equalityKeys(v)) keys2.add(k);
          else always = true;
        }
      }
      if (always) index2.always.push(i);
      for (const k of keys2) {
        let list3 = index2.byKey.get(k);
        if (!list3) index2.byKey.set(k, list3 = []);
        list3.push(i);
      }
    });
    perWorld.set(cacheKey, index2);
  }
  const positions = new Set(index2.always);
  for (const k of equalityKeys(literal2)) for (const i of index2.byKey.get(k) ?? []) positions.add(i);
  if (!st.attr && typeof literal2 === "string") {
    const name = literal2.startsWith("arn:") ? arnResourceName(literal2) : void 0;
    if (name !== void 0) for (const k of equalityKeys(name)) for (const i of index2.byKey.get(k) ?? []) positions.add(i);
    if (AWS_ID.test(literal2)) for (const i of index2.computedId ?? []) positions.add(i);
  }
  return [...positions].sort((a, b) => a - b).map((i) => candidates[i]);
}
function follow(inp, st, world) {
  const found = /* @__PURE__ */ new Map();
  const unresolved = [];
  const candidates = world.entitiesOfType(st.type);
  const targets = [];
  for (const r of refsAt(inp)) targets.push(...resolveReference(world, r));
  for (const x of scalarsOf(inp.value)) {
    if (x instanceof Unknown) {
      const hits = x.refs.flatMap((r) => resolveReference(world, r));
      if (hits.length === 0) unresolved.push(...x.reasons);
      targets.push(...hits);
    } else if (typeof x === "string" || typeof x === "number") {
      for (const e of literalCandidates(world, st, candidates, x)) {
        const reasons = [];
        addMember(found, e, identifies(x, e, st.attr, reasons), reasons);
      }
    }
  }
  for (const e of targets) if (typeMatches(e, st.type)) addMember(found, e, T, []);
  if (unresolved.length && found.size === 0) return { value: new Unknown(unresolved), path: inp.path, entity: inp.entity };
  const members = [...found.values()];
  if (unresolved.length)
    members.push({ value: new Unknown(unresolved), path: inp.path, entity: inp.entity, member: U, reasons: unresolved });
  return { value: new Members(members), path: inp.path, entity: inp.entity };
}
function names(inp, owner, ownAttr, world, reasons) {
  for (const ref of refsAt(inp)) if (referencesEntity(ref, owner)) return T;
  let r = F;
  for (const x of scalarsOf(inp.value)) {
    if (x instanceof Unknown) {
      const xr = x.refs;
      if (xr.some((ref) => referencesEntity(ref, owner))) return T;
      if (!xr.some((ref) => resolveReference(world, ref).length > 0)) {
        reasons.push(...x.reasons);
        r = U;
      }
    } else if (typeof x === "string" || typeof x === "number") {
      const t = identifies(x, owner, ownAttr, reasons);
      if (t === T) return T;
      if (t === U) r = U;
    }
  }
  return r;
}
var IDENTITY_ATTRIBUTES, noEntity, ARN_SERVICE_TYPES, AWS_ID, ID_PREFIX_TYPES, indexes, references, entitiesOf, referencedBy;
var init_related = __esm({
  "src/gsl/functions/related.ts"() {
    "use strict";
    init_value();
    init_compare();
    init_path();
    init_truth();
    init_world();
    init_arn();
    init_types();
    IDENTITY_ATTRIBUTES = ["bucket", "name", "id", "arn"];
    noEntity = () => void 0;
    ARN_SERVICE_TYPES = {
      logs: ["aws_cloudwatch_log_"],
      monitoring: ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm", "aws_cloudwatch_dashboard"],
      events: ["aws_cloudwatch_event_"],
      elasticloadbalancing: ["aws_lb", "aws_alb", "aws_elb"]
    };
    AWS_ID = /^[a-z]+(?:-[a-z]+)*-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
    ID_PREFIX_TYPES = {
      vpc: ["aws_vpc", "aws_default_vpc"],
      sg: ["aws_security_group", "aws_default_security_group"],
      acl: ["aws_network_acl", "aws_default_network_acl"],
      subnet: ["aws_subnet", "aws_default_subnet"],
      rtb: ["aws_route_table", "aws_default_route_table"],
      igw: ["aws_internet_gateway"],
      nat: ["aws_nat_gateway"],
      pcx: ["aws_vpc_peering_connection"],
      eni: ["aws_network_interface"],
      i: ["aws_instance"],
      lt: ["aws_launch_template"],
      vol: ["aws_ebs_volume"],
      pl: ["aws_ec2_managed_prefix_list"]
    };
    indexes = /* @__PURE__ */ new WeakMap();
    references = {
      name: "references",
      signature: "s3_bucket_name references(aws_s3_bucket) with [ ... ]",
      minArgs: 1,
      maxArgs: 2,
      argKinds: ["string"],
      receiver: "attribute",
      kind: "value",
      prepare: prepareTypeAttr,
      apply: (inputs, state, env) => inputs.map((i) => follow(i, state, env.world))
    };
    entitiesOf = {
      name: "entitiesOf",
      signature: "entitiesOf(aws_s3_account_public_access_block) contain [ ignore_public_acls = true ]",
      minArgs: 1,
      maxArgs: 1,
      argKinds: ["string"],
      receiver: "context",
      kind: "value",
      prepare: prepareTypeAttr,
      apply(inputs, state, env) {
        const st = state;
        const owner = inputs[0].entity;
        const members = env.world.entitiesOfType(st.type).map((e) => ({ value: e.values, path: "", entity: e, member: T }));
        return [{ value: new Members(members), path: null, entity: owner }];
      }
    };
    referencedBy = {
      name: "referencedBy",
      signature: "referencedBy(aws_s3_bucket_logging, bucket) length() > 0",
      minArgs: 2,
      maxArgs: 3,
      argKinds: ["string"],
      receiver: "context",
      kind: "value",
      prepare: prepareTypeAttr,
      apply(inputs, state, env) {
        const st = state;
        const owner = inputs[0].entity;
        const found = /* @__PURE__ */ new Map();
        for (const e of env.world.entitiesOfType(st.type)) {
          if (e === owner) continue;
          for (const inp of valuesAt(e, st.attr)) {
            const reasons = [];
            addMember(found, e, names(inp, owner, st.ownAttr, env.world, reasons), reasons);
          }
        }
        return [{ value: new Members([...found.values()]), path: null, entity: owner }];
      }
    };
  }
});

// src/gsl/functions/policy.ts
function list(v) {
  if (v === void 0 || v === null) return void 0;
  if (v instanceof Unknown) return v;
  return Array.isArray(v) ? v : [v];
}
function principal(v) {
  if (v === void 0 || v === null) return void 0;
  if (v instanceof Unknown) return v;
  const out = newObject();
  if (v === "*") {
    out.AWS = ["*"];
    return out;
  }
  if (!isObject(v)) return v;
  for (const [k, x] of Object.entries(v)) out[k] = list(x) ?? [];
  return out;
}
function condition(v) {
  if (v === void 0 || v === null || v instanceof Unknown || !isObject(v)) return v ?? void 0;
  const out = newObject();
  for (const [op, keys2] of Object.entries(v)) {
    if (!isObject(keys2)) {
      out[op] = keys2;
      continue;
    }
    const o = newObject();
    for (const [k, x] of Object.entries(keys2)) o[k] = list(x) ?? [];
    out[op] = o;
  }
  return out;
}
function normalStatement(s) {
  if (!isObject(s)) return s;
  const out = newObject();
  if (s.Sid !== void 0) out.Sid = s.Sid;
  out.Effect = s.Effect ?? null;
  for (const f of FIELDS) {
    const l = list(s[f]);
    if (l !== void 0) out[f] = l;
  }
  const p = principal(s.Principal);
  if (p !== void 0) out.Principal = p;
  const np = principal(s.NotPrincipal);
  if (np !== void 0) out.NotPrincipal = np;
  const c = condition(s.Condition);
  if (c !== void 0) out.Condition = c;
  return out;
}
function dataStatement(s) {
  if (!isObject(s)) return s;
  const out = newObject();
  if (s.sid !== void 0) out.Sid = s.sid;
  out.Effect = s.effect ?? "Allow";
  const pairs = [
    ["actions", "Action"],
    ["not_actions", "NotAction"],
    ["resources", "Resource"],
    ["not_resources", "NotResource"]
  ];
  for (const [from, to] of pairs) {
    const l = list(s[from]);
    if (l !== void 0) out[to] = l;
  }
  for (const [from, to] of [
    ["principals", "Principal"],
    ["not_principals", "NotPrincipal"]
  ]) {
    const blocks2 = s[from];
    if (blocks2 === void 0 || blocks2 === null) continue;
    if (blocks2 instanceof Unknown || !Array.isArray(blocks2)) {
      out[to] = blocks2 instanceof Unknown ? blocks2 : null;
      continue;
    }
    const p = newObject();
    for (const b of blocks2) {
      if (!isObject(b)) continue;
      const type = b.type;
      const ids = list(b.identifiers) ?? [];
      const key = type === "*" ? "AWS" : typeof type === "string" ? type : "?";
      const prev = p[key];
      p[key] = ids instanceof Unknown || prev instanceof Unknown ? ids instanceof Unknown ? ids : prev : [...prev ?? [], ...ids];
    }
    out[to] = p;
  }
  const conds = s.condition;
  if (Array.isArray(conds)) {
    const c = newObject();
    for (const b of conds) {
      if (!isObject(b) || typeof b.test !== "string" || typeof b.variable !== "string") continue;
      const op = isObject(c[b.test]) ? c[b.test] : c[b.test] = newObject();
      op[b.variable] = list(b.values) ?? [];
    }
    out.Condition = c;
  } else if (conds instanceof Unknown) out.Condition = conds;
  return out;
}
function statementsOf(inp, world, depth = 0) {
  if (inp.value instanceof Members) return inp.value.items;
  let v = inp.value instanceof Count ? void 0 : inp.value;
  if (v instanceof Unknown && v.decoded === void 0) {
    const docs = v.refs.flatMap((r) => resolveReference(world, r)).filter((e) => e.type.toLowerCase() === "data.aws_iam_policy_document");
    if (docs.length === 1) return documentStatements(docs[0], world, depth);
    return v;
  }
  if (v instanceof Unknown) v = v.decoded;
  if (typeof v === "string") {
    if (v.length > MAX_POLICY) return new Unknown([{ kind: "expression", detail: `the policy is longer than ${MAX_POLICY} characters` }]);
    try {
      v = fromText(JSON.parse(v));
    } catch {
      return new Unknown([{ kind: "expression", detail: "the policy is not valid JSON" }]);
    }
  }
  if (!isObject(v))
    return v === void 0 || v === null ? [] : new Unknown([{ kind: "expression", detail: "the policy is not a JSON object" }]);
  const st = v.Statement;
  if (st instanceof Unknown) return st;
  const items = st === void 0 || st === null ? [] : Array.isArray(st) ? st : [st];
  return items.map((s) => ({ value: normalStatement(s), path: inp.path, entity: inp.entity, member: T }));
}
function fromText(x) {
  if (Array.isArray(x)) return x.map(fromText);
  if (x !== null && typeof x === "object") {
    const o = newObject();
    for (const [k, y] of Object.entries(x)) o[k] = fromText(y);
    return o;
  }
  return x;
}
function mergedStatements(v, holder, path2, world, depth) {
  return statementsOf({ value: v, path: path2, entity: holder }, world, depth + 1);
}
function sidOf(m) {
  const v = m.value;
  return isObject(v) && typeof v.Sid === "string" && v.Sid !== "" ? v.Sid : void 0;
}
function overlay(base, over) {
  const out = [...base];
  for (const m of over) {
    const sid = sidOf(m);
    const at = sid === void 0 ? -1 : out.findIndex((x) => sidOf(x) === sid);
    if (at >= 0) out[at] = m;
    else out.push(m);
  }
  return out;
}
function documentStatements(doc, world, depth) {
  if (depth > 8) return new Unknown([{ kind: "expression", detail: `${doc.id} merges documents more than 8 deep` }]);
  const v = doc.values;
  for (const k of ["source_json", "override_json"])
    if (v[k] !== void 0 && v[k] !== null)
      return new Unknown([
        {
          kind: "expression",
          detail: `${doc.id} uses ${k}, which tfguard does not follow; use ${k.replace("_json", "_policy_documents")}`
        }
      ]);
  const lists = {};
  for (const k of ["source_policy_documents", "override_policy_documents"]) {
    const docs = v[k];
    if (docs === void 0 || docs === null) {
      lists[k] = [];
      continue;
    }
    if (docs instanceof Unknown || !Array.isArray(docs))
      return docs instanceof Unknown ? docs : new Unknown([{ kind: "expression", detail: `${doc.id}.${k} is not a list` }]);
    let acc = [];
    for (let i = 0; i < docs.length; i++) {
      const got = mergedStatements(docs[i], doc, `${k}.${i}`, world, depth);
      if (got instanceof Unknown) return got;
      acc = k === "source_policy_documents" ? [...acc, ...got] : overlay(acc, got);
    }
    lists[k] = acc;
  }
  const st = v.statement;
  if (st instanceof Unknown) return st;
  const items = Array.isArray(st) ? st : [];
  const own2 = items.map((s, i) => ({ value: dataStatement(s), path: `statement.${i}`, entity: doc, member: T }));
  return overlay(overlay(lists.source_policy_documents, own2), lists.override_policy_documents);
}
function isUnknown(v, reasons) {
  if (!(v instanceof Unknown)) return false;
  reasons.push(...v.reasons);
  return true;
}
function field2(s, k) {
  return Object.prototype.hasOwnProperty.call(s, k) ? s[k] : void 0;
}
function publicPrincipal(s, reasons) {
  if (field2(s, "NotPrincipal") !== void 0) return T;
  const p = field2(s, "Principal");
  if (isUnknown(p, reasons)) return U;
  if (!isObject(p)) return F;
  let r = F;
  for (const [type, ids] of Object.entries(p)) {
    if (isUnknown(ids, reasons)) {
      r = U;
      continue;
    }
    if (type !== "AWS" && type !== "CanonicalUser") continue;
    for (const id of ids) {
      if (id === "*") return T;
      if (id instanceof Unknown) {
        reasons.push(...id.reasons);
        r = U;
      }
    }
  }
  return r;
}
function narrowed(s, reasons) {
  const c = field2(s, "Condition");
  if (isUnknown(c, reasons)) return U;
  if (!isObject(c)) return F;
  let r = F;
  for (const [op, keys2] of Object.entries(c)) {
    if (!POSITIVE.test(op) || !isObject(keys2)) continue;
    for (const [k, values2] of Object.entries(keys2)) {
      if (!NARROWING.has(k.toLowerCase())) continue;
      if (isUnknown(values2, reasons)) {
        r = U;
        continue;
      }
      const vs = values2;
      const open = vs.some((x) => x === "*" || x === "0.0.0.0/0" || x === "::/0");
      if (vs.length && !open) return T;
    }
  }
  return r;
}
function effectIs(s, effect, reasons) {
  const e = field2(s, "Effect");
  if (isUnknown(e, reasons)) return U;
  return e === effect ? T : F;
}
function anyMatches(values2, wanted, reasons) {
  if (isUnknown(values2, reasons)) return U;
  if (!Array.isArray(values2)) return F;
  let r = F;
  for (const v of values2) {
    if (isUnknown(v, reasons)) {
      r = U;
      continue;
    }
    if (typeof v !== "string") continue;
    const re = new RegExp(
      `^${v.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`,
      "i"
    );
    if (wanted.some((w) => re.test(w))) return T;
  }
  return r;
}
function and3(...ts) {
  if (ts.includes(F)) return F;
  return ts.includes(U) ? U : T;
}
function statementTest(name, signature, judge) {
  return {
    name,
    signature,
    minArgs: 0,
    maxArgs: 0,
    argKinds: [],
    receiver: "attribute",
    kind: "test",
    test(input) {
      const v = input.value;
      if (v instanceof Unknown) return { truth: U, reasons: v.reasons };
      if (v instanceof Members || v instanceof Count || !isObject(v)) return F;
      const reasons = [];
      const truth = judge(v, reasons);
      return truth === U ? { truth, reasons } : truth;
    }
  };
}
function holds(values2, wanted, reasons) {
  if (isUnknown(values2, reasons)) return U;
  if (!Array.isArray(values2)) return F;
  let r = F;
  for (const v of values2) {
    if (typeof v === "string" && wanted.includes(v)) return T;
    if (v instanceof Unknown) {
      reasons.push(...v.reasons);
      r = U;
    }
  }
  return r;
}
function accountsOf(ids, out) {
  if (ids instanceof Unknown) {
    out.push(ids);
    return;
  }
  for (const id of Array.isArray(ids) ? ids : []) {
    if (id instanceof Unknown) out.push(id);
    else if (typeof id === "string") {
      const m = /^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\d{12})(?::|$)/.exec(id);
      if (m && !out.includes(m[1])) out.push(m[1]);
    }
  }
}
var FIELDS, MAX_POLICY, policyStatements, NARROWING, POSITIVE, allowsPublicAccess, deniesInsecureTransport, allowsEverything, allowsServiceWildcard, principalAccounts;
var init_policy = __esm({
  "src/gsl/functions/policy.ts"() {
    "use strict";
    init_value();
    init_truth();
    init_world();
    init_types();
    FIELDS = ["Action", "NotAction", "Resource", "NotResource"];
    MAX_POLICY = 1e6;
    policyStatements = {
      name: "policyStatements",
      signature: "policy policyStatements() contain [ $ allowsPublicAccess() ]",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "attribute",
      kind: "value",
      apply: (inputs, _state, env) => inputs.map((i) => {
        const st = statementsOf(i, env.world);
        return { value: st instanceof Unknown ? st : new Members(st), path: i.path, entity: i.entity };
      })
    };
    NARROWING = new Set(
      [
        "aws:SourceArn",
        "aws:SourceAccount",
        "aws:SourceOwner",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:SourceIp",
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:PrincipalAccount",
        "aws:PrincipalArn",
        "aws:userid",
        "s3:DataAccessPointArn",
        "s3:DataAccessPointAccount"
      ].map((k) => k.toLowerCase())
    );
    POSITIVE = /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/;
    allowsPublicAccess = statementTest("allowsPublicAccess", "$ allowsPublicAccess()", (s, reasons) => {
      const n = narrowed(s, reasons);
      return and3(effectIs(s, "Allow", reasons), publicPrincipal(s, reasons), n === T ? F : n === U ? U : T);
    });
    deniesInsecureTransport = statementTest("deniesInsecureTransport", "$ deniesInsecureTransport()", (s, reasons) => {
      const c = field2(s, "Condition");
      let http = F;
      if (c instanceof Unknown) {
        reasons.push(...c.reasons);
        http = U;
      } else if (isObject(c)) {
        for (const [op, keys2] of Object.entries(c)) {
          if (!/^Bool(IfExists)?$/.test(op) || !isObject(keys2)) continue;
          for (const [k, values2] of Object.entries(keys2)) {
            if (k.toLowerCase() !== "aws:securetransport") continue;
            if (values2 instanceof Unknown) {
              reasons.push(...values2.reasons);
              http = U;
            } else if (values2.some((x) => x === false || x === "false")) http = T;
          }
        }
      }
      const everyone = publicPrincipal(s, reasons);
      return and3(effectIs(s, "Deny", reasons), everyone, anyMatches(field2(s, "Action"), ["s3:*"], reasons), http);
    });
    allowsEverything = statementTest(
      "allowsEverything",
      "$ allowsEverything()",
      (s, reasons) => and3(effectIs(s, "Allow", reasons), holds(field2(s, "Action"), ["*", "*:*"], reasons), holds(field2(s, "Resource"), ["*"], reasons))
    );
    allowsServiceWildcard = statementTest("allowsServiceWildcard", "$ allowsServiceWildcard()", (s, reasons) => {
      const actions = field2(s, "Action");
      let wild = F;
      if (actions instanceof Unknown) {
        reasons.push(...actions.reasons);
        wild = U;
      } else if (Array.isArray(actions))
        for (const a of actions) {
          if (a instanceof Unknown) {
            reasons.push(...a.reasons);
            if (wild === F) wild = U;
          } else if (typeof a === "string" && /^(\*|[a-z0-9-]+:\*)$/i.test(a)) wild = T;
        }
      return and3(effectIs(s, "Allow", reasons), wild);
    });
    principalAccounts = {
      name: "principalAccounts",
      signature: "$ principalAccounts() contain [ $ != '123456789012' ]",
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: "attribute",
      kind: "value",
      apply: (inputs) => inputs.map((i) => {
        const v = i.value;
        if (v instanceof Unknown) return i;
        const out = [];
        if (!(v instanceof Members) && !(v instanceof Count) && isObject(v)) {
          const p = field2(v, "Principal");
          if (p instanceof Unknown) return { ...i, value: p };
          if (isObject(p)) accountsOf(p.AWS, out);
        }
        return { ...i, value: out };
      })
    };
  }
});

// src/gsl/functions/defaults.ts
function defaultFunctions() {
  return new FunctionRegistry(BUILTINS);
}
var BUILTINS, DEFAULT_FUNCTIONS;
var init_defaults = __esm({
  "src/gsl/functions/defaults.ts"() {
    "use strict";
    init_arn();
    init_core();
    init_dates();
    init_filterPattern();
    init_network();
    init_network_rules();
    init_imds();
    init_certificate();
    init_selectors();
    init_registry();
    init_related();
    init_policy();
    BUILTINS = [
      isEmpty,
      length,
      before,
      after,
      references,
      referencedBy,
      entitiesOf,
      isFilterPatternEqual,
      allowedHostsForPort,
      isFilterPatternConformant,
      arnName,
      policyStatements,
      allowsPublicAccess,
      deniesInsecureTransport,
      allowsEverything,
      allowsServiceWildcard,
      principalAccounts,
      isPublic,
      networkRules,
      admitsPort,
      isAnyAddress,
      imdsHttpTokens,
      certificateExpiry,
      recordsManagementEvents,
      recordsS3ObjectEvents
    ];
    DEFAULT_FUNCTIONS = defaultFunctions();
  }
});

// src/common/did-you-mean.ts
function editDistance(a, b) {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  const d = [];
  for (let i = 0; i <= m; i++) d.push([i, ...new Array(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[m][n];
}
function nearest(word, names2) {
  let best;
  let bestD = Infinity;
  for (const n of names2) {
    const dist = editDistance(word, n);
    if (dist < bestD) {
      best = n;
      bestD = dist;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestD <= limit && bestD < word.length ? best : void 0;
}
var init_did_you_mean = __esm({
  "src/common/did-you-mean.ts"() {
    "use strict";
  }
});

// src/gsl/lexer.ts
function isIdentStart(c) {
  return c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c === "_";
}
function isIdentPart(c) {
  return isIdentStart(c) || c >= "0" && c <= "9";
}
function isDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function tokenize(logic) {
  const src = logic.text;
  const out = [];
  let i = 0;
  const fail3 = (start, end, message, hint) => {
    throw new GslSyntaxError(logic.error(start, end, message, hint));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "	" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    const prev = out[out.length - 1];
    if (isIdentStart(c)) {
      while (i < src.length && isIdentPart(src[i])) i++;
      let text2 = src.slice(start, i);
      if (text2.toLowerCase() === "contain" && src[i] === "-" && isIdentStart(src[i + 1] ?? "")) {
        let j = i + 1;
        while (j < src.length && isIdentPart(src[j])) j++;
        text2 = src.slice(start, j);
        i = j;
      }
      if (src[i] === ":" && isIdentStart(src[i + 1] ?? "")) {
        while (src[i] === ":" && isIdentStart(src[i + 1] ?? "")) {
          i++;
          while (i < src.length && (isIdentPart(src[i]) || src[i] === "-" && isIdentPart(src[i + 1] ?? ""))) i++;
        }
        text2 = src.slice(start, i);
      }
      out.push({ kind: "ident", text: text2, start, end: i });
      continue;
    }
    if (c === "@") {
      if (!isIdentStart(src[i + 1] ?? ""))
        fail3(i, i + 1, "unexpected `@`", "write `@change`: `@` starts the name of a key tfguard reserves");
      i++;
      while (i < src.length && isIdentPart(src[i])) i++;
      out.push({ kind: "ident", text: src.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      const indexOnly = prev?.kind === "punct" && prev.text === ".";
      while (isDigit(src[i])) i++;
      if (!indexOnly) {
        if (src[i] === "." && isDigit(src[i + 1])) {
          i++;
          while (isDigit(src[i])) i++;
        }
        if ((src[i] === "e" || src[i] === "E") && (isDigit(src[i + 1]) || (src[i + 1] === "+" || src[i + 1] === "-") && isDigit(src[i + 2]))) {
          i += 2;
          while (isDigit(src[i])) i++;
        }
      }
      if (i < src.length && isIdentStart(src[i])) {
        while (i < src.length && isIdentPart(src[i])) i++;
        fail3(start, i, `\`${src.slice(start, i)}\` is neither a number nor a name`, "names start with a letter or `_`");
      }
      const text2 = src.slice(start, i);
      out.push({ kind: "number", text: text2, num: Number(text2), start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      out.push(readString(src, i, logic, fail3));
      i = out[out.length - 1].end;
      continue;
    }
    if (c === "/" && prev?.kind === "ident" && prev.text.toLowerCase() === "regexmatch") {
      out.push(readRegex(src, i, fail3));
      i = out[out.length - 1].end;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      if (two === "==") fail3(i, i + 2, "unexpected `==`", "GSL compares with a single `=`");
      out.push({ kind: "punct", text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (PUNCT1.includes(c)) {
      out.push({ kind: "punct", text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === "/") fail3(i, i + 1, "unexpected `/`", "a regular expression /.../ can only follow `regexMatch`");
    if (c === "&" || c === "|")
      fail3(
        i,
        i + (src[i + 1] === c ? 2 : 1),
        `unexpected \`${src.slice(i, src[i + 1] === c ? i + 2 : i + 1)}\``,
        `GSL spells it \`${c === "&" ? "and" : "or"}\``
      );
    if (c === "!") fail3(i, i + 1, "unexpected `!`", "GSL spells negation `not`; inequality is `!=`");
    const cp = String.fromCodePoint(src.codePointAt(i));
    fail3(i, i + cp.length, `unexpected character \`${cp}\``);
  }
  out.push({ kind: "eof", text: "", start: src.length, end: src.length });
  return out;
}
function readString(src, start, _logic, fail3) {
  const quote2 = src[start];
  let i = start + 1;
  let text2 = "";
  while (true) {
    if (i >= src.length || src[i] === "\n") {
      fail3(start, i, "unterminated string", `close it with ${quote2}`);
    }
    const c = src[i];
    if (c === quote2) break;
    if (c === "\\") {
      const e = src[i + 1];
      if (e === void 0) fail3(start, i + 1, "unterminated string", `close it with ${quote2}`);
      if (e === "u") {
        const hex = /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2, i + 6))?.[0];
        if (!hex) fail3(i, i + 2, "invalid escape `\\u`", "write \\u followed by four hex digits, e.g. \\u00e9");
        text2 += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      const rep = ESCAPES[e];
      if (rep === void 0) fail3(i, i + 2, `invalid escape \`\\${e}\``, `valid escapes are \\\\ \\' \\" \\n \\t \\r \\0 \\/ and \\uXXXX`);
      text2 += rep;
      i += 2;
      continue;
    }
    text2 += c;
    i++;
  }
  return { kind: "string", text: text2, start, end: i + 1 };
}
function readRegex(src, start, fail3) {
  let i = start + 1;
  let inClass = false;
  while (true) {
    const c = src[i];
    if (c === void 0 || c === "\n")
      fail3(start, i, "unterminated regular expression", "close it with `/`; write `\\/` for a slash inside it");
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) break;
    i++;
  }
  const pattern = src.slice(start + 1, i);
  i++;
  const fstart = i;
  while (i < src.length && isIdentPart(src[i])) i++;
  return { kind: "regex", text: pattern, flags: src.slice(fstart, i), start, end: i };
}
var PUNCT2, PUNCT1, ESCAPES;
var init_lexer = __esm({
  "src/gsl/lexer.ts"() {
    "use strict";
    init_errors();
    PUNCT2 = ["!=", "<=", ">=", "=="];
    PUNCT1 = "()[],.=<>$^-";
    ESCAPES = { n: "\n", t: "	", r: "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"', "/": "/" };
  }
});

// src/common/re2/error.ts
function fail(message) {
  throw new RegexError(message);
}
var RegexError;
var init_error = __esm({
  "src/common/re2/error.ts"() {
    "use strict";
    RegexError = class extends Error {
      name = "RegexError";
    };
  }
});

// src/common/re2/charclass.ts
function normalize(ranges) {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
function complement(ranges) {
  const out = [];
  let next = 0;
  for (const [a, b] of normalize(ranges)) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}
function foldCase(ranges) {
  const extra = [];
  for (const [a, b] of ranges) {
    if (b - a > 5e3) {
      if (a <= 122 && b >= 65) {
        for (let c = Math.max(a, 65); c <= Math.min(b, 122); c++) addVariants(c, extra);
      }
      continue;
    }
    for (let c = a; c <= b; c++) addVariants(c, extra);
  }
  return normalize([...ranges, ...extra]);
}
function addVariants(c, out) {
  const s = String.fromCodePoint(c);
  for (const v of [s.toLowerCase(), s.toUpperCase()]) {
    const cp = v.codePointAt(0);
    if (v.length === String.fromCodePoint(cp).length && cp !== c) out.push([cp, cp]);
  }
}
function posixClass(name) {
  const r = Object.prototype.hasOwnProperty.call(POSIX, name) ? POSIX[name] : void 0;
  if (!r) fail(`invalid regexp pattern: invalid character class range [:${name}:]`);
  return r;
}
function unicodeClass(name) {
  const cached = propertyCache.get(name);
  if (cached) return cached;
  if (!/^[A-Za-z_]{1,40}$/.test(name)) fail(`invalid regexp pattern: invalid character class range \\p{${name}}`);
  let test;
  try {
    test = name === "Any" ? /[^]/u : new RegExp(`^\\p{${name.length <= 2 ? name : `Script=${name}`}}$`, "u");
  } catch {
    fail(`invalid regexp pattern: invalid character class range \\p{${name}}`);
  }
  const out = [];
  let start = -1;
  for (let c = 0; c <= MAX_CP + 1; c++) {
    const inside = c <= MAX_CP && (c < 55296 || c > 57343) && test.test(String.fromCodePoint(c));
    if (inside && start < 0) start = c;
    if (!inside && start >= 0) {
      out.push([start, c - 1]);
      start = -1;
    }
  }
  propertyCache.set(name, out);
  return out;
}
function hex4(n) {
  return `\\u${n.toString(16).padStart(4, "0")}`;
}
function literalSource(cp) {
  if (cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122) return String.fromCharCode(cp);
  if (cp < 65536) return hex4(cp);
  const s = String.fromCodePoint(cp);
  return hex4(s.charCodeAt(0)) + hex4(s.charCodeAt(1));
}
function surrogates(cp) {
  const s = String.fromCodePoint(cp);
  return [s.charCodeAt(0), s.charCodeAt(1)];
}
function astralAlternatives(a, b) {
  const [ha, la] = surrogates(a);
  const [hb, lb] = surrogates(b);
  if (ha === hb) return [`${hex4(ha)}[${hex4(la)}-${hex4(lb)}]`];
  const out = [`${hex4(ha)}[${hex4(la)}-\\udfff]`];
  if (hb - ha > 1) out.push(`[${hex4(ha + 1)}-${hex4(hb - 1)}][\\udc00-\\udfff]`);
  out.push(`${hex4(hb)}[\\udc00-${hex4(lb)}]`);
  return out;
}
function classSource(ranges) {
  const bmp = [];
  const astral = [];
  for (const [a, b] of normalize(ranges)) {
    for (const [x, y] of [
      [a, Math.min(b, 55295)],
      [Math.max(a, 57344), Math.min(b, 65535)]
    ]) {
      if (x <= y) bmp.push(x === y ? hex4(x) : `${hex4(x)}-${hex4(y)}`);
    }
    if (b >= 65536) astral.push(...astralAlternatives(Math.max(a, 65536), b));
  }
  const cls = `[${bmp.join("")}]`;
  if (astral.length === 0) return { src: cls, atomic: true };
  return { src: `(?:${[...astral, ...bmp.length ? [cls] : []].join("|")})`, atomic: true };
}
var MAX_CP, DIGIT, WORD, SPACE, POSIX, propertyCache;
var init_charclass = __esm({
  "src/common/re2/charclass.ts"() {
    "use strict";
    init_error();
    MAX_CP = 1114111;
    DIGIT = [[48, 57]];
    WORD = normalize([
      [48, 57],
      [65, 90],
      [95, 95],
      [97, 122]
    ]);
    SPACE = [
      [9, 10],
      [12, 13],
      [32, 32]
    ];
    POSIX = {
      alnum: [
        [48, 57],
        [65, 90],
        [97, 122]
      ],
      alpha: [
        [65, 90],
        [97, 122]
      ],
      ascii: [[0, 127]],
      blank: [
        [9, 9],
        [32, 32]
      ],
      cntrl: [
        [0, 31],
        [127, 127]
      ],
      digit: DIGIT,
      graph: [[33, 126]],
      lower: [[97, 122]],
      print: [[32, 126]],
      punct: [
        [33, 47],
        [58, 64],
        [91, 96],
        [123, 126]
      ],
      space: [
        [9, 13],
        [32, 32]
      ],
      upper: [[65, 90]],
      word: WORD,
      xdigit: [
        [48, 57],
        [65, 70],
        [97, 102]
      ]
    };
    propertyCache = /* @__PURE__ */ new Map();
  }
});

// src/common/re2/compile.ts
import v8 from "node:v8";
function bad(what) {
  fail(`invalid regexp pattern: ${what}`);
}
function hasCapture(n) {
  switch (n.t) {
    case "atom":
      return false;
    case "seq":
      return n.items.some(hasCapture);
    case "alt":
      return n.alts.some(hasCapture);
    case "group":
      return n.capture || hasCapture(n.body);
    case "rep":
      return hasCapture(n.body);
  }
}
function isAtomic(n) {
  return n.t === "atom" && n.atomic || n.t === "group";
}
function emit(n, expand4) {
  switch (n.t) {
    case "atom":
      return n.src;
    case "seq":
      return n.items.map((x) => emit(x, expand4)).join("");
    case "alt":
      return n.alts.map((x) => emit(x, expand4)).join("|");
    case "group":
      return `(${n.capture ? "" : "?:"}${emit(n.body, expand4)})`;
    case "rep": {
      let body = emit(n.body, expand4);
      if (!isAtomic(n.body)) body = `(?:${body})`;
      const lazy = n.lazy ? "?" : "";
      const counted = n.min > 1 || n.max !== Infinity && n.max > 1;
      if (!counted) return `${body}${n.min === 0 ? n.max === 1 ? "?" : "*" : "+"}${lazy}`;
      if (!expand4 || hasCapture(n.body)) return `${body}{${n.min}${n.max === n.min ? "" : `,${n.max === Infinity ? "" : n.max}`}}${lazy}`;
      const copies = n.max === Infinity ? n.min : n.max;
      if (body.length * copies > MAX_SOURCE) bad("the pattern is too large once its repetitions are expanded");
      if (n.max === Infinity) return body.repeat(n.min - 1) + `${body}+${lazy}`;
      let optional = "";
      for (let k = n.max - n.min; k > 0; k--) optional = `(?:${body}${optional})?${lazy}`;
      return body.repeat(n.min) + optional;
    }
  }
}
function safeForBacktracking(n, underRepeat = false) {
  switch (n.t) {
    case "atom":
      return true;
    case "seq":
      return n.items.every((x) => safeForBacktracking(x, underRepeat));
    case "alt":
      return !underRepeat && n.alts.every((x) => safeForBacktracking(x, underRepeat));
    case "group":
      return safeForBacktracking(n.body, underRepeat);
    case "rep":
      return n.max <= 1 ? safeForBacktracking(n.body, underRepeat) : !underRepeat && safeForBacktracking(n.body, true);
  }
}
function linearEngine() {
  if (linear === void 0) {
    try {
      v8.setFlagsFromString("--enable-experimental-regexp-engine");
      linear = new RegExp("a", "l").flags.includes("l");
    } catch {
      linear = false;
    }
  }
  return linear;
}
function compileRE2(pattern) {
  const hit = cache2.get(pattern);
  if (hit) return hit;
  if (pattern.length > MAX_PATTERN) bad(`the pattern is longer than ${MAX_PATTERN} characters`);
  const parser = new Parser(Array.from(pattern));
  const ast = parser.parse();
  if (parser.lineAnchors && parser.wholeTextAnchors)
    bad("tfguard cannot combine multi-line anchors ((?m)^ or $) with whole-text anchors (\\A, \\z, ^ or $ without m) in one pattern");
  const flags = `g${parser.lineAnchors ? "m" : ""}`;
  const src = emit(ast, true);
  let regexp;
  if (linearEngine()) {
    try {
      regexp = new RegExp(src, `${flags}l`);
    } catch {
      regexp = void 0;
    }
  }
  if (!regexp) {
    if (!safeForBacktracking(ast)) bad("tfguard cannot match this pattern in guaranteed linear time (nested repetition); simplify it");
    try {
      regexp = new RegExp(src, flags);
    } catch (e) {
      bad(e.message);
    }
  }
  const compiled = { regexp, names: parser.names };
  if (cache2.size > 500) cache2.clear();
  cache2.set(pattern, compiled);
  return compiled;
}
var MAX_REPEAT, MAX_SOURCE, MAX_PATTERN, Parser, linear, cache2;
var init_compile = __esm({
  "src/common/re2/compile.ts"() {
    "use strict";
    init_charclass();
    init_error();
    init_error();
    MAX_REPEAT = 1e3;
    MAX_SOURCE = 2e5;
    MAX_PATTERN = 2e4;
    Parser = class {
      constructor(cps) {
        this.cps = cps;
      }
      cps;
      pos = 0;
      names = [];
      wholeTextAnchors = false;
      lineAnchors = false;
      parse() {
        const node = this.alternation({ i: false, m: false, s: false, U: false }, 0);
        if (this.pos < this.cps.length) bad("unexpected )");
        return node;
      }
      peek(offset = 0) {
        return this.cps[this.pos + offset];
      }
      rest(n) {
        return this.cps.slice(this.pos, this.pos + n).join("");
      }
      alternation(flags, depth) {
        if (depth > 200) bad("expression nests too deeply");
        const alts = [this.sequence(flags, depth)];
        while (this.peek() === "|") {
          this.pos++;
          alts.push(this.sequence(flags, depth));
        }
        return alts.length === 1 ? alts[0] : { t: "alt", alts };
      }
      sequence(flags, depth) {
        const items = [];
        for (; ; ) {
          const c = this.peek();
          if (c === void 0 || c === "|" || c === ")") break;
          if (c === "*" || c === "+" || c === "?" || c === "{" && this.repeatCount()) {
            this.repetition(items, flags);
            continue;
          }
          this.pos++;
          if (c === "(") {
            const g = this.group(flags, depth);
            if (g) items.push(g);
          } else if (c === "[") items.push(this.charClass(flags));
          else if (c === ".") items.push(this.set(flags.s ? [[0, 1114111]] : complement([[10, 10]])));
          else if (c === "^" || c === "$") {
            if (flags.m) this.lineAnchors = true;
            else this.wholeTextAnchors = true;
            items.push({ t: "atom", src: c, atomic: true });
          } else if (c === "\\") items.push(this.escape(flags));
          else items.push(this.literal(c.codePointAt(0), flags));
        }
        return items.length === 1 ? items[0] : { t: "seq", items };
      }
      repeatCount() {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest(24));
        if (!m) return void 0;
        const min = Number(m[1]);
        const max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
        if (min > MAX_REPEAT || max !== Infinity && (max > MAX_REPEAT || max < min)) bad(`invalid repeat count: ${m[0]}`);
        return { min, max, len: m[0].length };
      }
      repetition(items, flags) {
        const c = this.peek();
        let min = 0;
        let max = Infinity;
        let op = c;
        if (c === "{") {
          const r = this.repeatCount();
          ({ min, max } = r);
          op = this.rest(r.len);
          this.pos += r.len;
        } else {
          this.pos++;
          if (c === "+") min = 1;
          if (c === "?") max = 1;
        }
        let lazy = false;
        if (this.peek() === "?") {
          lazy = true;
          op += "?";
          this.pos++;
        }
        const last = items.pop();
        if (!last) bad(`missing argument to repetition operator: ${op}`);
        if (last.t === "rep") bad(`invalid nested repetition operator: ${op}`);
        items.push({ t: "rep", body: last, min, max, lazy: lazy !== flags.U });
      }
      group(flags, depth) {
        let capture = true;
        let name;
        const inner = { ...flags };
        if (this.peek() === "?") {
          const head = this.rest(4);
          if (/^\?(=|!|<=|<!)/.test(head)) bad("lookahead and lookbehind assertions are not supported (RE2 has none)");
          if (head.startsWith("?P=")) bad("backreferences are not supported (RE2 has none)");
          const named2 = /^\?P?<([^>]*)>/.exec(this.rest(80));
          if (named2) {
            name = named2[1];
            if (!/^[A-Za-z0-9_]+$/.test(name)) bad(`invalid named capture: (?P<${name}>`);
            if (this.names.includes(name)) bad(`duplicate capture group name: ${name}`);
            this.pos += named2[0].length;
          } else {
            const f = /^\?([imsU]*(?:-[imsU]*)?)([:)])/.exec(this.rest(16));
            if (!f || f[1] === "-" || f[1].endsWith("-")) bad(`invalid or unsupported Perl syntax: (${this.rest(3)}`);
            this.pos += f[0].length;
            const [on, off = ""] = f[1].split("-");
            for (const k of on) inner[k] = true;
            for (const k of off) inner[k] = false;
            if (f[2] === ")") {
              Object.assign(flags, inner);
              return void 0;
            }
            capture = false;
          }
        }
        if (capture) this.names.push(name);
        const body = this.alternation(inner, depth + 1);
        if (this.peek() !== ")") bad("missing closing )");
        this.pos++;
        return { t: "group", capture, body };
      }
      set(ranges) {
        const { src, atomic } = classSource(ranges);
        return { t: "atom", src, atomic };
      }
      literal(cp, flags) {
        if (flags.i) {
          const folded = foldCase([[cp, cp]]);
          if (folded.length > 1 || folded[0][0] !== folded[0][1]) return this.set(folded);
        }
        return { t: "atom", src: literalSource(cp), atomic: cp < 65536 };
      }
      /** After a backslash outside a class. */
      escape(flags) {
        const c = this.peek();
        if (c === "A" || c === "z") {
          this.pos++;
          this.wholeTextAnchors = true;
          return { t: "atom", src: c === "A" ? "^" : "$", atomic: true };
        }
        if (c === "b" || c === "B") {
          this.pos++;
          return { t: "atom", src: `\\${c}`, atomic: true };
        }
        if (c === "Q") {
          this.pos++;
          const items = [];
          while (this.pos < this.cps.length && this.rest(2) !== "\\E") items.push(this.literal(this.cps[this.pos++].codePointAt(0), flags));
          if (this.rest(2) === "\\E") this.pos += 2;
          return { t: "group", capture: false, body: { t: "seq", items } };
        }
        const ranges = this.classEscape();
        if (ranges.length === 1 && ranges[0][0] === ranges[0][1] && !this.lastWasClass) return this.literal(ranges[0][0], flags);
        return this.set(flags.i ? foldCase(ranges) : ranges);
      }
      lastWasClass = false;
      /** An escape that stands for characters (inside or outside a class): its code point set. */
      classEscape() {
        const c = this.cps[this.pos++];
        this.lastWasClass = false;
        if (c === void 0) bad("trailing backslash at end of expression");
        const single = (cp2) => [[cp2, cp2]];
        const simple = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
        if (Object.prototype.hasOwnProperty.call(simple, c)) return single(simple[c]);
        const shorthand = { d: DIGIT, w: WORD, s: SPACE };
        if (Object.prototype.hasOwnProperty.call(shorthand, c.toLowerCase()) && "dDwWsS".includes(c)) {
          this.lastWasClass = true;
          const r = shorthand[c.toLowerCase()];
          return c === c.toLowerCase() ? r : complement(r);
        }
        if (c === "p" || c === "P") {
          this.lastWasClass = true;
          let name = this.cps[this.pos++];
          if (name === "{") {
            const end = this.cps.indexOf("}", this.pos);
            if (end < 0) bad("invalid character class range: missing }");
            name = this.cps.slice(this.pos, end).join("");
            this.pos = end + 1;
          }
          if (name === void 0) bad("invalid character class range: \\p");
          let negate = c === "P";
          if (name.startsWith("^")) {
            negate = !negate;
            name = name.slice(1);
          }
          const r = unicodeClass(name);
          return negate ? complement(r) : r;
        }
        if (c === "x") {
          const m = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.rest(9));
          if (!m) bad(`invalid escape sequence: \\x${this.rest(2)}`);
          this.pos += m[0].length;
          const cp2 = parseInt(m[1] ?? m[2], 16);
          if (cp2 > 1114111) bad(`invalid escape sequence: \\x${m[0]}`);
          return single(cp2);
        }
        if (c >= "1" && c <= "9") bad(`backreferences are not supported (RE2 has none): \\${c}`);
        if (c === "0") {
          const m = /^[0-7]{0,2}/.exec(this.rest(2));
          this.pos += m[0].length;
          return single(parseInt(`0${m[0]}`, 8));
        }
        const cp = c.codePointAt(0);
        if (cp < 128 && !/[0-9A-Za-z_]/.test(c)) return single(cp);
        bad(`invalid escape sequence: \\${c}`);
      }
      /** After `[`. */
      charClass(flags) {
        let negate = false;
        if (this.peek() === "^") {
          negate = true;
          this.pos++;
        }
        const ranges = [];
        let first = true;
        for (; ; ) {
          const c = this.peek();
          if (c === void 0) bad("missing closing ]");
          if (c === "]" && !first) {
            this.pos++;
            break;
          }
          first = false;
          const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.rest(12));
          if (posix) {
            this.pos += posix[0].length;
            const r = posixClass(posix[2]);
            ranges.push(...posix[1] ? complement(r) : r);
            continue;
          }
          const lo = this.classAtom();
          if (lo.length !== 1 || lo[0][0] !== lo[0][1] || this.peek() !== "-" || this.peek(1) === "]" || this.peek(1) === void 0) {
            ranges.push(...lo);
            continue;
          }
          this.pos++;
          const hi = this.classAtom();
          if (hi.length !== 1 || hi[0][0] !== hi[0][1] || hi[0][0] < lo[0][0]) bad("invalid character class range");
          ranges.push([lo[0][0], hi[0][0]]);
        }
        let set = normalize(ranges);
        if (flags.i) set = foldCase(set);
        return this.set(negate ? complement(set) : set);
      }
      classAtom() {
        const c = this.cps[this.pos++];
        if (c === "\\") return this.classEscape();
        const cp = c.codePointAt(0);
        return [[cp, cp]];
      }
    };
    cache2 = /* @__PURE__ */ new Map();
  }
});

// src/gsl/parser.ts
function describe2(t) {
  switch (t.kind) {
    case "eof":
      return "the end of the logic";
    case "string":
      return `the string ${JSON.stringify(t.text)}`;
    case "number":
      return `the number ${t.text}`;
    case "regex":
      return "a regular expression";
    default:
      return `\`${t.text}\``;
  }
}
var QUANTIFIERS, CMP_OPS, KEYWORDS, OPERATOR_WORDS, MAX_DEPTH2, Parser2;
var init_parser = __esm({
  "src/gsl/parser.ts"() {
    "use strict";
    init_errors();
    init_did_you_mean();
    init_lexer();
    init_compare();
    init_compile();
    QUANTIFIERS = ["contain", "contain-any", "contain-all", "contain-none", "with"];
    CMP_OPS = /* @__PURE__ */ new Set(["=", "!=", "<", ">", "<=", ">="]);
    KEYWORDS = /* @__PURE__ */ new Set([
      "and",
      "or",
      "not",
      "should",
      "have",
      "where",
      "like",
      "in",
      "regexmatch",
      "with",
      "contain",
      "contain-any",
      "contain-all",
      "contain-none"
    ]);
    OPERATOR_WORDS = ["like", "in", "regexMatch", "contain", "contain-any", "contain-all", "contain-none", "with"];
    MAX_DEPTH2 = 64;
    Parser2 = class {
      constructor(logic, functions2) {
        this.logic = logic;
        this.functions = functions2;
        this.toks = tokenize(logic);
      }
      logic;
      functions;
      toks;
      pos = 0;
      /** Nesting of `[...]` contexts, for `^` checks. */
      context = 0;
      nesting = 0;
      errors = [];
      // ---- token helpers --------------------------------------------------------------------------
      peek(k = 0) {
        return this.toks[Math.min(this.pos + k, this.toks.length - 1)];
      }
      next() {
        const t = this.peek();
        if (t.kind !== "eof") this.pos++;
        return t;
      }
      isWord(t, word) {
        return t.kind === "ident" && t.text.toLowerCase() === word;
      }
      isPunct(t, p) {
        return t.kind === "punct" && t.text === p;
      }
      fail(t, message, hint) {
        throw new GslSyntaxError(this.logic.error(t.start, t.end, message, hint));
      }
      expectPunct(p, what) {
        const t = this.peek();
        if (!this.isPunct(t, p)) this.fail(t, `expected \`${p}\` ${what}, found ${describe2(t)}`);
        return this.next();
      }
      semantic(start, end, message, hint) {
        this.errors.push(this.logic.error(start, end, message, hint));
      }
      // ---- rule -----------------------------------------------------------------------------------
      /**
       * An entity type may have dotted parts (`aws.cloudtrail.event`, `data.aws_s3_bucket`): types that are not
       * Terraform resource types, so they can never clash with one.
       */
      dottedEntity(first) {
        let entity = first;
        while (this.isPunct(this.peek(), ".") && this.peek(1).kind === "ident" && this.peek(1).start === this.peek().end && this.peek().start === this.peek(-1).end) {
          this.next();
          entity += `.${this.next().text}`;
        }
        return entity;
      }
      parseRule() {
        const first = this.peek();
        if (first.kind === "eof")
          this.fail(first, "the logic is empty", "write a rule such as `aws_cloudtrail should have is_multi_region_trail = true`");
        if (first.kind !== "ident" || KEYWORDS.has(first.text.toLowerCase())) {
          this.fail(
            first,
            `expected an entity type (such as \`aws_cloudtrail\`), found ${describe2(first)}`,
            "a rule starts with the entity type it checks"
          );
        }
        this.next();
        let entity = this.dottedEntity(first.text);
        let aggregate = false;
        let entityEnd = this.peek(-1).end;
        if (first.text.toLowerCase() === "list" && this.isPunct(this.peek(), "<")) {
          this.next();
          const inner = this.next();
          if (inner.kind !== "ident" || KEYWORDS.has(inner.text.toLowerCase()))
            this.fail(inner, `expected an entity type inside \`List<...>\`, found ${describe2(inner)}`);
          entity = this.dottedEntity(inner.text);
          entityEnd = this.expectPunct(">", "to close `List<`").end;
          aggregate = true;
        }
        const entities = [entity];
        while (!aggregate && this.isPunct(this.peek(), ",")) {
          this.next();
          const more = this.next();
          if (more.kind !== "ident" || KEYWORDS.has(more.text.toLowerCase()))
            this.fail(
              more,
              `expected another entity type after \`,\`, found ${describe2(more)}`,
              "write `aws_instance, aws_launch_template should ...`"
            );
          const type = this.dottedEntity(more.text);
          if (entities.some((e) => e.toLowerCase() === type.toLowerCase()))
            this.fail(more, `\`${type}\` is listed twice`, "name each entity type once");
          entities.push(type);
          entityEnd = this.peek(-1).end;
        }
        const rule = { entities, aggregate, entitySpan: { start: first.start, end: entityEnd } };
        if (this.isWord(this.peek(), "where")) {
          this.next();
          rule.where = this.parseExpr();
        }
        if (this.isWord(this.peek(), "should")) {
          this.next();
          let negated = false;
          if (this.isWord(this.peek(), "not")) {
            this.next();
            negated = true;
          }
          if (this.isWord(this.peek(), "have")) this.next();
          rule.should = { negated, expr: this.parseExpr() };
        } else if (!rule.where) {
          const t = this.peek();
          const near = t.kind === "ident" ? nearest(t.text, ["should", "where"]) : void 0;
          this.fail(
            t,
            `expected \`should\` or \`where\` after the entity type, found ${describe2(t)}`,
            near ? `did you mean \`${near}\`?` : "write `<entity> should have <condition>`"
          );
        }
        const end = this.peek();
        if (end.kind !== "eof") {
          const expected = rule.should ? "`and`, `or` or the end of the logic" : "`and`, `or`, `should` or the end of the logic";
          const near = end.kind === "ident" ? nearest(end.text, rule.should ? ["and", "or"] : ["and", "or", "should"]) : void 0;
          this.fail(end, `expected ${expected}, found ${describe2(end)}`, near ? `did you mean \`${near}\`?` : void 0);
        }
        return rule;
      }
      // ---- boolean structure ----------------------------------------------------------------------
      enter(t) {
        if (++this.nesting > MAX_DEPTH2) this.fail(t, `the logic nests deeper than ${MAX_DEPTH2} levels`, "split the condition");
      }
      parseExpr() {
        const first = this.parseAnd();
        if (!this.isWord(this.peek(), "or")) return first;
        const items = [first];
        while (this.isWord(this.peek(), "or")) {
          this.next();
          items.push(this.parseAnd());
        }
        return { kind: "or", items, start: first.start, end: items[items.length - 1].end };
      }
      parseAnd() {
        const first = this.parseUnary();
        if (!this.isWord(this.peek(), "and")) return first;
        const items = [first];
        while (this.isWord(this.peek(), "and")) {
          this.next();
          items.push(this.parseUnary());
        }
        return { kind: "and", items, start: first.start, end: items[items.length - 1].end };
      }
      parseUnary() {
        const t = this.peek();
        if (this.isWord(t, "not")) {
          this.next();
          this.enter(t);
          const item = this.parseUnary();
          this.nesting--;
          return { kind: "not", item, start: t.start, end: item.end };
        }
        if (this.isPunct(t, "(")) {
          this.next();
          this.enter(t);
          const inner = this.parseExpr();
          this.nesting--;
          const close = this.peek();
          if (!this.isPunct(close, ")")) {
            this.fail(close, `expected \`)\` to close the \`(\` at column ${this.logic.locate(t.start).column + 1}, found ${describe2(close)}`);
          }
          this.next();
          return inner;
        }
        return this.parseTest();
      }
      // ---- tests ----------------------------------------------------------------------------------
      parseTest() {
        const operand = this.parseOperand();
        if (operand.kind === "call" && operand.fn.kind === "test") {
          const self = { kind: "path", up: 0, segments: [], text: "$", start: operand.start, end: operand.start };
          const check2 = {
            kind: "fn",
            fn: operand.fn,
            args: operand.args,
            state: operand.state,
            start: operand.start,
            end: operand.end
          };
          return { kind: "test", operand: self, steps: [], check: check2, start: operand.start, end: operand.end };
        }
        const steps = [];
        let check;
        while (!check) {
          const t = this.peek();
          if (t.kind === "punct" && CMP_OPS.has(t.text)) {
            this.next();
            const right = this.parseValue(t);
            check = { kind: "compare", op: t.text, right, start: t.start, end: right.end };
            break;
          }
          if (t.kind !== "ident") break;
          const word = t.text.toLowerCase();
          if (word === "and" || word === "or" || word === "should" || word === "where" || word === "have") break;
          if (word === "with" || QUANTIFIERS.includes(word)) {
            this.next();
            const body = this.parseBody(t);
            if (word === "with") {
              steps.push({ kind: "filter", body, start: t.start, end: this.peek(-1).end });
              continue;
            }
            check = { kind: "quant", q: word, body, start: t.start, end: this.peek(-1).end };
            break;
          }
          if (word === "like") {
            this.next();
            const s = this.next();
            if (s.kind !== "string")
              this.fail(
                s,
                `expected a quoted pattern after \`like\`, found ${describe2(s)}`,
                "write e.g. `name like 'prod-%'` (% matches any text)"
              );
            check = { kind: "like", pattern: s.text, re: likeToRegExp(s.text), start: t.start, end: s.end };
            break;
          }
          if (word === "in") {
            this.next();
            this.expectPunct("(", "after `in`");
            const values2 = [];
            do {
              const v = this.parseValue(t);
              if (v.kind !== "literal") this.fail(this.peek(-1), "expected a literal value inside `in (...)`");
              values2.push(v);
            } while (this.isPunct(this.peek(), ",") && this.next());
            const close = this.expectPunct(")", "to close `in (`");
            check = { kind: "in", values: values2, start: t.start, end: close.end };
            break;
          }
          if (word === "regexmatch") {
            this.next();
            const r = this.next();
            if (r.kind !== "regex")
              this.fail(
                r,
                `expected a regular expression /.../ after \`regexMatch\`, found ${describe2(r)}`,
                "write e.g. `name regexMatch /^prod-/i`"
              );
            check = { kind: "regex", re: this.compileRegex(r), start: t.start, end: r.end };
            break;
          }
          if (word === "not") {
            this.fail(t, "unexpected `not` after an attribute", "put `not` before the whole test: `not name like 'x%'`");
          }
          if (this.isPunct(this.peek(1), "(")) {
            const call = this.parseCall("attribute");
            if (!call) continue;
            if (call.fn.kind === "value") {
              steps.push({ kind: "fn", fn: call.fn, args: call.args, state: call.state, start: call.start, end: call.end });
              continue;
            }
            check = { kind: "fn", fn: call.fn, args: call.args, state: call.state, start: call.start, end: call.end };
            break;
          }
          if (operand.kind === "path" && operand.up === 0 && operand.segments.length === 1 && steps.length === 0) {
            const kw = nearest(operand.text, ["have", "not", "where", "should"]);
            if (kw) this.fail(this.peek(-1), `unknown word \`${operand.text}\` followed by \`${t.text}\``, `did you mean \`${kw}\`?`);
          }
          const near = nearest(t.text, [...OPERATOR_WORDS, ...this.functions.names(), "and", "or"]);
          this.fail(
            t,
            `unknown operator \`${t.text}\``,
            near ? `did you mean \`${near}\`?` : `expected a comparison (=, !=, <, >, <=, >=), ${OPERATOR_WORDS.map((w) => `\`${w}\``).join(", ")} or a function such as \`isEmpty()\``
          );
        }
        if (!check) {
          const last = steps[steps.length - 1];
          if (last && last.kind === "filter") {
            steps.pop();
            check = { kind: "quant", q: "with", body: last.body, start: last.start, end: last.end };
          } else {
            const end = last ? last.end : operand.end;
            check = { kind: "presence", start: end, end };
          }
        }
        return { kind: "test", operand, steps, check, start: operand.start, end: check.end };
      }
      parseBody(open) {
        const t = this.peek();
        if (!this.isPunct(t, "["))
          this.fail(t, `expected \`[\` after \`${open.text}\`, found ${describe2(t)}`, `write \`${open.text} [ <condition on each element> ]\``);
        this.next();
        this.enter(t);
        this.context++;
        const body = this.parseExpr();
        this.context--;
        this.nesting--;
        const close = this.peek();
        if (!this.isPunct(close, "]")) this.fail(close, `expected \`]\` to close \`${open.text} [\`, found ${describe2(close)}`);
        this.next();
        return body;
      }
      parseOperand() {
        const t = this.peek();
        if (this.isPunct(t, "$")) {
          this.next();
          return this.parsePathTail(t, 0, [], "$");
        }
        if (this.isPunct(t, "^")) {
          let up = 0;
          while (this.isPunct(this.peek(), "^")) {
            this.next();
            up++;
          }
          if (up > this.context) {
            this.semantic(
              t.start,
              this.peek(-1).end,
              up === 1 ? "`^` refers to the parent context, but this test is not inside `[...]`" : `\`${"^".repeat(up)}\` goes up ${up} contexts, but this test is inside only ${this.context}`,
              "`^.x` reads `x` of the element (or entity) around the current `contain [...]` / `with [...]`"
            );
          }
          return this.parsePathTail(t, up, [], "^".repeat(up));
        }
        if (t.kind === "ident" && !KEYWORDS.has(t.text.toLowerCase())) {
          if (this.isPunct(this.peek(1), "(")) {
            const call = this.parseCall("context");
            if (call) return call;
            return { kind: "path", up: 0, segments: [t.text], text: t.text, start: t.start, end: this.peek(-1).end };
          }
          this.next();
          return this.parsePathTail(t, 0, [t.text], t.text);
        }
        if (t.kind === "ident") {
          this.fail(
            t,
            `expected an attribute name, found the keyword ${describe2(t)}`,
            `to test an attribute named \`${t.text}\`, write \`$['${t.text}']\``
          );
        }
        const hint = t.kind === "string" || t.kind === "number" ? "a test starts with the attribute: `name = 'x'`, not `'x' = name`" : void 0;
        this.fail(t, `expected an attribute name, \`$\`, \`^\`, \`not\` or \`(\`, found ${describe2(t)}`, hint);
      }
      parsePathTail(first, up, segments, text2) {
        let end = first.end;
        while (true) {
          const t = this.peek();
          if (this.isPunct(t, ".")) {
            this.next();
            const s = this.next();
            if (s.kind === "ident") segments.push(s.text);
            else if (s.kind === "number" && Number.isInteger(s.num)) segments.push(s.num);
            else this.fail(s, `expected an attribute name or list index after \`.\`, found ${describe2(s)}`);
            text2 += `.${s.text}`;
            end = s.end;
            continue;
          }
          if (this.isPunct(t, "[") && (segments.length > 0 || text2.startsWith("$") || text2.startsWith("^"))) {
            this.next();
            const k = this.next();
            if (k.kind === "string") segments.push(k.text);
            else if (k.kind === "number" && Number.isInteger(k.num) && k.num >= 0) segments.push(k.num);
            else this.fail(k, `expected a quoted key or a list index inside \`[...]\`, found ${describe2(k)}`);
            end = this.expectPunct("]", "to close the index").end;
            text2 += `[${k.kind === "string" ? JSON.stringify(k.text) : k.text}]`;
            continue;
          }
          break;
        }
        return { kind: "path", up, segments, text: text2, start: first.start, end };
      }
      /** A function call `name(args)`; returns undefined (after recording an error) for an unknown name. */
      parseCall(position) {
        const nameTok = this.next();
        this.next();
        const args = [];
        if (!this.isPunct(this.peek(), ")")) {
          do
            args.push(this.parseArg());
          while (this.isPunct(this.peek(), ",") && this.next());
        }
        const close = this.expectPunct(")", `to close \`${nameTok.text}(\``);
        const fn = this.functions.get(nameTok.text);
        if (!fn) {
          const near = nearest(nameTok.text, this.functions.names());
          this.semantic(
            nameTok.start,
            nameTok.end,
            `unknown function \`${nameTok.text}()\``,
            near ? `did you mean \`${near}()\`?` : `known functions: ${this.functions.names().join(", ")}`
          );
          return void 0;
        }
        if (position === "context" && fn.receiver === "attribute") {
          this.semantic(
            nameTok.start,
            close.end,
            `\`${fn.name}()\` needs an attribute before it`,
            `write e.g. \`kms_key_id ${fn.name}(${args.length ? "..." : ""})\`; use \`$ ${fn.name}(...)\` for the current element`
          );
        } else if (position === "attribute" && fn.receiver === "context") {
          this.semantic(
            nameTok.start,
            close.end,
            `\`${fn.name}()\` is written alone, not after an attribute`,
            `write \`${fn.signature}\` as a test of its own`
          );
        }
        const state = this.checkArgs(fn, args, nameTok, close);
        return { kind: "call", fn, args, state, start: nameTok.start, end: close.end };
      }
      checkArgs(fn, args, nameTok, close) {
        if (args.length < fn.minArgs || args.length > fn.maxArgs) {
          const want = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
          this.semantic(
            nameTok.start,
            close.end,
            `\`${fn.name}()\` takes ${want} argument${fn.maxArgs === 1 ? "" : "s"}, got ${args.length}`,
            `write \`${fn.signature}\``
          );
          return void 0;
        }
        for (let i = 0; i < args.length; i++) {
          const kind = fn.argKinds[Math.min(i, fn.argKinds.length - 1)];
          const a = args[i];
          const ok = kind === "any" || (kind === "number" ? a.kind === "number" : a.kind === "string" || a.kind === "name");
          if (!ok) {
            this.semantic(
              a.start,
              a.end,
              `argument ${i + 1} of \`${fn.name}()\` must be ${kind === "number" ? "a number" : "a string or a name"}`,
              `write \`${fn.signature}\``
            );
            return void 0;
          }
        }
        if (!fn.prepare) return void 0;
        const r = fn.prepare(args);
        if ("error" in r) {
          const a = r.arg !== void 0 ? args[r.arg] : void 0;
          this.semantic(a ? a.start : nameTok.start, a ? a.end : close.end, r.error, `write \`${fn.signature}\``);
          return void 0;
        }
        return r.state;
      }
      parseArg() {
        const t = this.next();
        if (t.kind === "string") return { kind: "string", value: t.text, start: t.start, end: t.end };
        if (t.kind === "number") return { kind: "number", value: t.num, start: t.start, end: t.end };
        if (this.isPunct(t, "-") && this.peek().kind === "number") {
          const n = this.next();
          return { kind: "number", value: -n.num, start: t.start, end: n.end };
        }
        if (t.kind === "ident") {
          const lower = t.text.toLowerCase();
          if (lower === "true" || lower === "false") return { kind: "boolean", value: lower === "true", start: t.start, end: t.end };
          let text2 = t.text;
          let end = t.end;
          while (this.isPunct(this.peek(), ".") && (this.peek(1).kind === "ident" || this.peek(1).kind === "number")) {
            this.next();
            const s = this.next();
            text2 += `.${s.text}`;
            end = s.end;
          }
          return { kind: "name", value: text2, start: t.start, end };
        }
        this.fail(t, `expected an argument (a number, a string or a name), found ${describe2(t)}`);
      }
      /** The right side of a comparison: a literal, or a path (`^.port`, `$`, `other_attr`). */
      parseValue(op) {
        const t = this.peek();
        if (t.kind === "string") {
          this.next();
          return { kind: "literal", value: t.text, start: t.start, end: t.end };
        }
        if (t.kind === "number") {
          this.next();
          return { kind: "literal", value: t.num, start: t.start, end: t.end };
        }
        if (this.isPunct(t, "-") && this.peek(1).kind === "number") {
          this.next();
          const n = this.next();
          return { kind: "literal", value: -n.num, start: t.start, end: n.end };
        }
        if (t.kind === "ident") {
          const lower = t.text.toLowerCase();
          if (lower === "true" || lower === "false") {
            this.next();
            return { kind: "literal", value: lower === "true", start: t.start, end: t.end };
          }
          if (!KEYWORDS.has(lower) && !this.isPunct(this.peek(1), "(")) {
            this.next();
            return this.parsePathTail(t, 0, [t.text], t.text);
          }
        }
        if (this.isPunct(t, "$") || this.isPunct(t, "^")) {
          const p = this.parseOperand();
          if (p.kind === "path") return p;
        }
        this.fail(
          t,
          `expected a value (a number, a quoted string, true or false) after \`${op.text}\`, found ${describe2(t)}`,
          t.kind === "eof" ? void 0 : "quote text values: `name = 'default'`"
        );
      }
      compileRegex(t) {
        const bad2 = [...t.flags ?? ""].find((f) => !"imsu".includes(f));
        if (bad2) {
          this.semantic(
            t.start,
            t.end,
            `unsupported regular expression flag \`${bad2}\``,
            "flags are i (ignore case), m (multi-line), s (dot matches newline), u (unicode)"
          );
          return /$^/;
        }
        const inline = [...new Set(t.flags ?? "")].filter((f) => f !== "u").join("");
        try {
          const c = compileRE2(`${inline ? `(?${inline})` : ""}${t.text}`);
          return new RegExp(c.regexp.source, c.regexp.flags.replace("g", ""));
        } catch (e) {
          if (!(e instanceof RegexError)) throw e;
          this.semantic(
            t.start,
            t.end,
            `invalid regular expression: ${e.message.replace(/^invalid regexp pattern: /, "")}`,
            "regexMatch takes RE2 syntax, as Terraform does: no lookaround or backreferences"
          );
          return /$^/;
        }
      }
    };
  }
});

// src/gsl/rule.ts
function compileRule(text2, sourceName, options = {}) {
  const logic = new LogicText(text2, sourceName, options.origin);
  try {
    const parser = new Parser2(logic, options.functions ?? DEFAULT_FUNCTIONS);
    const ast = parser.parseRule();
    if (parser.errors.length) return { ok: false, errors: parser.errors };
    const form = !ast.should ? "query" : ast.should.negated ? "should not" : "should";
    return { ok: true, rule: { source: sourceName, text: text2, entities: ast.entities, aggregate: ast.aggregate, form, ast } };
  } catch (e) {
    if (e instanceof GslSyntaxError) return { ok: false, errors: [e.error] };
    throw e;
  }
}
function dedupe(d) {
  const seen = /* @__PURE__ */ new Set();
  const blame = d.blame.filter((b) => {
    const k = `${b.address}\0${b.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const seenR = /* @__PURE__ */ new Set();
  const reasons = d.reasons.filter((r) => {
    const k = JSON.stringify(r);
    if (seenR.has(k)) return false;
    seenR.add(k);
    return true;
  });
  return { blame, reasons };
}
function mostSpecificFirst(leaves) {
  const seen = /* @__PURE__ */ new Set();
  const out = leaves.filter((l) => {
    const k = `${l.start}\0${l.scopes.map((e) => e.id).join("\0")}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return out.sort((a, b) => b.scopes.length - a.scopes.length || b.start - a.start);
}
function status(where2, cond) {
  if (where2 === F) return { status: "pass", excluded: true };
  if (cond === void 0) return { status: where2 === T ? "fail" : "unknown", excluded: false };
  if (cond === T) return { status: "pass", excluded: false };
  if (where2 === U || cond === U) return { status: "unknown", excluded: false };
  return { status: "fail", excluded: false };
}
function evaluateRule(rule, entity, world, options = {}) {
  return evaluateIn(rule, entity, context(rule, world, options), options);
}
function context(rule, world, options) {
  const now = options.now === void 0 ? Date.now() : typeof options.now === "number" ? options.now : options.now.getTime();
  const entityOf = world.entityOf ? world.entityOf.bind(world) : noEntity2;
  return { env: { now, world, detailed: false }, text: rule.text, entityOf };
}
function evaluateIn(rule, entity, ctx, options, tally = newTally()) {
  const ast = rule.ast;
  ctx.env.detailed = false;
  const scope = { value: entity.values, path: "", owner: entity, parent: null };
  if (!options.explain && tally.explained > 8 && tally.explained > 2 * tally.passed)
    return detailed(rule, entity, ctx, scope, options, tally);
  const fastWhere = ast.where ? evalExpr(ast.where, scope, ctx, null) : T;
  let fastCond;
  if (fastWhere !== F && ast.should) {
    const c = evalExpr(ast.should.expr, scope, ctx, null);
    fastCond = ast.should.negated ? not(c) : c;
  }
  if (!options.explain && (fastWhere === F || fastCond === T)) {
    tally.passed++;
    return passed(entity, fastWhere === F);
  }
  return detailed(rule, entity, ctx, scope, options, tally, status(fastWhere, fastCond));
}
function passed(entity, excluded) {
  return { status: "pass", excluded, entity: entity.id, blame: NONE, reasons: NONE, reasonText: NONE, leaves: NONE };
}
function detailed(rule, entity, ctx, scope, options, tally, fast) {
  const ast = rule.ast;
  const run = (d2) => {
    const where2 = ast.where ? evalExpr(ast.where, scope, ctx, d2 ? d2.where : null) : T;
    if (where2 === F || !ast.should) return { where: where2, cond: void 0 };
    const c = evalExpr(ast.should.expr, scope, ctx, d2 ? d2.cond : null);
    return { where: where2, cond: ast.should.negated ? not(c) : c };
  };
  ctx.env.detailed = true;
  const root = { blame: [], reasons: [], trace: options.explain ? [] : null, leaves: [] };
  const d = { where: newSink(root), cond: newSink(root) };
  const slow = run(d);
  const s = fast ?? status(slow.where, slow.cond);
  if (s.status === "pass" && !options.explain) {
    tally.passed++;
    return passed(entity, s.excluded);
  }
  if (s.status !== "pass") tally.explained++;
  const explain = { blame: [], reasons: [], trace: null, leaves: [] };
  const add = (from) => {
    explain.blame.push(...from.blame);
    explain.reasons.push(...from.reasons);
    explain.leaves.push(...from.leaves);
  };
  if (!ast.should) add(d.where);
  else {
    if (slow.cond !== void 0 && slow.cond !== T) add(d.cond);
    if (slow.where === U && s.status === "unknown") add(d.where);
  }
  const { blame, reasons } = s.status === "pass" ? { blame: [], reasons: [] } : dedupe(explain);
  const leaves = s.status === "pass" ? [] : mostSpecificFirst(explain.leaves);
  const result = { ...s, entity: entity.id, blame, reasons, reasonText: reasons.map(describeReason), leaves };
  if (options.explain) {
    const children = [];
    if (ast.where) children.push({ expr: "where", result: truthName(slow.where), children: d.where.trace ?? [] });
    if (ast.should && slow.cond !== void 0) {
      children.push({ expr: rule.form, result: truthName(slow.cond), children: d.cond.trace ?? [] });
    }
    result.trace = {
      expr: rule.text.replace(/\s+/g, " ").trim(),
      result: s.status === "pass" ? "true" : s.status === "fail" ? "false" : "unknown",
      at: entity.id,
      children
    };
  }
  return result;
}
var noEntity2, NONE, newTally;
var init_rule = __esm({
  "src/gsl/rule.ts"() {
    "use strict";
    init_value();
    init_errors();
    init_evaluate();
    init_defaults();
    init_parser();
    init_truth();
    noEntity2 = () => void 0;
    NONE = Object.freeze([]);
    newTally = () => ({ passed: 0, explained: 0 });
  }
});

// src/gsl/index.ts
var init_gsl = __esm({
  "src/gsl/index.ts"() {
    "use strict";
    init_rule();
    init_evaluate();
    init_world();
    init_defaults();
    init_truth();
  }
});

// src/scan/event-filter.ts
function plainString(v) {
  return typeof v === "string" && v !== "true" && v !== "false" && !NUMBER_TEXT2.test(v) && ![...v].some((ch) => ch === '"' || ch === "\\" || ch < " ");
}
function needles(e) {
  switch (e.kind) {
    case "and": {
      let best;
      for (const item of e.items) {
        const n = needles(item);
        if (n && (!best || n.length < best.length)) best = n;
      }
      return best;
    }
    case "or": {
      const all = [];
      for (const item of e.items) {
        const n = needles(item);
        if (!n) return void 0;
        all.push(...n);
      }
      return [...new Set(all)];
    }
    case "not":
      return void 0;
    case "test": {
      if (e.operand.kind !== "path" || e.steps.length) return void 0;
      const c = e.check;
      if (c.kind === "compare" && c.op === "=" && c.right.kind === "literal" && plainString(c.right.value)) return [c.right.value];
      if (c.kind === "in" && c.values.length && c.values.every((v) => plainString(v.value))) return c.values.map((v) => v.value);
      return void 0;
    }
  }
}
function eventFilter(rules, now) {
  const keepAll = rules.some((r) => r.aggregate && r.entities.some((t) => t.toLowerCase() === EVENT_ENTITY));
  return {
    now,
    ...keepAll ? { keepAll } : {},
    rules: rules.filter((r) => !r.aggregate && r.entities.some((t) => t.toLowerCase() === EVENT_ENTITY)).map((rule) => {
      const n = rule.ast.where ? needles(rule.ast.where) : void 0;
      return n ? { rule, needles: n.map((s) => Buffer.from(JSON.stringify(s))) } : { rule };
    })
  };
}
function mayMatchBatch(f, buf, spans) {
  const out = spans.map((s) => s.escaped);
  if (!spans.length) return out;
  if (f.keepAll) return out.fill(true);
  const from = spans[0].start;
  const to = spans[spans.length - 1].end;
  for (const r of f.rules) {
    if (!r.needles) return out.fill(true);
    const hits = [];
    for (const n of r.needles) for (let at = buf.indexOf(n, from); at >= 0 && at < to; at = buf.indexOf(n, at + 1)) hits.push(at);
    if (!hits.length) continue;
    hits.sort((a, b) => a - b);
    let h = 0;
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k];
      while (h < hits.length && hits[h] < s.start) h++;
      if (h < hits.length && hits[h] < s.end) out[k] = true;
    }
  }
  return out;
}
function needsEvent(f, value, id) {
  if (f.keepAll) return true;
  const entity = { type: EVENT_ENTITY, id, values: value };
  for (const r of f.rules) if (evaluateRule(r.rule, entity, WORLD, { now: f.now }).status !== "pass") return true;
  return false;
}
var EVENT_ENTITY, NUMBER_TEXT2, WORLD;
var init_event_filter = __esm({
  "src/scan/event-filter.ts"() {
    "use strict";
    init_gsl();
    EVENT_ENTITY = "aws.cloudtrail.event";
    NUMBER_TEXT2 = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
    WORLD = createWorld([]);
  }
});

// src/common/diagnostics.ts
function pointRange(at = FILE_START) {
  return { start: at, end: at };
}
var FILE_START;
var init_diagnostics = __esm({
  "src/common/diagnostics.ts"() {
    "use strict";
    FILE_START = Object.freeze({ line: 1, column: 1, offset: 0 });
  }
});

// src/common/limits.ts
function limits() {
  return current;
}
var DEFAULT_LIMITS, LIMIT_FLAGS, LIMIT_NAMES, current;
var init_limits = __esm({
  "src/common/limits.ts"() {
    "use strict";
    DEFAULT_LIMITS = {
      maxDepth: 500,
      maxStringLength: 16 * 1024 * 1024,
      maxCollectionSize: 1e6,
      maxInstances: 1e4,
      maxEvalSteps: 2e7,
      maxExpandedSize: 64 * 1024 * 1024,
      maxTotalInstances: 1e5
    };
    LIMIT_FLAGS = {
      maxDepth: "--max-depth",
      maxStringLength: "--max-string-length",
      maxCollectionSize: "--max-collection-size",
      maxInstances: "--max-instances",
      maxEvalSteps: "--max-eval-steps",
      maxExpandedSize: "--max-expanded-size",
      maxTotalInstances: "--max-total-instances"
    };
    LIMIT_NAMES = {
      maxDepth: "nesting depth",
      maxStringLength: "string length",
      maxCollectionSize: "collection size",
      maxInstances: "instance count",
      maxEvalSteps: "evaluation steps per module",
      maxExpandedSize: "expanded size",
      maxTotalInstances: "total instance"
    };
    current = { ...DEFAULT_LIMITS };
  }
});

// src/common/gunzip.ts
var init_gunzip = __esm({
  "src/common/gunzip.ts"() {
    "use strict";
    init_limits();
  }
});

// src/load/ast.ts
var init_ast = __esm({
  "src/load/ast.ts"() {
    "use strict";
  }
});

// src/load/hcl/context.ts
var POS_CACHE, recentOffsets, recentGenerations, recentPos;
var init_context = __esm({
  "src/load/hcl/context.ts"() {
    "use strict";
    init_diagnostics();
    init_line_index();
    POS_CACHE = 4096;
    recentOffsets = new Int32Array(POS_CACHE).fill(-1);
    recentGenerations = new Int32Array(POS_CACHE);
    recentPos = new Array(POS_CACHE);
  }
});

// src/load/hcl/skip.ts
var init_skip = __esm({
  "src/load/hcl/skip.ts"() {
    "use strict";
  }
});

// src/load/hcl/char-codes.ts
var init_char_codes = __esm({
  "src/load/hcl/char-codes.ts"() {
    "use strict";
  }
});

// src/load/hcl/scanner.ts
var init_scanner = __esm({
  "src/load/hcl/scanner.ts"() {
    "use strict";
    init_char_codes();
  }
});

// src/load/hcl/strings.ts
var init_strings = __esm({
  "src/load/hcl/strings.ts"() {
    "use strict";
  }
});

// src/load/hcl/template-text.ts
var init_template_text = __esm({
  "src/load/hcl/template-text.ts"() {
    "use strict";
  }
});

// src/load/hcl/template-parser.ts
var init_template_parser = __esm({
  "src/load/hcl/template-parser.ts"() {
    "use strict";
    init_expr_parser();
    init_scanner();
    init_strings();
    init_template_text();
    init_char_codes();
  }
});

// src/load/hcl/expr-parser.ts
var init_expr_parser = __esm({
  "src/load/hcl/expr-parser.ts"() {
    "use strict";
    init_ast();
    init_context();
    init_skip();
    init_template_parser();
  }
});

// src/load/hcl/parser-state.ts
var init_parser_state = __esm({
  "src/load/hcl/parser-state.ts"() {
    "use strict";
    init_scanner();
  }
});

// src/load/hcl/body-parser.ts
var PENDING;
var init_body_parser = __esm({
  "src/load/hcl/body-parser.ts"() {
    "use strict";
    init_diagnostics();
    init_expr_parser();
    init_parser_state();
    init_skip();
    init_strings();
    init_template_parser();
    PENDING = pointRange();
  }
});

// src/load/hcl/index.ts
var init_hcl = __esm({
  "src/load/hcl/index.ts"() {
    "use strict";
    init_body_parser();
    init_context();
    init_parser_state();
  }
});

// src/load/json-syntax.ts
var init_json_syntax = __esm({
  "src/load/json-syntax.ts"() {
    "use strict";
    init_context();
  }
});

// src/load/json.ts
var init_json = __esm({
  "src/load/json.ts"() {
    "use strict";
    init_hcl();
    init_json_syntax();
  }
});

// src/load/data-file.ts
function isRecord(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function isEvent(v) {
  return isRecord(v) && typeof v.eventName === "string" && (typeof v.eventSource === "string" || typeof v.eventVersion === "string");
}
function describeShape(v) {
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? "" : "s"}`;
  if (isRecord(v)) {
    const keys2 = Object.keys(v);
    return keys2.length ? `an object with the keys ${keys2.slice(0, 5).map((k) => JSON.stringify(k)).join(", ")}${keys2.length > 5 ? ", …" : ""}` : "an empty object";
  }
  return v === null ? "null" : `a ${typeof v}`;
}
var DEFAULT_MAX_DATA_BYTES, START;
var init_data_file = __esm({
  "src/load/data-file.ts"() {
    "use strict";
    init_diagnostics();
    init_gunzip();
    init_limits();
    init_json();
    init_json_syntax();
    DEFAULT_MAX_DATA_BYTES = 512 * 1024 * 1024;
    START = pointRange();
  }
});

// src/load/log-split.ts
function keyBit(buf, start, len) {
  for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k];
    if (key.length !== len) continue;
    let i = 0;
    while (i < len && buf[start + i] === key[i]) i++;
    if (i === len) return 1 << k;
  }
  return 0;
}
var MAX_RECORD_DEPTH, MAX_RECORD_BYTES, KEYS, QUOTE2, BACKSLASH2, NL, RECORDS_HEAD, RECORDS_START, isSpace, RecordSplitter;
var init_log_split = __esm({
  "src/load/log-split.ts"() {
    "use strict";
    MAX_RECORD_DEPTH = 64;
    MAX_RECORD_BYTES = 16 * 1024 * 1024;
    KEYS = [Buffer.from("eventName"), Buffer.from("eventSource"), Buffer.from("eventVersion")];
    QUOTE2 = 34;
    BACKSLASH2 = 92;
    NL = 10;
    RECORDS_HEAD = /^\s*\{\s*"Records"\s*:\s*\[/;
    RECORDS_START = '{"Records":[';
    isSpace = (c) => c === 32 || c === NL || c === 13 || c === 9;
    RecordSplitter = class {
      shape;
      /** Set when the structure is broken (a stray closing bracket): nothing after it is split. */
      problem;
      buf = Buffer.alloc(0);
      /** Offset of buf[0] in the whole text. */
      base = 0;
      pos = 0;
      depth = 0;
      /** Depth at which records are items: 0 (values), 1 (array) or 2 (Records). */
      recDepth = 0;
      inString = false;
      /** Where the string being skipped started (buf offset), to count backslashes before a quote. */
      strStart = 0;
      /** Start of the record in progress (buf offset), or -1. */
      recStart = -1;
      recStartPos = { line: 1, column: 1, offset: 0 };
      recMaxDepth = 0;
      recEscaped = false;
      recKeys = 0;
      /** The next string at the record's top level is a key (after `{` or `,`). */
      keyNext = false;
      strIsKey = false;
      /** A scalar record (a number, true, null) in progress: it ends at the next delimiter. */
      inScalar = false;
      index = 0;
      line = 1;
      /** Offset (whole text) where the current line starts. */
      lineStart = 0;
      /** The Records array was closed: the rest of the text is not records. */
      done = false;
      /** Feed the next chunk; returns the records it completed (their `bytes` are views into this call's buffer). */
      push(chunk) {
        if (this.problem) return [];
        const keep = this.recStart >= 0 ? this.recStart : this.inString ? this.strStart : this.pos;
        const tail = this.buf.subarray(keep);
        this.base += keep;
        this.pos -= keep;
        if (this.recStart >= 0) this.recStart -= keep;
        this.strStart -= keep;
        this.buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        if (this.shape === void 0 && !this.decideShape(false)) return [];
        return this.scan();
      }
      /** The text has ended: a record still open is a problem (the file is cut short). */
      end() {
        const out = [];
        if (this.problem) return { records: out, problem: this.problem };
        if (this.shape === void 0) {
          this.decideShape(true);
          out.push(...this.scan());
        }
        if (this.inScalar) out.push(this.finishRecord(this.buf.length));
        if (this.recStart >= 0 || this.inString || this.shape !== "values" && !this.done && this.depth > 0) {
          const at = this.point(this.buf.length);
          const what = this.recStart >= 0 ? `inside ${this.label(this.index)}` : "before the records are closed";
          return { records: out, problem: { message: `the text ends ${what}: the file is cut short`, range: { start: at, end: at } } };
        }
        return { records: out };
      }
      /** Records[3], [3] or line-based labels are the caller's; this is the index form. */
      label(i) {
        return this.shape === "records" ? `Records[${i}]` : `[${i}]`;
      }
      decideShape(final) {
        let i = 0;
        const bom = [239, 187, 191];
        if (!final && this.buf.length < 3 && [...this.buf].every((b, k) => b === bom[k])) return false;
        if (this.buf.length >= 3 && this.buf[0] === 239 && this.buf[1] === 187 && this.buf[2] === 191) i = 3;
        while (i < this.buf.length && isSpace(this.buf[i])) i++;
        if (i >= this.buf.length && !final) return false;
        const c = this.buf[i];
        if (c === 91) {
          this.shape = "array";
          this.recDepth = 1;
        } else if (c === 123) {
          const head = this.buf.toString("latin1", i, Math.min(this.buf.length, i + 256));
          if (RECORDS_HEAD.test(head)) {
            this.shape = "records";
            this.recDepth = 2;
          } else if (!final && this.buf.length - i < 256 && RECORDS_START.startsWith(head.replace(/\s+/g, ""))) {
            return false;
          } else {
            this.shape = "values";
            this.recDepth = 0;
          }
        } else {
          this.shape = "values";
          this.recDepth = 0;
        }
        this.pos = i;
        return true;
      }
      point(bufOffset) {
        const offset = this.base + bufOffset;
        return { line: this.line, column: offset - this.lineStart + 1, offset };
      }
      startRecord(at) {
        this.recStart = at;
        this.recStartPos = this.point(at);
        this.recMaxDepth = 0;
        this.recEscaped = false;
        this.recKeys = 0;
      }
      finishRecord(endExclusive) {
        const size = endExclusive - this.recStart;
        const tooLarge = size > MAX_RECORD_BYTES;
        const rec = {
          index: this.index++,
          bytes: tooLarge ? Buffer.alloc(0) : this.buf.subarray(this.recStart, endExclusive),
          range: { start: this.recStartPos, end: this.point(endExclusive) },
          tooDeep: this.recMaxDepth > MAX_RECORD_DEPTH,
          tooLarge,
          buf: this.buf,
          start: this.recStart,
          escaped: this.recEscaped,
          keys: this.recKeys
        };
        this.recStart = -1;
        this.inScalar = false;
        return rec;
      }
      scan() {
        const out = [];
        const buf = this.buf;
        const n = buf.length;
        let i = this.pos;
        while (i < n) {
          if (this.inString) {
            let q = i;
            while (q < n) {
              const b = buf[q];
              if (b === QUOTE2) break;
              if (b === BACKSLASH2) {
                this.recEscaped = true;
                q += 2;
              } else q++;
            }
            if (q >= n) {
              i = q;
              break;
            }
            this.inString = false;
            i = q + 1;
            if (this.strIsKey) {
              const len = q - this.strStart;
              if ((len === 9 || len === 11 || len === 12) && buf[this.strStart] === 101) this.recKeys |= keyBit(buf, this.strStart, len);
            }
            if (this.recStart >= 0 && this.depth === this.recDepth) out.push(this.finishRecord(i));
            continue;
          }
          const c = buf[i];
          if (this.inScalar) {
            if (c === 44 || c === 93 || c === 125 || isSpace(c)) out.push(this.finishRecord(i));
            else {
              i++;
              continue;
            }
          }
          if (c === NL) {
            this.line++;
            this.lineStart = this.base + i + 1;
            i++;
            continue;
          }
          if (isSpace(c) || c === 58) {
            i++;
            continue;
          }
          if (c === 44) {
            this.keyNext = this.recStart >= 0 && this.depth === this.recDepth + 1;
            i++;
            continue;
          }
          if (this.done) {
            if (c === QUOTE2) {
              this.inString = true;
              this.strStart = i + 1;
            }
            i++;
            continue;
          }
          const atItem = this.depth === this.recDepth && this.recStart < 0;
          if (c === QUOTE2) {
            if (atItem) this.startRecord(i);
            this.inString = true;
            this.strStart = i + 1;
            this.strIsKey = this.keyNext && this.depth === this.recDepth + 1;
            this.keyNext = false;
            i++;
            continue;
          }
          if (c === 123 || c === 91) {
            if (atItem) this.startRecord(i);
            this.depth++;
            this.keyNext = c === 123 && this.recStart >= 0 && this.depth === this.recDepth + 1;
            if (this.recStart >= 0 && this.depth - this.recDepth > this.recMaxDepth) this.recMaxDepth = this.depth - this.recDepth;
            i++;
            continue;
          }
          if (c === 125 || c === 93) {
            if (this.depth === 0) {
              const at = this.point(i);
              this.problem = { message: `unexpected \`${String.fromCharCode(c)}\`: a bracket closes nothing`, range: { start: at, end: at } };
              break;
            }
            this.depth--;
            i++;
            if (this.recStart >= 0 && this.depth === this.recDepth) out.push(this.finishRecord(i));
            else if (this.depth < this.recDepth && this.shape !== "values") this.done = true;
            continue;
          }
          if (atItem) {
            this.startRecord(i);
            this.inScalar = true;
          }
          i++;
        }
        this.pos = i;
        return out;
      }
    };
  }
});

// src/load/log-read.ts
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
function isGzipFile(path2) {
  const fd = openSync(path2, "r");
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 31 && head[1] === 139;
  } finally {
    closeSync(fd);
  }
}
async function* stdinBytes(isGzip) {
  const it = process.stdin[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const rest = async function* () {
    yield head;
    for (; ; ) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  };
  isGzip(head[0] === 31 && head[1] === 139);
  if (head[0] === 31 && head[1] === 139) {
    const gz = createGunzip({ chunkSize: 256 * 1024 });
    const src = Readable.from(rest());
    src.pipe(gz);
    src.on("error", (e) => gz.destroy(e));
    yield* gz;
  } else yield* rest();
}
async function readLogRecords(path2, onRecords, options) {
  const splitter = new RecordSplitter();
  const diagnostics = [];
  let bytes = 0;
  let overCap;
  const expandedCap = limits().maxExpandedSize;
  const take = async (source) => {
    for await (const chunk of source) {
      bytes += chunk.length;
      if (gz && bytes > expandedCap) throw overCap = new TooLarge(true);
      if (bytes > options.maxBytes) throw overCap = new TooLarge();
      const recs = splitter.push(chunk);
      if (recs.length) onRecords(recs, splitter.shape);
      if (splitter.problem) return;
    }
  };
  let gz = false;
  try {
    if (path2 === STDIN) await take(stdinBytes((z) => gz = z));
    else {
      gz = isGzipFile(path2);
      if (!gz && path2.endsWith(".gz"))
        return {
          bytes,
          diagnostics: [
            {
              severity: "error",
              code: "bad-gzip",
              file: path2,
              message: "the file is named .gz but is not gzip data (it does not start with the gzip magic bytes 1f 8b)",
              hint: "rename it, or give the gzipped file"
            }
          ]
        };
      const file = createReadStream(path2, { highWaterMark: 1024 * 1024 });
      if (gz) await pipeline(file, createGunzip({ chunkSize: 256 * 1024 }), take);
      else await pipeline(file, take);
    }
  } catch (e) {
    const cap = overCap ?? (e instanceof TooLarge ? e : void 0);
    if (cap?.expanded)
      diagnostics.push({
        severity: "error",
        code: "file-too-large",
        file: path2,
        message: `the compressed data expands to more than ${expandedCap} bytes, the limit for compressed input; raise it with --max-expanded-size; the records after that point were not read`,
        hint: "split the file, or raise the limit with --max-expanded-size"
      });
    else if (cap) {
      diagnostics.push({
        severity: "error",
        code: "file-too-large",
        file: path2,
        message: `the ${gz ? "decompressed " : ""}text is over the limit of ${options.maxBytes} bytes; the rest of the file was not read`,
        hint: "split the file, or raise the limit with --max-file-size"
      });
    } else {
      const err = e;
      const zlib = typeof err.code === "string" && err.code.startsWith("Z_");
      diagnostics.push(
        zlib ? {
          severity: "error",
          code: "bad-gzip",
          file: path2,
          message: `cannot decompress the gzip file: ${err.code === "Z_BUF_ERROR" ? "the gzip data ends early (the file is truncated)" : err.message}; the records before the damage were read`,
          hint: "download the file again; CloudTrail writes complete .json.gz files"
        } : {
          severity: "error",
          code: "unreadable",
          file: path2,
          message: `cannot read file (${err.code ?? "error"}): ${err.message}`,
          hint: "check that the file exists and is readable"
        }
      );
    }
    return { ...splitter.shape ? { shape: splitter.shape } : {}, bytes, diagnostics };
  }
  const end = splitter.end();
  if (end.records.length) onRecords(end.records, splitter.shape);
  const problem = end.problem ?? splitter.problem;
  if (problem)
    diagnostics.push({
      severity: "error",
      code: "not-json",
      file: path2,
      range: problem.range,
      message: `not valid JSON: ${problem.message}`,
      hint: 'CloudTrail writes complete {"Records": [...]} files; download it again'
    });
  return { ...splitter.shape ? { shape: splitter.shape } : {}, bytes, diagnostics };
}
var STDIN, TooLarge;
var init_log_read = __esm({
  "src/load/log-read.ts"() {
    "use strict";
    init_limits();
    init_log_split();
    STDIN = "-";
    TooLarge = class extends Error {
      /** True when the cap was the one on what compressed input expands to (--max-expanded-size). */
      constructor(expanded = false) {
        super("too large");
        this.expanded = expanded;
      }
      expanded;
    };
  }
});

// src/common/paths.ts
var init_paths = __esm({
  "src/common/paths.ts"() {
    "use strict";
  }
});

// src/load/plan.ts
var init_plan = __esm({
  "src/load/plan.ts"() {
    "use strict";
  }
});

// node_modules/balanced-match/dist/esm/index.js
var range;
var init_esm = __esm({
  "node_modules/balanced-match/dist/esm/index.js"() {
    range = (a, b, str3) => {
      let begs, beg, left, right = void 0, result;
      let ai = str3.indexOf(a);
      let bi = str3.indexOf(b, ai + 1);
      let i = ai;
      if (ai >= 0 && bi > 0) {
        if (a === b) {
          return [ai, bi];
        }
        begs = [];
        left = str3.length;
        while (i >= 0 && !result) {
          if (i === ai) {
            begs.push(i);
            ai = str3.indexOf(a, i + 1);
          } else if (begs.length === 1) {
            const r = begs.pop();
            if (r !== void 0)
              result = [r, bi];
          } else {
            beg = begs.pop();
            if (beg !== void 0 && beg < left) {
              left = beg;
              right = bi;
            }
            bi = str3.indexOf(b, i + 1);
          }
          i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== void 0) {
          result = [left, right];
        }
      }
      return result;
    };
  }
});

// node_modules/brace-expansion/dist/esm/index.js
function numeric(str3) {
  return !isNaN(str3) ? parseInt(str3, 10) : str3.charCodeAt(0);
}
function escapeBraces(str3) {
  return str3.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str3) {
  return str3.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str3, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str3.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str3.slice(0, r[0]),
    body: str3.slice(r[0] + 1, r[1]),
    post: str3.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open.push(i);
    } else if (c === 125 && open.length) {
      open.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open.length; i++) {
    const at = open[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str3, budget) {
  budget.remaining -= str3.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str3.length - 1; i >= 0; i--) {
    const c = str3.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str3.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str3, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str3, str3, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str3.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str3 = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand2(str3, options = {}) {
  if (!str3) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str3.slice(0, 2) === "{}") {
    str3 = "\\{\\}" + str3.slice(2);
  }
  return expand_(escapeBraces(str3), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str3) {
  return "{" + str3 + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values2, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length3 = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix2 = acc[a] + pre;
    let vs = values2;
    if (dropEmpties && !prefix2) {
      if (!nonEmpty)
        nonEmpty = values2.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix2 + vs[v];
      if (length3 + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length3 += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse2 = y < x;
  if (reverse2) {
    incr *= -1;
    test = gte;
  }
  const pad2 = n.some(isPadded);
  const cost = pad2 ? width : 1;
  let length3 = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad2) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length3 + c.length > maxLength)
      break;
    N.push(c);
    length3 += c.length;
  }
  return N;
}
function expand_(str3, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str3];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str3;
  for (; ; ) {
    const m = balancedWithBudget(str3, masked, budget);
    if (!m) {
      return combine(acc, str3, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal2 = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str3 = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str3 = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal2();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values2;
    if (isSequence) {
      values2 = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values2) {
        return literal2();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal2();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal2();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal2();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str3 = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values2 = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal2();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values2.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values2.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values2, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal2();
    }
    acc = next;
    if (!m.post.length)
      break;
    str3 = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}
var escSlash, escOpen, escClose, escComma, escPeriod, escSlashPattern, escOpenPattern, escClosePattern, escCommaPattern, escPeriodPattern, slashPattern, openPattern, closePattern, commaPattern, periodPattern, EXPANSION_MAX, EXPANSION_MAX_LENGTH, EXPANSION_MAX_DEPTH, EXPANSION_MAX_REWRITES, EXPANSION_MAX_STEPS, CALL_STEPS;
var init_esm2 = __esm({
  "node_modules/brace-expansion/dist/esm/index.js"() {
    init_esm();
    escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
    escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
    escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
    escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
    escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
    escSlashPattern = new RegExp(escSlash, "g");
    escOpenPattern = new RegExp(escOpen, "g");
    escClosePattern = new RegExp(escClose, "g");
    escCommaPattern = new RegExp(escComma, "g");
    escPeriodPattern = new RegExp(escPeriod, "g");
    slashPattern = /\\\\/g;
    openPattern = /\\{/g;
    closePattern = /\\}/g;
    commaPattern = /\\,/g;
    periodPattern = /\\\./g;
    EXPANSION_MAX = 1e5;
    EXPANSION_MAX_LENGTH = 4e6;
    EXPANSION_MAX_DEPTH = 1e3;
    EXPANSION_MAX_REWRITES = 1e3;
    EXPANSION_MAX_STEPS = 2e7;
    CALL_STEPS = 16;
  }
});

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit, prefix, fixed, nonneg, numericRange;
var init_numeric_range = __esm({
  "node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js"() {
    digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
    prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
    fixed = (a, b) => {
      if (!a)
        return [[]];
      let lo = +a[0];
      let hi = +b[0];
      const ra = a.slice(1);
      const rb = b.slice(1);
      if (lo === hi)
        return prefix(lo, fixed(ra, rb));
      const zeros = "0".repeat(ra.length);
      const nines = "9".repeat(ra.length);
      const out = [];
      if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
      const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
      if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
      }
      out.push(...last);
      return out;
    };
    nonneg = (a, b, width) => {
      if (width) {
        return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
      }
      const out = [];
      for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
      }
      return out;
    };
    numericRange = (loStr, hiStr) => {
      let lo = Number(loStr);
      let hi = Number(hiStr);
      if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
      if (lo > hi)
        [lo, hi] = [hi, lo];
      const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
      const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
      const out = [];
      if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
      }
      if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
      return out;
    };
  }
});

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses, braceEscape, noMatch, parseClass;
var init_parse_class = __esm({
  "node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js"() {
    posixClasses = {
      "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
      "[:alpha:]": ["\\p{L}\\p{Nl}"],
      "[:ascii:]": ["\\x00-\\x7f"],
      "[:blank:]": ["\\p{Zs}\\t"],
      "[:cntrl:]": ["\\p{Cc}"],
      "[:digit:]": ["\\p{Nd}"],
      "[:graph:]": ["\\p{Z}\\p{C}", true],
      "[:lower:]": ["\\p{Ll}"],
      "[:print:]": ["\\p{C}", true],
      "[:punct:]": ["\\p{P}\\p{S}"],
      "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
      "[:upper:]": ["\\p{Lu}"],
      "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
      "[:xdigit:]": ["A-Fa-f0-9"]
    };
    braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
    noMatch = /$./;
    parseClass = (glob, position, nocase = false, form) => {
      const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
      };
      const pos = position;
      if (glob.charAt(pos) !== "[") {
        throw new Error("not in a brace expression");
      }
      const ranges = [];
      const negs = [];
      let i = pos + 1;
      let sawStart = false;
      let escaping = false;
      let negate = false;
      let endPos = pos;
      let rangeStart = "";
      WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === "!" || c === "^") && i === pos + 1) {
          negate = true;
          i++;
          continue;
        }
        if (c === "]" && sawStart && !escaping) {
          endPos = i + 1;
          break;
        }
        sawStart = true;
        if (c === "\\") {
          if (!escaping) {
            escaping = true;
            i++;
            continue;
          }
        }
        if (c === "[" && !escaping) {
          for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
            if (glob.startsWith(cls, i)) {
              if (rangeStart) {
                return [noMatch, glob.length - pos];
              }
              i += cls.length;
              if (neg)
                negs.push(unip);
              else
                ranges.push(unip);
              continue WHILE;
            }
          }
        }
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
          if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
            ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
          } else if (n === rangeStart) {
            ranges.push(braceEscape(n));
          }
          rangeStart = "";
          i += c.length;
          continue;
        }
        if (glob.startsWith("-]", i + c.length)) {
          ranges.push(braceEscape(n + "-"));
          i += c.length + 1;
          continue;
        }
        if (glob.startsWith("-", i + c.length)) {
          rangeStart = n;
          i += c.length + 1;
          continue;
        }
        ranges.push(braceEscape(n));
        i += c.length;
      }
      if (endPos < i) {
        return [noMatch, 0];
      }
      if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
      }
      const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
      const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
      const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
      return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
    };
  }
});

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH, extTypes, lit, reEscape, newFoldRe, foldCache, foldRe, litMatch, tokenize2, pair, build, normalize2, compile, show, State, sameState, marks, Sim, stateKey, DFA_BUDGET, Dfa, linear2, testLinear, lengths, itemLengths, hasAffix, slashOrSurrogate, surrogate, codePoints, noSlash, Matcher;
var init_esm3 = __esm({
  "node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js"() {
    init_numeric_range();
    init_parse_class();
    MATCH = { t: "match", id: 0 };
    extTypes = "!?+*@";
    lit = (ch) => ({ t: "lit", ch });
    reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
    foldCache = /* @__PURE__ */ new Map();
    foldRe = (ch) => {
      let re = foldCache.get(ch);
      if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1e3)
          foldCache.clear();
        foldCache.set(ch, re);
      }
      return re;
    };
    litMatch = (l, c) => {
      if (c === l.ch)
        return true;
      if (!l.re)
        return false;
      const code = c.charCodeAt(0);
      if (code >= 128)
        return l.re.test(c);
      const ascii = l.ascii ??= new Uint8Array(128);
      ascii[code] ||= l.re.test(c) ? 1 : 2;
      return ascii[code] === 1;
    };
    tokenize2 = (p, nocase, noext, form, mark) => {
      const toks = [];
      for (let i = 0; i < p.length; ) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
          const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
          if (m || c === mark) {
            const start = i + m + mark.length;
            const end = p.indexOf(mark, start);
            const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
            const alts = end !== -1 && r && numericRange(r[1], r[2]);
            if (alts) {
              toks.push({ t: "ext", type: "@", alts });
              i = end + mark.length;
              continue;
            }
          }
        }
        if (c === "\\") {
          const e = p.codePointAt(i + 1);
          const ch = e === void 0 ? c : String.fromCodePoint(e);
          toks.push(lit(ch));
          i += 1 + ch.length;
          continue;
        }
        if (c === "[") {
          const [re, consumed] = parseClass(p, i, nocase, form);
          if (consumed) {
            toks.push({ t: "class", re });
            i += consumed;
            continue;
          }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
          toks.push({ t: "open", type: c });
          i += 2;
          continue;
        }
        toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
        i += c.length;
      }
      return toks;
    };
    pair = (toks) => {
      const pairs = /* @__PURE__ */ new Map();
      const stack = [];
      toks.forEach((tok, i) => {
        if (tok.t === "open")
          stack.push(i);
        else if (tok.t === "close" && stack.length)
          pairs.set(stack.pop(), i);
      });
      return pairs;
    };
    build = (toks, pairs, start, end, top) => {
      let seq = [];
      const alts = [seq];
      for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === "open" && close !== void 0) {
          const sub = build(toks, pairs, i + 1, close, false);
          seq.push({ t: "ext", type: tok.type, alts: sub });
          i = close;
        } else if (tok.t === "bar" && !top) {
          alts.push(seq = []);
        } else if (tok.t === "open") {
          seq.push(lit(tok.type), lit("("));
        } else if (tok.t === "bar") {
          seq.push(lit("|"));
        } else if (tok.t === "close") {
          seq.push(lit(")"));
        } else {
          seq.push(tok);
        }
      }
      return alts;
    };
    normalize2 = (items, form) => {
      const out = [];
      let run = "";
      const flush = () => {
        for (const ch of run.normalize(form))
          out.push(lit(ch));
        run = "";
      };
      for (const it of items) {
        if (it.t === "lit") {
          run += it.ch;
          continue;
        }
        flush();
        out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize2(a, form)) } : it);
      }
      flush();
      return out;
    };
    compile = (items, nocase) => {
      let id = 1;
      const split2 = (out) => ({ t: "split", id: id++, out });
      const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
      const item = (it, next) => {
        switch (it.t) {
          case "lit":
            const re = nocase ? foldRe(it.ch) : void 0;
            return { t: "lit", id: id++, ch: it.ch, re, next };
          case "any":
          case "star":
            return { t: it.t, id: id++, next };
          case "class":
            return { t: "class", id: id++, re: it.re, next };
        }
        const alts = (next2) => it.alts.map((a) => seq(a, next2));
        switch (it.type) {
          case "@":
            return split2(alts(next));
          case "?":
            return split2([next, ...alts(next)]);
          case "!":
            return { t: "neg", id: id++, sub: split2(alts(MATCH)), next };
        }
        const after2 = split2([]);
        const entry = split2(alts(after2));
        after2.out.push(next, entry);
        return it.type === "*" ? after2 : entry;
      };
      const start = seq(items, MATCH);
      return [start, id];
    };
    show = (start) => {
      const lines = [];
      const seen = /* @__PURE__ */ new Set();
      const ref = (n) => n.t === "match" ? "match" : String(n.id);
      const walk = (n, indent2) => {
        if (n.t === "match" || seen.has(n))
          return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent2}${n.id}: ${desc}`);
        switch (n.t) {
          case "split":
            line(`split -> ${n.out.map(ref).join(", ")}`);
            for (const o of n.out)
              walk(o, indent2);
            return;
          case "neg":
            line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
            walk(n.sub, indent2 + "  ");
            return walk(n.next, indent2);
          case "lit":
            line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
            break;
          case "class":
            line(`${n.re} -> ${ref(n.next)}`);
            break;
          default:
            line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
        }
        walk(n.next, indent2);
      };
      walk(start, "");
      return [`start -> ${ref(start)}`, ...lines].join("\n");
    };
    State = class {
      // set by the Sim, to mark the nodes that this state has
      gen;
      threads = [];
      match = false;
      runs = [];
      // the sorted ids of the threads, with 0 for a match, once the
      // state is done
      ids = [];
      constructor(gen) {
        this.gen = gen;
      }
      // no threads, so nothing more can match
      get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
      }
    };
    sameState = (a, b) => {
      if (a.ids.length !== b.ids.length)
        return false;
      if (a.runs.length !== b.runs.length)
        return false;
      if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
      return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
    };
    marks = (size) => ({
      has: new Float64Array(size),
      seen: new Float64Array(size),
      gen: 0
    });
    Sim = class {
      // `.` and `..` only match literal dots, even with `dot:true`
      dots;
      // the string starts with `.`, and `dot:true` is not set
      dotStart;
      #marks;
      constructor(dots, dotStart, marks2) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks2;
      }
      state() {
        return new State(++this.#marks.gen);
      }
      // sort the ids of a state, once it has all of its threads
      done(state) {
        state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
        if (state.match)
          state.ids.unshift(MATCH.id);
        return state;
      }
      // true the first time that the state walks through the node, so
      // that loops in the graph stop
      #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
          return false;
        seen[node.id] = state.gen;
        return true;
      }
      #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
          return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
      }
      // wildcards only match a leading dot if `dot:true`. In a negated
      // sub-pattern, this does not apply, because the negation itself
      // can not match a leading dot.
      restricted(i, top) {
        return top && (this.dots || this.dotStart && i === 0);
      }
      add(state, node, i, top) {
        switch (node.t) {
          case "split":
            if (!this.#visit(state, node))
              return;
            for (const o of node.out)
              this.add(state, o, i, top);
            return;
          case "neg":
            if (!this.#visit(state, node))
              return;
            const sub = this.state();
            this.add(sub, node.sub, i, false);
            this.done(sub);
            return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
          case "star":
            if (this.restricted(i, top))
              return;
            if (this.#addThread(state, node))
              this.add(state, node.next, i, top);
            return;
          case "match":
            state.match = true;
            return;
          default:
            this.#addThread(state, node);
        }
      }
      addRun(state, run, i, top) {
        for (const r of state.runs) {
          if (r.neg === run.neg && sameState(r.state, run.state))
            return;
        }
        state.runs.push(run);
        if (!run.state.match) {
          this.add(state, run.neg.next, i, top);
        }
      }
      // the threads after char `c`, at index `i`
      step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
          switch (th.t) {
            case "lit":
              if (litMatch(th, c)) {
                this.add(next, th.next, i + 1, top);
              }
              break;
            case "any":
              if (!this.restricted(i, top))
                this.add(next, th.next, i + 1, top);
              break;
            case "class":
              if (!this.restricted(i, top) && th.re.test(c)) {
                this.add(next, th.next, i + 1, top);
              }
              break;
            case "star":
              if (!this.restricted(i, top))
                this.add(next, th, i + 1, top);
          }
        }
        if (!this.restricted(i, top)) {
          for (const run of state.runs) {
            if (run.state.dead) {
              this.addRun(next, run, i + 1, top);
              continue;
            }
            const sub = this.step(run.state, c, i, false);
            this.addRun(next, { t: "run", neg: run.neg, state: sub }, i + 1, top);
          }
        }
        return this.done(next);
      }
    };
    stateKey = (state) => {
      const ids = state.ids.join();
      if (!state.runs.length)
        return ids;
      const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
      return `${ids}|${runs.sort().join("|")}`;
    };
    DFA_BUDGET = 1 << 18;
    Dfa = class {
      #start;
      #states = /* @__PURE__ */ new Map();
      #size = 0;
      #plain;
      #dotStart;
      #sim;
      #dotSim;
      constructor(start, marks2) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks2);
        this.#dotSim = new Sim(false, true, marks2);
      }
      #make(state) {
        return {
          state,
          match: state.match,
          dead: state.dead,
          next: /* @__PURE__ */ new Map()
        };
      }
      #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
          return found;
        if (this.#size > DFA_BUDGET)
          this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
      }
      #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = void 0;
        this.#dotStart = void 0;
      }
      start(dotStart) {
        if (dotStart) {
          if (this.#dotStart)
            return this.#dotStart;
          const state2 = this.#dotSim.state();
          this.#dotSim.add(state2, this.#start, 0, true);
          return this.#dotStart = this.#make(this.#dotSim.done(state2));
        }
        if (this.#plain)
          return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return this.#plain = this.#intern(this.#sim.done(state));
      }
      // the next state, after a miss in `d.ascii`
      next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? void 0 : d.next.get(c);
        if (found)
          return found;
        const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
          if (!d.ascii) {
            d.ascii = new Array(128);
            this.#size += 128;
          }
          d.ascii[code] = n;
        } else {
          d.next.set(c, n);
        }
        this.#size++;
        return n;
      }
    };
    linear2 = (start) => {
      const nodes = [];
      for (let n = start; n.t !== "match"; n = n.next) {
        if (n.t === "split" || n.t === "neg")
          return void 0;
        nodes.push(n);
      }
      return nodes;
    };
    testLinear = (nodes, chars, start, end) => {
      let ni = 0;
      let ci = start;
      let starNi = -1;
      let starCi = 0;
      while (ci < end) {
        const n = nodes[ni];
        if (n?.t === "star") {
          starNi = ni++;
          starCi = ci;
          continue;
        }
        const c = chars[ci];
        if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
          ni++;
          ci++;
          continue;
        }
        if (starNi === -1)
          return false;
        ni = starNi + 1;
        ci = ++starCi;
      }
      while (nodes[ni]?.t === "star")
        ni++;
      return ni === nodes.length;
    };
    lengths = (items) => {
      let min = 0;
      let max = 0;
      for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
      }
      return [min, max];
    };
    itemLengths = (it) => {
      if (it.t === "star")
        return [0, Infinity];
      if (it.t !== "ext")
        return [1, 1];
      if (it.type === "!")
        return [0, Infinity];
      const alts = it.alts.map(lengths);
      const min = Math.min(...alts.map((a) => a[0]));
      const max = Math.max(...alts.map((a) => a[1]));
      const loop = max === 0 ? 0 : Infinity;
      return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
    };
    hasAffix = (lits, chars, start) => {
      for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
          return false;
      }
      return true;
    };
    slashOrSurrogate = /[/\ud800-\udfff]/;
    surrogate = /[\ud800-\udfff]/;
    codePoints = (s) => surrogate.test(s) ? [...s] : s;
    noSlash = (s) => {
      if (s.includes("/")) {
        throw new Error("can only match a single path portion, got: " + s);
      }
    };
    Matcher = class {
      pattern;
      options;
      #start;
      // the number of node ids
      #size;
      #marks;
      // the Sim for strings that are only `.` or `..`
      #dotsSim;
      // the string to compare, if the pattern has no magic. With
      // `nocase:true`, the RegExp that folds case is made when it is
      // first used.
      #literal;
      #literalFold = false;
      #literalRe;
      // the nodes between the prefix and suffix, if the graph is a
      // single chain
      #linear;
      // the linear nodes are only `*` and `?`, so the length bounds and
      // the prefix and suffix decide the match
      #wild = false;
      // the least and most chars that a match can have
      #min = 0;
      #max = Infinity;
      // the literals that a match must start and end with. Each one
      // matches exactly one char, and they are distinct items in the
      // pattern, so a string that does not have them can not match.
      #prefix = [];
      #suffix = [];
      // the prefix and suffix as strings, if they do not fold case
      #prefixStr;
      #suffixStr;
      // there is a prefix or suffix to check
      #affix = false;
      #dfa;
      #form;
      constructor(pattern, options = {}) {
        if (pattern.includes("/")) {
          throw new Error("can only match a single path portion, got pattern: " + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? "NFC" : n || void 0;
        const literal2 = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize2(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
          items = normalize2(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every((it) => it.t === "lit")) {
          this.#literal = items.map((it) => it.ch).join("");
          this.#literalFold = nocase;
        } else {
          const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
          for (const it of items) {
            const l = lit2(it);
            if (!l)
              break;
            this.#prefix.push(l);
          }
          for (let j = items.length - 1; j >= 0; j--) {
            const l = lit2(items[j]);
            if (!l)
              break;
            this.#suffix.unshift(l);
          }
          this.#affix = !!(this.#prefix.length || this.#suffix.length);
          if (!nocase) {
            this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
            this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
          }
          this.#linear = linear2(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
          this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
          const [min, max] = lengths(items);
          this.#min = min;
          this.#max = max;
        }
      }
      test(s) {
        if (this.#form) {
          noSlash(s);
          return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
          noSlash(s);
          return this.#test(s, [...s]);
        }
        return this.#test(s, s);
      }
      /**
       * The same as {@link Matcher#test}, but the string is not checked
       * for `/` chars, so the result for a string that has one is not
       * defined. Only use it for a string that is known to be one path
       * portion, such as a part of a path that was split on `/`. It can
       * be faster, because some patterns do not need to look at each char
       * of the string.
       */
      testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
      }
      // Test a string that has no `/`. `chars` indexes it by code point.
      // If it is not given, it is only found if a step needs it.
      #test(s, chars) {
        if (this.#literal !== void 0) {
          return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
        }
        const min = this.#min;
        const max = this.#max;
        if (chars === void 0) {
          const most = s.length;
          const least = most + 1 >> 1;
          if (most < min || least > max)
            return false;
          if (least < min || most > max)
            chars = codePoints(s);
        }
        if (chars !== void 0 && (chars.length < min || chars.length > max)) {
          return false;
        }
        const prefix2 = this.#prefix.length;
        if (this.#affix) {
          if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
            if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
              return false;
            }
          } else {
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
              return false;
            }
          }
        }
        const dotStart = !this.options.dot && s.startsWith(".");
        if (this.#linear) {
          if (s === "." || s === "..")
            return false;
          if (dotStart && !prefix2)
            return false;
          if (this.#wild)
            return true;
          chars ??= codePoints(s);
          const end = chars.length - this.#suffix.length;
          return testLinear(this.#linear, chars, prefix2, end);
        }
        chars ??= codePoints(s);
        if (s === "." || s === "..") {
          this.#marks ??= marks(this.#size);
          const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
          const start = sim.state();
          sim.add(start, this.#start, 0, true);
          let state = sim.done(start);
          for (let i = 0; i < chars.length; i++) {
            state = sim.step(state, chars[i], i, true);
          }
          return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
        let d = dfa.start(dotStart);
        const str3 = chars === s;
        for (let i = 0; i < chars.length; i++) {
          if (d.dead)
            return false;
          const code = str3 ? s.charCodeAt(i) : chars[i].charCodeAt(0);
          d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
      }
      /** a readable listing of the state machine */
      toString() {
        return show(this.#start);
      }
    };
  }
});

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH, assertValidPattern;
var init_assert_valid_pattern = __esm({
  "node_modules/minimatch/dist/esm/assert-valid-pattern.js"() {
    MAX_PATTERN_LENGTH = 1024 * 64;
    assertValidPattern = (pattern) => {
      if (typeof pattern !== "string") {
        throw new TypeError("invalid pattern");
      }
      if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError("pattern is too long");
      }
    };
  }
});

// node_modules/minimatch/dist/esm/escape.js
var escape;
var init_escape = __esm({
  "node_modules/minimatch/dist/esm/escape.js"() {
    escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
      const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
      const c = e.charAt(0);
      if (c === "#") {
        return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
      }
      if (c === "!") {
        return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
      }
      return e;
    };
  }
});

// node_modules/minimatch/dist/esm/unescape.js
var unescape;
var init_unescape = __esm({
  "node_modules/minimatch/dist/esm/unescape.js"() {
    unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
      if (windowsPathsNoEscape && s.startsWith("@(!)")) {
        return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
      }
      if (magicalBraces) {
        return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
      }
      return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
    };
  }
});

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX, DEFAULT_GLOB_STAR_RECURSION_MAX, AWE_KEY, minimatch, cache3, oldCache, cacheSize, cacheTotalWeight, cacheMax, cacheMaxWeight, cacheMaxEntryWeight, cacheWeight, tri, booleanWeights, optionsKey, copyOptions, cachedMinimatch, defaultPlatform, path, sep, GLOBSTAR, filter2, ext, defaults, braceExpand, RANGE_MIN, rangeRe, inRepeatOrNegExt, match, globMagic, classEnd, literal, MAX_EXTGLOBS, extglobCount, assertValidExtglobs, extSafe, lastSplit, lastChecked, portionMatch, endIndex, isDots, isDrive, isLongUNC, uncHost, walkable, dotPortion, isSep, nextSep, lastSep, PENDING2, Minimatch;
var init_esm4 = __esm({
  "node_modules/minimatch/dist/esm/index.js"() {
    init_esm2();
    init_esm3();
    init_assert_valid_pattern();
    init_escape();
    init_unescape();
    init_escape();
    init_unescape();
    DEFAULT_BRACE_EXPAND_MAX = 1e5;
    DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
    AWE_KEY = "allowWindowsEscape";
    minimatch = (p, pattern, options) => {
      assertValidPattern(pattern);
      if (!options?.nocomment && pattern.charAt(0) === "#") {
        return false;
      }
      return cachedMinimatch(pattern, options).match(p);
    };
    cache3 = /* @__PURE__ */ new Map();
    oldCache = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
    cacheMax = 256;
    cacheMaxWeight = 1 << 15;
    cacheMaxEntryWeight = 1 << 12;
    cacheWeight = (mm) => {
      let w = mm.pattern.length;
      for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
          break;
      }
      return w;
    };
    tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
    booleanWeights = new Map(Object.keys({
      nobrace: 0,
      nocomment: 0,
      nonegate: 0,
      noglobstar: 0,
      noext: 0,
      nonull: 0,
      partial: 0,
      dot: 0,
      nocase: 0,
      nocaseMagicOnly: 0,
      magicalBraces: 0,
      matchBase: 0,
      flipNegate: 0,
      preserveMultipleSlashes: 0,
      windowsNoMagicRoot: 0
    }).map((k, i) => [k, 24 * 3 ** i]));
    optionsKey = (o) => {
      let n = 0;
      let wpe = false;
      for (const k in o) {
        const v = o[k];
        switch (k) {
          // the same test as the Minimatch constructor
          case "windowsPathsNoEscape":
            if (v)
              wpe = true;
            break;
          case AWE_KEY:
            if (v === false)
              wpe = true;
            break;
          case "platform": {
            const p = v || defaultPlatform;
            if (p === defaultPlatform)
              break;
            if (p === "darwin")
              n += 3;
            else if (p === "win32")
              n += 6;
            else if (p === "linux")
              n += 9;
            else
              return JSON.stringify(o);
            break;
          }
          case "optimizationLevel":
            if (v === void 0)
              break;
            n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
            break;
          case "braceExpandMax":
            if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
              return JSON.stringify(o);
            }
            break;
          case "maxGlobstarRecursion":
            if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
              return JSON.stringify(o);
            }
            break;
          case "normalize":
            if (v !== void 0)
              return JSON.stringify(o);
            break;
          default:
            n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
      }
      return wpe ? n + 12 : n;
    };
    copyOptions = (o) => {
      const copy = {};
      for (const k in o)
        copy[k] = o[k];
      return copy;
    };
    cachedMinimatch = (pattern, options) => {
      const key = options ? optionsKey(options) : 0;
      let mm = cache3.get(key)?.get(pattern);
      if (mm)
        return mm;
      mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
      const weight = cacheWeight(mm);
      if (weight > cacheMaxEntryWeight)
        return mm;
      if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache3;
        cache3 = /* @__PURE__ */ new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
      }
      let byPattern = cache3.get(key);
      if (!byPattern)
        cache3.set(key, byPattern = /* @__PURE__ */ new Map());
      byPattern.set(pattern, mm);
      cacheSize++;
      cacheTotalWeight += weight;
      return mm;
    };
    defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
    path = {
      win32: { sep: "\\" },
      posix: { sep: "/" }
    };
    sep = defaultPlatform === "win32" ? path.win32.sep : path.posix.sep;
    minimatch.sep = sep;
    GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
    minimatch.GLOBSTAR = GLOBSTAR;
    filter2 = (pattern, options) => {
      let mm;
      return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
    };
    minimatch.filter = filter2;
    ext = (a, b = {}) => Object.assign({}, a, b);
    defaults = (def) => {
      if (!def || typeof def !== "object" || !Object.keys(def).length) {
        return minimatch;
      }
      const orig = minimatch;
      const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
      return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
          constructor(pattern, options = {}) {
            super(pattern, ext(def, options));
          }
          static defaults(options) {
            return orig.defaults(ext(def, options)).Minimatch;
          }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list3, pattern, options = {}) => orig.match(list3, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR
      });
    };
    minimatch.defaults = defaults;
    braceExpand = (pattern, options = {}) => {
      assertValidPattern(pattern);
      if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        return [pattern];
      }
      let p = pattern.replace(/\\\\/g, "\\\\\\\\");
      if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, "[\\$1]");
      }
      return expand2(p, { max: options.braceExpandMax });
    };
    minimatch.braceExpand = braceExpand;
    RANGE_MIN = 100;
    rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
    inRepeatOrNegExt = (portion, mark) => {
      const stack = [];
      for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === "\\") {
          i++;
        } else if (c === mark) {
          if (stack.some((t) => t !== "@" && t !== "?"))
            return true;
        } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
          stack.push(c);
          i++;
        } else if (c === ")") {
          stack.pop();
        }
      }
      return false;
    };
    match = (list3, pattern, options = {}) => {
      const mm = new Minimatch(pattern, options);
      list3 = list3.filter((f) => mm.match(f));
      if (mm.options.nonull && !list3.length) {
        list3.push(pattern);
      }
      return list3;
    };
    minimatch.match = match;
    globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
    classEnd = (pattern, start) => {
      let i = start + 1;
      if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
        i++;
      let sawStart = false;
      for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === "]" && sawStart)
          return i;
        sawStart = true;
        if (c === "\\")
          i++;
      }
      return -1;
    };
    literal = (pattern, noext) => {
      if (!noext && (pattern === "+()" || pattern === "@()"))
        return pattern;
      let lit2 = "";
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === "\\") {
          lit2 += pattern.charAt(++i) || c;
        } else if (c === "*" || c === "?") {
          return void 0;
        } else if (c === "[") {
          const close = classEnd(pattern, i);
          if (close === -1) {
            lit2 += c;
            continue;
          }
          let body = pattern.slice(i + 1, close);
          if (body.startsWith("\\"))
            body = body.slice(1);
          if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
            return void 0;
          }
          lit2 += body;
          i = close;
        } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
          return void 0;
        } else {
          lit2 += c;
        }
      }
      return lit2;
    };
    MAX_EXTGLOBS = 256;
    extglobCount = (pattern) => {
      let n = 0;
      for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === "\\") {
          i++;
        } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
          n++;
          i++;
        }
      }
      return n;
    };
    assertValidExtglobs = (pattern) => {
      if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError("pattern has too many extglobs");
      }
    };
    extSafe = (pattern) => {
      if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
        return false;
      let depth = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === "\\") {
          if (++i === pattern.length)
            return false;
        } else if (c === "[") {
          const close = classEnd(pattern, i);
          if (close !== -1)
            i = close;
        } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
          depth++;
          i++;
        } else if (c === ")") {
          if (!depth--)
            return false;
        } else if (c === "|" && !depth) {
          return false;
        }
      }
      return !depth;
    };
    portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
    endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
    isDots = (p) => p === "." || p === "..";
    isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
    isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
    uncHost = (p) => {
      if (p[0] !== "" || p[1] !== "")
        return -1;
      const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
      const host = p[h];
      const share = p[h + 1];
      return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
    };
    walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
    dotPortion = (f, start, end, dot, sep2) => {
      for (let k = start; k < end; ) {
        if (f.charCodeAt(k) === 46) {
          if (!dot)
            return true;
          const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
          if (n >= end || isSep(f.charCodeAt(n), sep2))
            return true;
        }
        const s = nextSep(f, k, sep2);
        if (s === -1)
          return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep2))
          k++;
      }
      return false;
    };
    isSep = (c, sep2) => sep2 === "/" ? c === 47 : sep2 === "\\" ? c === 92 : c === 47 || c === 92;
    nextSep = (f, from, sep2) => {
      if (sep2 !== "both")
        return f.indexOf(sep2, from);
      const s = f.indexOf("/", from);
      const b = f.indexOf("\\", from);
      return s === -1 ? b : b === -1 ? s : Math.min(s, b);
    };
    lastSep = (f, from, sep2) => sep2 !== "both" ? f.lastIndexOf(sep2, from) : Math.max(f.lastIndexOf("/", from), f.lastIndexOf("\\", from));
    PENDING2 = {};
    Minimatch = class {
      options;
      set;
      pattern;
      windowsPathsNoEscape;
      nonegate;
      negate;
      comment;
      empty;
      preserveMultipleSlashes;
      partial;
      globSet;
      globParts;
      nocase;
      isWindows;
      platform;
      windowsNoMagicRoot;
      maxGlobstarRecursion;
      // the path can be checked against the last portion, and the string
      // portions, of each row before it is split. See #canMatch.
      #endCheck;
      #literalCheck;
      // level 2 resolves `.` and `..` portions in the path
      #level2;
      // the unicode normalization form, if any
      #form;
      // the string portions of each row in the set
      #literals = [];
      // the rows that #canMatch can match without splitting the path
      #shapes = [];
      // the rows whose last portion can be checked against the path's
      #endRows = [];
      // brace expansion can make the same portion in many rows, so they
      // share one Matcher, and the states that it caches
      #matchers = /* @__PURE__ */ new Map();
      // parse() returns PENDING in place of a Matcher
      #pending = false;
      // the char that marks numeric ranges in globSet, if any
      #rangeMark;
      // the GlobstarParts of each pattern row, by start index and partial
      #globstarParts = /* @__PURE__ */ new WeakMap();
      constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === "win32";
        this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
          this.pattern = this.pattern.replace(/\\/g, "/");
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? "NFC" : n || void 0;
        this.make();
        const drives = this.set.map((row) => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        this.#literals = this.set.map((row, r) => {
          const end = this.#endRows[r] ? row.length - 1 : row.length;
          const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
          return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some((l) => l.length);
        this.#shapes = this.set.map((row, r) => {
          const [p0, p1, p2] = row;
          if (this.#endRows[r] && row.length === 2) {
            if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
              return "tail";
          }
          if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
            return "base";
          }
          if (!this.#endCheck || drives[r] !== -1)
            return void 0;
          if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
          this.maxGlobstarRecursion > 0) {
            return "mid";
          }
          if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
            return "head";
          }
          return void 0;
        });
      }
      // a string portion of a pattern, normalized if the option is set
      #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
      }
      // On Windows, the index of the last root portion of a row, as
      // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
      // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
      // -1.
      #rootIndex(row) {
        if (!this.isWindows)
          return -1;
        if (isDrive(row[0]))
          return 0;
        const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
        if (uncDrive)
          return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
      }
      hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
          return true;
        }
        for (const pattern of this.set) {
          for (const part of pattern) {
            if (typeof part !== "string")
              return true;
          }
        }
        return false;
      }
      make() {
        const pattern = this.pattern;
        const options = this.options;
        if (!options.nocomment && pattern.charAt(0) === "#") {
          this.comment = true;
          return;
        }
        if (!pattern) {
          this.empty = true;
          return;
        }
        this.parseNegate();
        this.globSet = [...new Set(this.#expandBraces())];
        const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
          if (this.isWindows && this.windowsNoMagicRoot) {
            const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
            const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
            const isDrive2 = /^[a-z]:/i.test(s[0]);
            if (isUNC) {
              return [
                ...s.slice(0, n).map((p) => this.#norm(p)),
                ...s.slice(n).map((ss) => this.parse(ss))
              ];
            } else if (isDrive2) {
              return [
                this.#norm(s[0]),
                ...s.slice(1).map((ss) => this.parse(ss))
              ];
            }
          }
          return s.map((ss) => this.parse(ss));
        });
        this.set = set.filter((s) => s.indexOf(false) === -1);
        if (this.isWindows) {
          for (let i = 0; i < this.set.length; i++) {
            const p = this.set[i];
            if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
              if (isLongUNC(this.globParts[i][3]))
                p[3] = "UNC";
              p[2] = "?";
            }
          }
        }
        if (!options.noext)
          this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
          for (let k = 0; k < row.length; k++) {
            if (row[k] === PENDING2) {
              row[k] = this.parse(this.globParts[i][k]);
            }
          }
        });
      }
      // Merge rows that only differ in one portion, where each of them
      // is a Matcher, into one row that matches any of them with
      // `@(a|b|...)`. Then a path is only walked once for all of them,
      // for example with `**/*.{js,ts}`.
      mergeRows() {
        let merged = true;
        while (merged) {
          merged = false;
          if (this.set.length < 2)
            return;
          let keys2 = this.#mergeKeys();
          const len = Math.max(0, ...this.set.map((r) => r.length));
          for (let k = 0; k < len; k++) {
            const groups = /* @__PURE__ */ new Map();
            const R = this.set.length + 1;
            this.set.forEach((row, i) => {
              if (!(row[k] instanceof Matcher || row[k] === PENDING2) || !extSafe(this.globParts[i][k])) {
                return;
              }
              const { pre, suf } = keys2[i];
              const key = pre[k] * R + suf[k + 1];
              const g = groups.get(key);
              if (g)
                g.push(i);
              else
                groups.set(key, [i]);
            });
            const drop = /* @__PURE__ */ new Set();
            for (const g of groups.values()) {
              if (g.length < 2)
                continue;
              const [first, ...rest] = g;
              const alts = g.map((i) => this.globParts[i][k]);
              const glob = `@(${alts.join("|")})`;
              if (extglobCount(glob) > MAX_EXTGLOBS)
                continue;
              this.globParts[first][k] = glob;
              this.set[first][k] = this.parse(glob);
              for (const i of rest)
                drop.add(i);
            }
            if (drop.size) {
              merged = true;
              this.set = this.set.filter((_, i) => !drop.has(i));
              this.globParts = this.globParts.filter((_, i) => !drop.has(i));
              if (this.set.length < 2)
                return;
              keys2 = this.#mergeKeys();
            }
          }
        }
      }
      // For each row, number ids for its prefixes and suffixes, such that
      // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
      // Two rows are the same other than at portion k exactly when they
      // have the same pre[k] and suf[k + 1]. This is linear in the size of
      // the rows, where joining the whole row for every k was quadratic.
      #mergeKeys() {
        const partIds = /* @__PURE__ */ new Map();
        const ids = this.globParts.map((parts) => parts.map((s) => {
          let id = partIds.get(s);
          if (id === void 0)
            partIds.set(s, id = partIds.size);
          return id;
        }));
        const P = partIds.size;
        const len = Math.max(0, ...ids.map((r) => r.length));
        const keys2 = ids.map((r) => ({
          pre: [0],
          suf: new Array(r.length + 1).fill(0)
        }));
        for (let k = 0; k < len; k++) {
          const m = /* @__PURE__ */ new Map();
          ids.forEach((r, i) => {
            if (k >= r.length)
              return;
            const { pre } = keys2[i];
            const key = pre[k] * P + r[k];
            let id = m.get(key);
            if (id === void 0)
              m.set(key, id = m.size + 1);
            pre.push(id);
          });
        }
        for (let k = len - 1; k >= 0; k--) {
          const m = /* @__PURE__ */ new Map();
          ids.forEach((r, i) => {
            if (k >= r.length)
              return;
            const { suf } = keys2[i];
            const key = suf[k + 1] * P + r[k];
            let id = m.get(key);
            if (id === void 0)
              m.set(key, id = m.size + 1);
            suf[k] = id;
          });
        }
        return keys2;
      }
      // various transforms to equivalent pattern sets that are
      // faster to process in a filesystem walk.  The goal is to
      // eliminate what we can, and push all ** patterns as far
      // to the right as possible, even if it increases the number
      // of patterns that we have to process.
      preprocess(globParts) {
        if (this.options.noglobstar) {
          for (const partset of globParts) {
            for (let j = 0; j < partset.length; j++) {
              if (partset[j] === "**") {
                partset[j] = "*";
              }
            }
          }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
          globParts = this.firstPhasePreProcess(globParts);
          globParts = this.secondPhasePreProcess(globParts);
        } else if (optimizationLevel >= 1) {
          globParts = this.levelOneOptimize(globParts);
        } else {
          globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
      }
      // just get rid of adjascent ** portions
      adjascentGlobstarOptimize(globParts) {
        return globParts.map((parts) => {
          let gs = -1;
          while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
            let i = gs;
            while (parts[i + 1] === "**") {
              i++;
            }
            if (i !== gs) {
              parts.splice(gs, i - gs);
            }
          }
          return parts;
        });
      }
      // get rid of adjascent ** and resolve .. portions
      levelOneOptimize(globParts) {
        return globParts.map((parts) => {
          const root = this.#rootIndex(parts) + 1;
          parts = parts.reduce((set, part) => {
            const prev = set[set.length - 1];
            if (part === "**" && prev === "**") {
              return set;
            }
            if (part === "..") {
              if (set.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
                set.pop();
                return set;
              }
            }
            set.push(part);
            return set;
          }, []);
          return parts.length === 0 ? [""] : parts;
        });
      }
      // Check the path against each row before it is split. 'no' if no
      // row can match, so it does not need to be split. 'yes' if a row of
      // `**` and one more portion matches. 'maybe' if it must be split to
      // know. None of this applies with partial, where the path can end
      // before the row does.
      //
      // On Windows, `\` is a separator in the path too, and the portions of
      // a row up to its drive letter or UNC share are not checked (see
      // #rootIndex).
      //
      // Each string portion of a row must be a portion of the path, so the
      // path must contain it. Level 2 can only take portions out of the
      // path, so this is still true then.
      //
      // The last portion of a row must match the last portion of the path,
      // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
      // This does not apply to rows that end in **, rows that end in a
      // root, or preserveMultipleSlashes (which can leave more
      // than one '' at the end). At level 2, it does not apply if that
      // portion is `.` or `..`, which can be
      // resolved away. Level 2 only takes other portions out of the
      // middle of the path.
      //
      // A row of `**/x` then matches if the ** can walk the portions
      // before the one that x matches, the same as #matchGlobstar. At
      // level 2, this is only known if none of them are `.` or `..`, so
      // that the path does not change when it is resolved.
      #canMatch(f) {
        const sep2 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
        let ends = this.#endCheck ? 0 : -1;
        let last = "";
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        ROWS: for (let r = 0; r < this.set.length; r++) {
          const row = this.set[r];
          const p = row[row.length - 1];
          let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
          if (end && ends === 0) {
            const i = lastSep(f, f.length, sep2);
            lastStart = i + 1;
            last = f.slice(lastStart);
            if (last === "" && i >= 0) {
              let j = i;
              while (j > 0 && isSep(f.charCodeAt(j - 1), sep2))
                j--;
              prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep2) + 1;
              prev = f.slice(prevStart, j);
            }
            const resolves = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
            ends = resolves ? -1 : 1;
            end = !resolves;
          }
          let tailStart = -1;
          if (end && typeof p === "string") {
            tailStart = endIndex(p, last, lastStart, prev, prevStart);
            if (tailStart === -1)
              continue;
          }
          if (this.#literalCheck) {
            for (const l of this.#literals[r]) {
              if (!f.includes(l))
                continue ROWS;
            }
          }
          if (end && typeof p === "object") {
            tailStart = endIndex(p, last, lastStart, prev, prevStart);
            if (tailStart === -1)
              continue;
          }
          const shape = this.#shapes[r];
          if (shape === "base" && end)
            return "yes";
          if (shape === "tail" && end) {
            if (this.#level2 && dotPortion(f, 0, tailStart, true, sep2)) {
              return "maybe";
            }
            if (!dotPortion(f, 0, tailStart, dot, sep2))
              return "yes";
            continue;
          }
          if (shape === "mid" || shape === "head") {
            const m = this.#walk(f, row, shape === "head", dot, sep2);
            if (m !== "no")
              return m;
            continue;
          }
          return "maybe";
        }
        return "no";
      }
      // Match a row of a known shape against the split path, the same as
      // #matchGlobstar and #matchGlobStarBodySections do. None of these
      // rows have a drive letter, so they start at the first portion.
      #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === "head") {
          if (n < 2 || !portionMatch(row[0], file[0])) {
            return false;
          }
          for (let i = 1; i < n; i++)
            if (!walkable(file[i], dot))
              return false;
          return true;
        }
        const x = row[1];
        if (shape === "tail") {
          let t = n - 1;
          if (!portionMatch(x, file[t])) {
            if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
              return false;
            }
          }
          for (let i = 0; i < t; i++)
            if (!walkable(file[i], dot))
              return false;
          return true;
        }
        for (let k = 0; k < n; k++) {
          if (portionMatch(x, file[k]) && k + 1 < n) {
            let i = k + 1;
            while (i < n && walkable(file[i], dot))
              i++;
            if (i === n)
              return true;
          }
          if (!walkable(file[k], dot))
            return false;
        }
        return false;
      }
      // Match a row of `**/x/**` or `x/**` against the path, the same as
      // #matchGlobstar and #matchGlobStarBodySections do once it is split.
      // x must match a portion (the first one, for `x/**`), the ** before
      // it must be able to walk the portions before that one, and there
      // must be a portion after it, which the ** after it can walk. At
      // level 2, this is only known if no portion is `.` or `..`.
      #walk(f, row, head, dot, sep2) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep2))
          return "maybe";
        const x = row[head ? 0 : 1];
        let s = 0;
        for (let e = nextSep(f, s, sep2); e !== -1; e = nextSep(f, s, sep2)) {
          let next = e + 1;
          while (next < f.length && isSep(f.charCodeAt(next), sep2))
            next++;
          const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
          if (hit && !dotPortion(f, next, f.length, dot, sep2))
            return "yes";
          if (head || dotPortion(f, s, next, dot, sep2))
            return "no";
          s = next;
        }
        return "no";
      }
      // the last split, if it was the same path with the same split
      // settings
      #cachedSplit(f) {
        const last = lastSplit;
        return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
      }
      // split a path for match(), and keep the parts for the next call
      #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
        const normalize3 = this.#form;
        if (normalize3)
          parts = parts.map((p) => p.normalize(normalize3));
        lastSplit = {
          f,
          isWindows,
          preserveMultipleSlashes,
          normalize: normalize3,
          parts
        };
        return lastSplit;
      }
      // resolve `.` and `..` portions of a path, for level 2
      #levelTwoFileOptimize(file) {
        const parts = [...file];
        let didSomething = false;
        do {
          didSomething = false;
          if (!this.preserveMultipleSlashes) {
            for (let i = 1; i < parts.length - 1; i++) {
              const p = parts[i];
              if (i === 1 && p === "" && parts[0] === "")
                continue;
              if (p === "." || p === "") {
                didSomething = true;
                parts.splice(i, 1);
                i--;
              }
            }
            if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
              didSomething = true;
              parts.pop();
            }
          }
          const root = this.#rootIndex(parts) + 1;
          let dd = root;
          while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
            const p = parts[dd - 1];
            if (p && p !== "." && p !== ".." && p !== "**") {
              didSomething = true;
              parts.splice(dd - 1, 2);
              dd = Math.max(dd - 2, root);
            }
          }
        } while (didSomething);
        return parts.length === 0 ? [""] : parts;
      }
      // First phase: single-pattern processing
      // <pre> is 1 or more portions
      // <rest> is 1 or more portions
      // <p> is any portion other than ., .., '', or **
      // <e> is . or ''
      //
      // **/.. is *brutal* for filesystem walking performance, because
      // it effectively resets the recursive walk each time it occurs,
      // and ** cannot be reduced out by a .. pattern part like a regexp
      // or most strings (other than .., ., and '') can be.
      //
      // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
      // <pre>/<e>/<rest> -> <pre>/<rest>
      // <pre>/<p>/../<rest> -> <pre>/<rest>
      // **/**/<rest> -> **/<rest>
      //
      // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
      // this WOULD be allowed if ** did follow symlinks, or * didn't
      firstPhasePreProcess(globParts) {
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1e6;
        let didSomething = false;
        do {
          didSomething = false;
          for (let parts of globParts) {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
              let gss = gs;
              while (parts[gss + 1] === "**") {
                gss++;
              }
              if (gss > gs) {
                parts.splice(gs + 1, gss - gs);
              }
              let next = parts[gs + 1];
              const p = parts[gs + 2];
              const p2 = parts[gs + 3];
              if (next !== "..")
                continue;
              if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
                continue;
              }
              const addedCells = parts.length - 1;
              if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
                throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
              }
              didSomething = true;
              parts.splice(gs, 1);
              const other = parts.slice(0);
              other[gs] = "**";
              splitCells += addedCells;
              globParts.push(other);
              gs--;
            }
            if (!this.preserveMultipleSlashes) {
              for (let i = 1; i < parts.length - 1; i++) {
                const p = parts[i];
                if (i === 1 && p === "" && parts[0] === "")
                  continue;
                if (p === "." || p === "") {
                  didSomething = true;
                  parts.splice(i, 1);
                  i--;
                }
              }
              if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
                didSomething = true;
                parts.pop();
              }
            }
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
              const p = parts[dd - 1];
              if (p && p !== "." && p !== ".." && p !== "**") {
                didSomething = true;
                const needDot = dd === 1 && parts[dd + 1] === "**";
                const splin = needDot ? ["."] : [];
                parts.splice(dd - 1, 2, ...splin);
                if (parts.length === 0)
                  parts.push("");
                dd = Math.max(dd - 2, root);
              }
            }
          }
        } while (didSomething);
        return globParts;
      }
      // second phase: multi-pattern dedupes
      // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
      // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
      secondPhasePreProcess(globParts) {
        const keys2 = /* @__PURE__ */ new Set();
        const rows = globParts.filter((parts) => {
          const key = parts.join("/");
          if (keys2.has(key))
            return false;
          keys2.add(key);
          return true;
        });
        const stars = /* @__PURE__ */ new Map();
        for (const parts of rows) {
          const s = [];
          for (let i = 0; i < parts.length; i++) {
            if (parts[i] === "*")
              s.push(i);
          }
          if (s.length)
            stars.set(s.join(","), s);
        }
        if (!stars.size || rows.length * stars.size > 1e5)
          return rows;
        const { dot } = this.options;
        return rows.filter((parts) => {
          for (const s of stars.values()) {
            if (s[s.length - 1] >= parts.length)
              continue;
            const c = [...parts];
            let ok = true;
            let changed = false;
            for (const i of s) {
              const p = parts[i];
              if (p === "*")
                continue;
              if (!p || p === "**" || !dot && p.startsWith(".")) {
                ok = false;
                break;
              }
              c[i] = "*";
              changed = true;
            }
            if (ok && changed && keys2.has(c.join("/")))
              return false;
          }
          return true;
        });
      }
      parseNegate() {
        if (this.nonegate)
          return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
          negate = !negate;
          negateOffset++;
        }
        if (negateOffset)
          this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
      }
      // Match the parts of a path against one row of the set. `resolved`
      // is the parts after level 2 resolves `.` and `..` in them, or the
      // same parts below level 2. Set partial to true to test if, for
      // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
      // you run out of file before you run out of pattern, then that's
      // fine, as long as all the parts match.
      #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
          const host = pattern[ph];
          const share = pattern[ph + 1];
          if (typeof host !== "string" || typeof share !== "string") {
            fileStartIndex = fh;
            patternStartIndex = ph;
          } else if (resolved[fh].toLowerCase() === host.toLowerCase() && resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
            fileStartIndex = fh + 2;
            patternStartIndex = ph + 2;
          }
        } else if (this.isWindows) {
          const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
          const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
          const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
          const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
          const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
          const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
          if (typeof fdi === "number" && typeof pdi === "number") {
            const [fd, pd] = [
              file[fdi],
              pattern[pdi]
            ];
            if (fd.toLowerCase() === pd.toLowerCase()) {
              patternStartIndex = pdi + 1;
              fileStartIndex = fdi + 1;
            }
          }
        }
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
          return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
      }
      #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        if (head.length) {
          const headEnd = fileIndex + head.length;
          if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
            return false;
          }
          fileIndex += head.length;
          patternIndex += head.length;
        }
        let fileTailMatch = 0;
        if (tail.length) {
          if (tail.length + fileIndex > file.length)
            return false;
          let tailStart = file.length - tail.length;
          if (this.#matchOne(file, tail, partial, tailStart, 0)) {
            fileTailMatch = tail.length;
          } else {
            if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
              return false;
            }
            tailStart--;
            if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
              return false;
            }
            fileTailMatch = tail.length + 1;
          }
        }
        if (!body.length) {
          let sawSome = !!fileTailMatch;
          for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
            const f = String(file[i]);
            sawSome = true;
            if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
              return false;
            }
          }
          return partial || sawSome;
        }
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
      }
      // Split the pattern into head, tail, and middle of ** delimited
      // parts. The tail has to be at the end, and the others just have to
      // be found in order from the head. These only depend on the pattern
      // row, so they are kept for the next path.
      #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
          byStart = [];
          this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
          return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        const segments = [[[], 0]];
        let current2 = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
          if (b === GLOBSTAR) {
            nonGsPartsSums.push(nonGsParts);
            current2 = [[], 0];
            segments.push(current2);
          } else {
            current2[0].push(b);
            nonGsParts++;
          }
        }
        segments.forEach((b, i) => {
          b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
      }
      // return false for "nope, not matching"
      // return null for "not matching, cannot keep trying"
      #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
        const bs = bodySegments[bodyIndex];
        if (!bs) {
          if (partial) {
            return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
          }
          for (let i = fileIndex; i < fileLength; i++) {
            sawTail = true;
            const f = file[i];
            if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
              return false;
            }
          }
          return sawTail;
        }
        const [body, need] = bs;
        const after2 = partial ? fileLength : fileLength - need;
        while (fileIndex <= after2) {
          const key = bodyIndex * (file.length + 1) + fileIndex;
          if (tried.has(key))
            return false;
          tried.add(key);
          const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
          if (m && globStarDepth < this.maxGlobstarRecursion) {
            const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
            if (sub !== false) {
              return sub;
            }
          }
          if (fileIndex === after2)
            break;
          const f = file[fileIndex];
          if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
            return false;
          }
          fileIndex++;
        }
        return partial || null;
      }
      #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
          let p = pattern[pi];
          let f = file[fi];
          if (p === false || p === GLOBSTAR) {
            return false;
          }
          if (!portionMatch(p, f))
            return false;
        }
        if (fi === fl && pi === pl) {
          return true;
        } else if (fi === fl) {
          return partial;
        } else if (pi === pl) {
          return fi === fl - 1 && file[fi] === "";
        } else {
          throw new Error("wtf?");
        }
      }
      braceExpand() {
        return braceExpand(this.pattern, this.options);
      }
      // Expand braces, except numeric ranges such as {0..999} with at
      // least RANGE_MIN values. Each of those stays in its pattern as
      // `<mark>0..999<mark>`, for the Matcher to test. If a range might
      // be inside a [...] class, expand all of them instead.
      #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
          return this.braceExpand();
        let code = 57344;
        while (pattern.includes(String.fromCharCode(code))) {
          if (++code > 63743)
            return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
          const a = Number(lo);
          const b = Number(hi);
          if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
            return m;
          }
          found = true;
          return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
          return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
          for (const portion of p.split("/")) {
            const c = portion.indexOf("[");
            if (c !== -1 && c < portion.lastIndexOf(mark)) {
              return this.braceExpand();
            }
            if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
              return this.braceExpand();
            }
          }
        }
        this.#rangeMark = mark;
        return set;
      }
      parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        if (pattern === "**")
          return GLOBSTAR;
        if (pattern === "")
          return "";
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize3 } = options;
        const rangeMark = this.#rangeMark;
        const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
        if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
          return this.#norm(lit2);
        }
        if (this.#pending)
          return PENDING2;
        let m = this.#matchers.get(pattern);
        if (!m) {
          if (!noext)
            assertValidExtglobs(pattern);
          m = new Matcher(pattern, {
            nocase,
            noext,
            dot,
            normalize: normalize3,
            ...rangeMark && { rangeMark }
          });
          this.#matchers.set(pattern, m);
        }
        return m;
      }
      #slashSplit(p) {
        if (this.preserveMultipleSlashes) {
          return p.split("/");
        } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
          return ["", ...p.split(/\/+/)];
        } else {
          return p.split(/\/+/);
        }
      }
      match(f, partial = this.partial) {
        if (this.comment) {
          return false;
        }
        if (this.empty) {
          return f === "";
        }
        if (f === "/" && partial) {
          return true;
        }
        const options = this.options;
        let split2 = this.#cachedSplit(f);
        if (!split2) {
          if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
            lastChecked = f;
            const can = this.#canMatch(f);
            if (can === "no")
              return options.flipNegate ? false : this.negate;
            if (can === "yes")
              return options.flipNegate ? true : !this.negate;
          }
          split2 = this.#split(f);
        }
        const ff = split2.parts;
        const resolved = this.#level2 ? split2.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
        const set = this.set;
        let filename = ff[ff.length - 1];
        if (!filename) {
          for (let i = ff.length - 2; !filename && i >= 0; i--) {
            filename = ff[i];
          }
        }
        for (let r = 0; r < set.length; r++) {
          const pattern = set[r];
          const shape = partial ? void 0 : this.#shapes[r];
          const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved, pattern, partial);
          if (hit) {
            if (options.flipNegate) {
              return true;
            }
            return !this.negate;
          }
        }
        if (options.flipNegate) {
          return false;
        }
        return this.negate;
      }
      static defaults(def) {
        return minimatch.defaults(def).Minimatch;
      }
    };
    minimatch.Minimatch = Minimatch;
    minimatch.escape = escape;
    minimatch.unescape = unescape;
  }
});

// src/load/discover.ts
var init_discover = __esm({
  "src/load/discover.ts"() {
    "use strict";
    init_esm4();
    init_paths();
  }
});

// src/load/override.ts
var init_override = __esm({
  "src/load/override.ts"() {
    "use strict";
  }
});

// src/load/read.ts
import { closeSync as closeSync2, constants, fstatSync, lstatSync, openSync as openSync2, readFileSync, realpathSync } from "node:fs";
var DEFAULT_MAX_FILE_BYTES, utf8, READ, READ_NOFOLLOW;
var init_read = __esm({
  "src/load/read.ts"() {
    "use strict";
    init_paths();
    DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
    utf8 = new TextDecoder("utf-8", { fatal: true });
    READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
    READ_NOFOLLOW = constants.O_NOFOLLOW === void 0 ? void 0 : READ | constants.O_NOFOLLOW;
  }
});

// src/load/module-dir.ts
var init_module_dir = __esm({
  "src/load/module-dir.ts"() {
    "use strict";
    init_paths();
    init_discover();
    init_hcl();
    init_json();
    init_override();
    init_read();
  }
});

// src/evaluate/sources.ts
var init_sources = __esm({
  "src/evaluate/sources.ts"() {
    "use strict";
    init_read();
    init_paths();
  }
});

// src/evaluate/plan-source.ts
var init_plan_source = __esm({
  "src/evaluate/plan-source.ts"() {
    "use strict";
    init_discover();
    init_paths();
    init_module_dir();
    init_plan();
    init_sources();
  }
});

// src/load/preparse.ts
var init_preparse = __esm({
  "src/load/preparse.ts"() {
    "use strict";
    init_paths();
    init_hcl();
    init_module_dir();
    init_read();
  }
});

// src/evaluate/quiet-error.ts
function named(cls, name) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}
var QuietError;
var init_quiet_error = __esm({
  "src/evaluate/quiet-error.ts"() {
    "use strict";
    QuietError = class extends Error {
      constructor(message) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        super(message);
        Error.stackTraceLimit = limit;
      }
    };
  }
});

// src/evaluate/functions/types.ts
var FunctionError;
var init_types2 = __esm({
  "src/evaluate/functions/types.ts"() {
    "use strict";
    init_quiet_error();
    FunctionError = class extends QuietError {
    };
    named(FunctionError, "FunctionError");
  }
});

// src/evaluate/functions/args.ts
function fail2(message) {
  throw new FunctionError(message);
}
function kindOf(v) {
  if (v === null) return "null";
  if (v instanceof Unknown) return "unknown value";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "object";
  return typeof v;
}
function invalid(param, what) {
  fail2(`invalid value for "${param}" parameter: ${what}`);
}
function notNull(v, param) {
  if (v === null) invalid(param, "argument must not be null");
}
function numStr(n) {
  if (!Number.isFinite(n)) fail2(`cannot convert ${n} to a string`);
  const s = String(n);
  if (!s.includes("e")) return s;
  const [mant, exp] = n.toExponential().split("e");
  const neg = mant.startsWith("-");
  const digits = mant.replace(/^-/, "").replace(".", "");
  const point = Number(exp) + 1;
  const body = point <= 0 ? `0.${"0".repeat(-point)}${digits}` : point >= digits.length ? digits + "0".repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? "-" : "") + body;
}
function primitiveToString(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numStr(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return void 0;
}
function str2(v, param) {
  notNull(v, param);
  const s = primitiveToString(v);
  if (s === void 0) invalid(param, `string required, got ${kindOf(v)}`);
  return s;
}
function parseNumber(s) {
  if (!NUMBER_TEXT3.test(s)) return void 0;
  const n = Number(s);
  return Number.isFinite(n) ? n : void 0;
}
function num(v, param) {
  notNull(v, param);
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = parseNumber(v);
    if (n !== void 0) return n;
    invalid(param, `a number is required, got string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`);
  }
  invalid(param, `number required, got ${kindOf(v)}`);
}
function int(v, param) {
  const n = num(v, param);
  if (!Number.isInteger(n)) invalid(param, `value must be a whole number, got ${numStr(n)}`);
  if (!Number.isSafeInteger(n)) invalid(param, `value ${numStr(n)} is too large`);
  return n;
}
function list2(v, param) {
  notNull(v, param);
  if (!Array.isArray(v)) invalid(param, `list required, got ${kindOf(v)}`);
  return v;
}
function obj(v, param) {
  notNull(v, param);
  if (!isObject(v)) invalid(param, `map required, got ${kindOf(v)}`);
  return v;
}
function strList(v, param) {
  return list2(v, param).map((e, i) => {
    const s = primitiveToString(e);
    if (s === void 0) {
      if (e === null) invalid(param, `element ${i} is null`);
      invalid(param, `element ${i}: string required, got ${kindOf(e)}`);
    }
    return s;
  });
}
function own(o, key) {
  return Object.prototype.hasOwnProperty.call(o, key);
}
function compareStrings(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 55296 && x <= 57343;
    const sy = y >= 55296 && y <= 57343;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
function sortedKeys(o) {
  return Object.keys(o).sort(compareStrings);
}
function valueKey(v, depth = 0) {
  if (depth > MAX_DEPTH4) fail2("value is nested too deeply");
  if (v instanceof Unknown) return `?${unknownKeys++}`;
  if (Array.isArray(v)) return `[${v.map((x) => valueKey(x, depth + 1)).join(",")}]`;
  if (isObject(v))
    return `{${sortedKeys(v).map((k) => `${JSON.stringify(k)}:${valueKey(v[k], depth + 1)}`).join(",")}}`;
  return JSON.stringify(v);
}
function* clusters(s) {
  let start = 0;
  while (start < s.length) {
    let end = Math.min(s.length, start + WINDOW);
    const before2 = s.charCodeAt(end - 1);
    if (end < s.length && before2 >= 55296 && before2 <= 56319) end--;
    const window = s.slice(start, end);
    let last;
    for (const seg of segmenter().segment(window)) {
      if (last) yield last.segment;
      last = seg;
    }
    if (end === s.length || last.index === 0) {
      yield last.segment;
      start += last.index + last.segment.length;
    } else start += last.index;
  }
}
function graphemes(s) {
  return [...clusters(s)];
}
function graphemeCount(s) {
  let n = 0;
  for (const _ of clusters(s)) n++;
  return n;
}
function unknownOf2(values2) {
  const all = [];
  for (const v of values2) collectUnknowns(v, all);
  return mergeUnknown(all);
}
var MAX_ELEMENTS, MAX_STRING, MAX_DEPTH4, NUMBER_TEXT3, unknownKeys, segmenterCache, segmenter, WINDOW;
var init_args = __esm({
  "src/evaluate/functions/args.ts"() {
    "use strict";
    init_value();
    init_types2();
    MAX_ELEMENTS = 1024e3;
    MAX_STRING = 1e7;
    MAX_DEPTH4 = 256;
    NUMBER_TEXT3 = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
    unknownKeys = 0;
    segmenter = () => segmenterCache ??= new Intl.Segmenter(void 0, { granularity: "grapheme" });
    WINDOW = 4096;
  }
});

// src/evaluate/convert.ts
var EvalError;
var init_convert = __esm({
  "src/evaluate/convert.ts"() {
    "use strict";
    init_args();
    init_value();
    init_quiet_error();
    EvalError = class extends QuietError {
    };
    named(EvalError, "EvalError");
  }
});

// src/evaluate/budget.ts
function jsonDepth(cut) {
  const error = () => new BudgetError("maxDepth", `JSON nested more than ${limits().maxDepth} deep`);
  return {
    maxDepth: limits().maxDepth,
    get detail() {
      return `limit reached: ${error().message}`;
    },
    cut: cut ?? (() => {
      throw error();
    })
  };
}
var BudgetError;
var init_budget = __esm({
  "src/evaluate/budget.ts"() {
    "use strict";
    init_limits();
    init_convert();
    init_quiet_error();
    init_value();
    BudgetError = class extends EvalError {
      constructor(limit, detail) {
        super(`${detail}, over the ${LIMIT_NAMES[limit]} limit of ${limits()[limit]}; raise it with ${LIMIT_FLAGS[limit]}`);
        this.limit = limit;
      }
      limit;
    };
    named(BudgetError, "BudgetError");
  }
});

// src/evaluate/functions/conversions.ts
function cannot(v, to) {
  fail2(`invalid value for "v" parameter: cannot convert ${kindOf(v)} to ${to}`);
}
function tostring([v]) {
  if (v === null || v === void 0) return null;
  const s = primitiveToString(v);
  if (s === void 0) cannot(v, "string");
  return s;
}
function tonumber([v]) {
  if (v === null || v === void 0) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = parseNumber(v);
    if (n === void 0)
      fail2(`invalid value for "v" parameter: cannot convert "${v}" to number; given string must be a decimal representation of a number`);
    return n;
  }
  cannot(v, "number");
}
function tobool([v]) {
  if (v === null || v === void 0) return null;
  if (typeof v === "boolean") return v;
  if (v === "true") return true;
  if (v === "false") return false;
  if (typeof v === "string")
    fail2(`invalid value for "v" parameter: cannot convert "${v}" to bool; only the strings "true" or "false" are allowed`);
  cannot(v, "bool");
}
function unifyElements(items, what) {
  const kinds = /* @__PURE__ */ new Set();
  for (const v of items) if (v !== null && !(v instanceof Unknown)) kinds.add(Array.isArray(v) ? "list" : typeof v);
  if (kinds.size <= 1) return items;
  const primitives = [...kinds].every((k) => k === "string" || k === "number" || k === "boolean");
  if (!primitives || !kinds.has("string"))
    fail2(
      `invalid value for "v" parameter: cannot convert to ${what}: all elements must have the same type, found ${[...kinds].sort().join(" and ")}`
    );
  return items.map((v) => v === null || v instanceof Unknown ? v : primitiveToString(v));
}
function primitiveRank(v) {
  if (typeof v === "boolean") return 0;
  if (typeof v === "number") return 1;
  if (typeof v === "string") return 2;
  return 3;
}
function makeSet(items, what = "set") {
  const unified = unifyElements(items, what);
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const v of unified) {
    const k = valueKey(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out.sort((a, b) => {
    const ra = primitiveRank(a);
    const rb = primitiveRank(b);
    if (ra !== rb || ra === 3) return ra - rb;
    if (typeof a === "string") return compareStrings(a, b);
    return a - b;
  });
}
function tolist([v]) {
  if (v === null || v === void 0) return null;
  if (v instanceof Unknown) return v;
  if (!Array.isArray(v)) cannot(v, "list");
  return unifyElements(v, "list");
}
function toset([v]) {
  if (v === null || v === void 0) return null;
  if (!Array.isArray(v)) cannot(v, "set");
  return makeSet(v);
}
function tomap([v]) {
  if (v === null || v === void 0) return null;
  if (v instanceof Unknown) return v;
  if (!isObject(v)) cannot(v, "map");
  const keys2 = Object.keys(v);
  const values2 = unifyElements(
    keys2.map((k) => v[k]),
    "map"
  );
  const out = newObject();
  keys2.forEach((k, i) => out[k] = values2[i]);
  return out;
}
var conversionFunctions;
var init_conversions = __esm({
  "src/evaluate/functions/conversions.ts"() {
    "use strict";
    init_value();
    init_args();
    conversionFunctions = {
      tostring: { fn: tostring, minArgs: 1, maxArgs: 1 },
      tonumber: { fn: tonumber, minArgs: 1, maxArgs: 1 },
      tobool: { fn: tobool, minArgs: 1, maxArgs: 1 },
      // The structure of a list or map stays known when some elements are not.
      tolist: { fn: tolist, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      toset: { fn: toset, minArgs: 1, maxArgs: 1 },
      tomap: { fn: tomap, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      // Sensitivity is a plan-time marking; the value is the same.
      sensitive: { fn: ([v]) => v ?? null, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      nonsensitive: { fn: ([v]) => v ?? null, minArgs: 1, maxArgs: 1, handlesUnknown: true }
    };
  }
});

// src/evaluate/functions/collections.ts
function length2([v]) {
  if (v instanceof Unknown) return mergeUnknown([v]);
  if (typeof v === "string") return graphemeCount(v);
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  if (v === null) fail2('invalid value for "value" parameter: argument must not be null');
  fail2(`invalid value for "value" parameter: argument must be a string, a collection type, or a structural type, got ${kindOf(v)}`);
}
function unknownArgs(args) {
  const u = args.filter((a) => a instanceof Unknown);
  return u.length ? mergeUnknown(u) : void 0;
}
function concat(args) {
  const out = [];
  args.forEach((a, i) => {
    if (a instanceof Unknown) return;
    if (!Array.isArray(a)) fail2(`all arguments must be lists or tuples; argument ${i + 1} is ${kindOf(a)}`);
    if (out.length + a.length > MAX_ELEMENTS) fail2(`the result would have more than ${MAX_ELEMENTS} elements`);
    out.push(...a);
  });
  return unknownArgs(args) ?? out;
}
function merge3(args) {
  const out = newObject();
  args.forEach((a, i) => {
    if (a === null || a instanceof Unknown) return;
    if (!isObject(a)) fail2(`arguments must be maps or objects; argument ${i + 1} is ${kindOf(a)}`);
    for (const k of Object.keys(a)) out[k] = a[k];
  });
  return unknownArgs(args) ?? out;
}
function lookup([m, k, dflt]) {
  if (m instanceof Unknown || k instanceof Unknown) return mergeUnknown([m, k]);
  const map = obj(m, "inputMap");
  const key = str2(k, "key");
  if (own(map, key)) return map[key];
  if (dflt !== void 0) return dflt;
  fail2(`lookup failed to find key ${JSON.stringify(key)}`);
}
function element([l, i]) {
  if (l instanceof Unknown || i instanceof Unknown) return mergeUnknown([l, i]);
  const items = list2(l, "list");
  const index2 = int(i, "index");
  if (index2 < 0) fail2("cannot use element function with a negative index");
  if (items.length === 0) fail2("cannot use element function with an empty list");
  return items[index2 % items.length];
}
function contains([l, v]) {
  if (l instanceof Unknown || containsUnknown(v)) return mergeUnknown([l, v]);
  const items = list2(l, "list");
  const unknowns = [];
  for (const item of items) {
    const eq = valueEquals(item, v);
    if (eq === true) return true;
    if (eq === void 0) unknowns.push(item);
  }
  return unknowns.length ? unknownOf2(unknowns) : false;
}
function keys([m]) {
  if (m instanceof Unknown) return mergeUnknown([m]);
  return sortedKeys(obj(m, "inputMap"));
}
function values([m]) {
  if (m instanceof Unknown) return mergeUnknown([m]);
  const map = obj(m, "mapping");
  return sortedKeys(map).map((k) => map[k]);
}
function flattenInto(items, out, depth) {
  if (depth > MAX_DEPTH4) fail2("the list is nested too deeply");
  for (const v of items) {
    if (Array.isArray(v)) flattenInto(v, out, depth + 1);
    else out.push(v);
    if (out.length > MAX_ELEMENTS) fail2(`the result would have more than ${MAX_ELEMENTS} elements`);
  }
}
function flatten([l]) {
  const out = [];
  flattenInto(list2(l, "list"), out, 0);
  return out;
}
function distinct([l]) {
  const seen = /* @__PURE__ */ new Set();
  return list2(l, "list").filter((v) => {
    const k = valueKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function compact([l]) {
  return list2(l, "list").flatMap((v, i) => {
    if (v === null || v === "") return [];
    const s = primitiveToString(v);
    if (s === void 0) fail2(`invalid value for "list" parameter: element ${i}: string required, got ${kindOf(v)}`);
    return [s];
  });
}
function coalesce(args) {
  const known = args.filter((a) => a !== null && !(a instanceof Unknown));
  const toString = known.some((a) => typeof a === "string") && known.every((a) => primitiveToString(a) !== void 0);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof Unknown) {
      if (a.nonEmpty) return a;
      return mergeUnknown(args.slice(i));
    }
    if (a === null || a === "") continue;
    return toString ? primitiveToString(a) : a;
  }
  fail2("no non-null, non-empty-string arguments");
}
function coalescelist(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof Unknown) return mergeUnknown(args.slice(i));
    if (a === null) continue;
    if (!Array.isArray(a)) fail2(`all arguments must be lists or tuples; argument ${i + 1} is ${kindOf(a)}`);
    if (a.length > 0) return a;
  }
  fail2("no non-null arguments");
}
function one([l]) {
  if (l instanceof Unknown) return mergeUnknown([l]);
  const items = list2(l, "list");
  if (items.length > 1) fail2(`must be a list, set, or tuple value with either zero or one elements, got ${items.length} elements`);
  return items.length ? items[0] : null;
}
function zipmap([k, v]) {
  if (k instanceof Unknown || containsUnknown(k) || v instanceof Unknown) return unknownOf2([k, v]);
  const ks = strList(k, "keys");
  const vs = list2(v, "values");
  if (ks.length !== vs.length) fail2(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
  const out = newObject();
  ks.forEach((key, i) => out[key] = vs[i]);
  return out;
}
function range2(args) {
  const nums = args.map((a, i) => num(a, ["start", "limit", "step"][args.length === 1 ? 1 : i]));
  const [start, limit] = nums.length === 1 ? [0, nums[0]] : [nums[0], nums[1]];
  const step = nums[2] ?? (start <= limit ? 1 : -1);
  if (step === 0) fail2("step must not be zero");
  if (start < limit && step < 0) fail2("step must be positive when start is less than limit");
  if (start > limit && step > 0) fail2("step must be negative when start is greater than limit");
  const count = Math.max(0, Math.ceil((limit - start) / step));
  if (count > MAX_ELEMENTS) fail2(`more than ${MAX_ELEMENTS} values were requested`);
  const out = [];
  for (let i = 0; i < count; i++) out.push(start + i * step);
  return out;
}
function reverse([l]) {
  if (l instanceof Unknown) return mergeUnknown([l]);
  return [...list2(l, "list")].reverse();
}
function sort([l]) {
  const items = list2(l, "list");
  items.forEach((v, i) => v === null && fail2(`given list element ${i} is null; a null string cannot be sorted`));
  return strList(items, "list").sort(compareStrings);
}
function slice([l, s, e]) {
  if (l instanceof Unknown || s instanceof Unknown || e instanceof Unknown) return mergeUnknown([l, s, e]);
  const items = list2(l, "list");
  const start = int(s, "start_index");
  const end = int(e, "end_index");
  if (start < 0) fail2('invalid value for "start_index" parameter: must be greater than or equal to 0');
  if (end > items.length)
    fail2(`invalid value for "end_index" parameter: must not be greater than the length of the list (${items.length})`);
  if (start > end) fail2('invalid value for "start_index" parameter: must be less than or equal to "end_index"');
  return items.slice(start, end);
}
function index([l, v]) {
  const items = list2(l, "list");
  const i = items.findIndex((x) => valueEquals(x, v) === true);
  if (i < 0) fail2("item not found");
  return i;
}
function chunklist([l, s]) {
  const items = list2(l, "list");
  const size = int(s, "size");
  if (size < 0) fail2("the size argument must be positive");
  if (size === 0) return [items];
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function boolList(l, param) {
  return list2(l, param).map((v, i) => {
    if (v === null || typeof v === "boolean" || v instanceof Unknown) return v;
    if (v === "true" || v === "false") return v === "true";
    fail2(`invalid value for "${param}" parameter: element ${i}: bool required, got ${kindOf(v)}`);
  });
}
function alltrue([l]) {
  if (l instanceof Unknown) return mergeUnknown([l]);
  const items = boolList(l, "list");
  if (items.some((v) => v === false || v === null)) return false;
  return items.some((v) => v instanceof Unknown) ? unknownOf2(items) : true;
}
function anytrue([l]) {
  if (l instanceof Unknown) return mergeUnknown([l]);
  const items = boolList(l, "list");
  if (items.some((v) => v === true)) return true;
  return items.some((v) => v instanceof Unknown) ? unknownOf2(items) : false;
}
function transpose([m]) {
  const map = obj(m, "values");
  const out = newObject();
  for (const k of sortedKeys(map)) {
    for (const v of strList(map[k], "values")) {
      const arr = own(out, v) ? out[v] : out[v] = [];
      arr.push(k);
    }
  }
  return out;
}
function matchkeys([v, k, search]) {
  const vs = list2(v, "values");
  const ks = unifyElements(list2(k, "keys"), "list");
  const wanted = new Set(unifyElements(list2(search, "searchset"), "list").map((x) => valueKey(x)));
  if (vs.length !== ks.length) fail2("length of keys and values should be equal");
  return vs.filter((_, i) => wanted.has(valueKey(ks[i])));
}
var collectionFunctions;
var init_collections = __esm({
  "src/evaluate/functions/collections.ts"() {
    "use strict";
    init_value();
    init_args();
    init_conversions();
    collectionFunctions = {
      length: { fn: length2, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      concat: { fn: concat, minArgs: 0, maxArgs: Infinity, handlesUnknown: true },
      merge: { fn: merge3, minArgs: 0, maxArgs: Infinity, handlesUnknown: true },
      lookup: { fn: lookup, minArgs: 2, maxArgs: 3, handlesUnknown: true },
      element: { fn: element, minArgs: 2, maxArgs: 2, handlesUnknown: true },
      contains: { fn: contains, minArgs: 2, maxArgs: 2, handlesUnknown: true },
      keys: { fn: keys, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      values: { fn: values, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      flatten: { fn: flatten, minArgs: 1, maxArgs: 1 },
      distinct: { fn: distinct, minArgs: 1, maxArgs: 1 },
      compact: { fn: compact, minArgs: 1, maxArgs: 1 },
      coalesce: { fn: coalesce, minArgs: 1, maxArgs: Infinity, handlesUnknown: true },
      coalescelist: { fn: coalescelist, minArgs: 1, maxArgs: Infinity, handlesUnknown: true },
      one: { fn: one, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      zipmap: { fn: zipmap, minArgs: 2, maxArgs: 2, handlesUnknown: true },
      range: { fn: range2, minArgs: 1, maxArgs: 3 },
      reverse: { fn: reverse, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      sort: { fn: sort, minArgs: 1, maxArgs: 1 },
      slice: { fn: slice, minArgs: 3, maxArgs: 3, handlesUnknown: true },
      index: { fn: index, minArgs: 2, maxArgs: 2 },
      chunklist: { fn: chunklist, minArgs: 2, maxArgs: 2 },
      alltrue: { fn: alltrue, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      anytrue: { fn: anytrue, minArgs: 1, maxArgs: 1, handlesUnknown: true },
      transpose: { fn: transpose, minArgs: 1, maxArgs: 1 },
      matchkeys: { fn: matchkeys, minArgs: 3, maxArgs: 3 }
    };
  }
});

// src/evaluate/functions/encoding.ts
import { createHash } from "node:crypto";
function quote(s) {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function jsonEncode(v, depth = 0) {
  if (depth > MAX_DEPTH4) fail2("value is nested too deeply to encode");
  if (v === null) return "null";
  if (v instanceof Unknown) fail2("cannot encode an unknown value");
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") return numStr(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[${v.map((x) => jsonEncode(x, depth + 1)).join(",")}]`;
  if (isObject(v))
    return `{${sortedKeys(v).map((k) => `${quote(k)}:${jsonEncode(v[k], depth + 1)}`).join(",")}}`;
  fail2("cannot encode this value");
}
function encodeKnown(v) {
  if (!containsUnknown(v)) return jsonEncode(v);
  const u = mergeUnknown(collectUnknowns(v), true);
  u.decoded = v;
  return u;
}
function checkDepth(text2) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limits().maxDepth) throw new BudgetError("maxDepth", `JSON nested more than ${limits().maxDepth} deep`);
    } else if (c === 93 || c === 125) depth--;
  }
}
function jsondecode([s]) {
  const text2 = str2(s, "str");
  checkDepth(text2);
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (e) {
    fail2(`invalid JSON: ${e.message}`);
  }
  return fromJSON(parsed, jsonDepth());
}
function base64decode([s]) {
  const text2 = str2(s, "str").replace(/[\r\n]/g, "");
  if (text2.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text2)) fail2("failed to decode base64 data: the string is not valid base64");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(text2, "base64"));
  } catch {
    fail2("the result of decoding the provided string is not valid UTF-8");
  }
}
function urlencode([s]) {
  let out = "";
  for (const b of Buffer.from(str2(s, "str"), "utf8")) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 32) out += "+";
    else out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
function uuidv5([n, name]) {
  const given = str2(n, "namespace");
  const ns = Object.prototype.hasOwnProperty.call(UUID_NAMESPACES, given) ? UUID_NAMESPACES[given] : given;
  if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(ns))
    fail2(`uuidv5() doesn't support namespace prefix ${JSON.stringify(given)}`);
  const hash = createHash("sha1").update(Buffer.from(ns.replace(/-/g, ""), "hex")).update(str2(name, "name"), "utf8").digest();
  hash[6] = hash[6] & 15 | 80;
  hash[8] = hash[8] & 63 | 128;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function hashFn(algorithm, encoding) {
  return { fn: ([s]) => createHash(algorithm).update(str2(s, "str"), "utf8").digest(encoding), minArgs: 1, maxArgs: 1 };
}
var UUID_NAMESPACES, encodingFunctions;
var init_encoding = __esm({
  "src/evaluate/functions/encoding.ts"() {
    "use strict";
    init_budget();
    init_limits();
    init_value();
    init_args();
    UUID_NAMESPACES = {
      dns: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
      url: "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
      oid: "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
      x500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
    };
    encodingFunctions = {
      jsonencode: { fn: ([v]) => encodeKnown(v), minArgs: 1, maxArgs: 1, handlesUnknown: true },
      jsondecode: { fn: jsondecode, minArgs: 1, maxArgs: 1 },
      base64encode: { fn: ([s]) => Buffer.from(str2(s, "str"), "utf8").toString("base64"), minArgs: 1, maxArgs: 1 },
      base64decode: { fn: base64decode, minArgs: 1, maxArgs: 1 },
      urlencode: { fn: urlencode, minArgs: 1, maxArgs: 1 },
      uuidv5: { fn: uuidv5, minArgs: 2, maxArgs: 2 },
      md5: hashFn("md5", "hex"),
      sha1: hashFn("sha1", "hex"),
      sha256: hashFn("sha256", "hex"),
      sha512: hashFn("sha512", "hex"),
      base64sha256: hashFn("sha256", "base64"),
      base64sha512: hashFn("sha512", "base64")
    };
  }
});

// src/evaluate/functions/format.ts
function goExponent(e, upper) {
  const a = Math.abs(e);
  return `${upper ? "E" : "e"}${e < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
}
function digitsOf(x, sig) {
  if (x === 0) return { digits: "0", dp: 1 };
  const [mant, exp] = (sig === void 0 ? x.toExponential() : x.toExponential(Math.min(sig - 1, 100))).split("e");
  return { digits: mant.replace(".", ""), dp: Number(exp) + 1 };
}
function fixed2(x, prec) {
  const p = Math.min(prec, 100);
  const body = x < 1e21 ? x.toFixed(p) : `${BigInt(x).toString()}${p > 0 ? `.${"0".repeat(p)}` : ""}`;
  return body + "0".repeat(prec - p);
}
function exponential(x, prec, upper) {
  const { digits, dp } = digitsOf(x, prec === void 0 ? void 0 : prec + 1);
  const mant = digits.length > 1 || (prec ?? 0) > 0 ? `${digits[0]}.${digits.slice(1).padEnd(prec ?? 0, "0")}` : digits;
  return mant + goExponent(x === 0 ? 0 : dp - 1, upper);
}
function general(x, prec, upper) {
  const shortest = prec < 0;
  const p = prec === 0 ? 1 : prec;
  const d = digitsOf(x, shortest ? void 0 : p);
  const digits = d.digits.replace(/(?<=.)0+$/, "");
  const dp = d.dp;
  let eprec = shortest ? 6 : p;
  if (!shortest && eprec > digits.length && digits.length >= dp) eprec = digits.length;
  const exp = dp - 1;
  if (x !== 0 && (exp < -4 || exp >= eprec)) return exponential(x, digits.length - 1, upper);
  return fixed2(x, Math.max(digits.length - dp, 0));
}
function pad(v, s, numeric2) {
  const len = graphemeCount(s);
  if (v.width < 0 || len >= v.width) return s;
  const n = v.width - len;
  if (v.flags.includes("-")) return s + " ".repeat(n);
  if (v.flags.includes("0") && !(numeric2 && v.prec >= 0 && "bdoxX".includes(v.verb))) {
    const sign = numeric2 && /^[-+ ]/.test(s) ? s[0] : "";
    return sign + "0".repeat(n) + s.slice(sign.length);
  }
  return " ".repeat(n) + s;
}
function toNumber(v, arg) {
  if (typeof arg === "number") return arg;
  const n = typeof arg === "string" ? parseNumber(arg) : void 0;
  if (n === void 0) fail2(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: a number is required, got ${kindOf(arg)}`);
  return n;
}
function formatNumber(v, arg) {
  const x = toNumber(v, arg);
  const neg = x < 0;
  const a = Math.abs(x);
  let body;
  if ("bdoxX".includes(v.verb)) {
    if (!Number.isInteger(x)) fail2(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: an integer is required`);
    const base = { b: 2, d: 10, o: 8, x: 16, X: 16 }[v.verb];
    body = BigInt(a).toString(base);
    if (v.verb === "X") body = body.toUpperCase();
    if (v.prec >= 0) body = body.padStart(v.prec, "0");
    if (v.flags.includes("#")) body = ({ b: "0b", d: "", o: "0", x: "0x", X: "0X" }[v.verb] ?? "") + body;
  } else if (v.verb === "f") body = fixed2(a, v.prec < 0 ? 6 : v.prec);
  else if (v.verb === "e" || v.verb === "E") body = exponential(a, v.prec < 0 ? 6 : v.prec, v.verb === "E");
  else body = general(a, v.prec, v.verb === "G");
  const sign = neg ? "-" : v.flags.includes("+") ? "+" : v.flags.includes(" ") ? " " : "";
  return pad(v, sign + body, true);
}
function formatString(v, arg) {
  let s = primitiveToString(arg);
  if (s === void 0) fail2(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: string required, got ${kindOf(arg)}`);
  if (v.prec >= 0) s = graphemes(s).slice(0, v.prec).join("");
  return pad(v, v.verb === "q" ? jsonEncode(s) : s, false);
}
function formatOne(v, arg) {
  if (v.verb === "v") {
    if (v.flags.includes("#") || arg === null) return pad(v, jsonEncode(arg), false);
    if (typeof arg === "string") return pad(v, arg, false);
    if (typeof arg === "number") return pad(v, (arg < 0 ? "-" : "") + general(Math.abs(arg), -1, false), false);
    return pad(v, jsonEncode(arg), false);
  }
  if (arg === null) fail2(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: null value cannot be formatted`);
  switch (v.verb) {
    case "t":
      if (arg === true || arg === "true") return pad(v, "true", false);
      if (arg === false || arg === "false") return pad(v, "false", false);
      fail2(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: bool required, got ${kindOf(arg)}`);
    // eslint-disable-next-line no-fallthrough
    case "s":
    case "q":
      return formatString(v, arg);
    case "b":
    case "d":
    case "o":
    case "x":
    case "X":
    case "e":
    case "E":
    case "f":
    case "g":
    case "G":
      return formatNumber(v, arg);
    default:
      fail2(`unsupported format verb ${JSON.stringify(v.verb)} in ${JSON.stringify(v.raw)} at offset ${v.offset}`);
  }
}
function formatValues(format2, args) {
  let out = "";
  let next = 0;
  let used = 0;
  let i = 0;
  while (i < format2.length) {
    const pct = format2.indexOf("%", i);
    if (pct < 0) {
      out += format2.slice(i);
      break;
    }
    out += format2.slice(i, pct);
    if (format2[pct + 1] === "%") {
      out += "%";
      i = pct + 2;
      continue;
    }
    VERB.lastIndex = pct;
    const m = VERB.exec(format2);
    i = VERB.lastIndex;
    const [raw, flags, idx1, width, prec, idx2, verb] = m;
    if (verb === "") fail2(`invalid format string starting at offset ${pct}`);
    const width_ = width === void 0 ? -1 : Number(width);
    const prec_ = prec === void 0 ? -1 : Number(prec || "0");
    if (width_ > MAX_WIDTH || prec_ > MAX_WIDTH) fail2(`width or precision in ${JSON.stringify(raw)} is larger than ${MAX_WIDTH}`);
    const explicit = idx2 ?? idx1;
    const argNum = explicit === void 0 ? next + 1 : Number(explicit);
    if (argNum < 1 || argNum > args.length)
      fail2(`not enough arguments for ${JSON.stringify(raw)} at ${pct}: need index ${argNum} but have ${args.length} total`);
    next = argNum;
    used = Math.max(used, argNum);
    out += formatOne({ raw, offset: pct, flags, width: width_, prec: prec_, verb }, args[argNum - 1]);
    if (out.length > MAX_STRING) fail2(`the result would be longer than ${MAX_STRING} characters`);
  }
  if (used < args.length)
    fail2(used === 0 ? "too many arguments; no verbs in format string" : `too many arguments; only ${used} used by format string`);
  return out;
}
function format([f, ...args]) {
  return formatValues(str2(f, "format"), args);
}
function formatlist([f, ...args]) {
  if (f instanceof Unknown) return unknownOf2([f, ...args]);
  const fmt = str2(f, "format");
  let length3 = -1;
  let lengthArg = 0;
  args.forEach((a, i) => {
    if (!Array.isArray(a)) return;
    if (length3 >= 0 && a.length !== length3)
      fail2(`argument ${i + 1} has length ${a.length}, which is inconsistent with argument ${lengthArg} of length ${length3}`);
    length3 = a.length;
    lengthArg = i + 1;
  });
  const whole = args.filter((a) => a instanceof Unknown);
  if (whole.length) return unknownOf2(whole);
  if (length3 > MAX_ELEMENTS) fail2(`more than ${MAX_ELEMENTS} elements`);
  const out = [];
  let total = 0;
  for (let k = 0; k < Math.max(length3, length3 < 0 ? 1 : 0); k++) {
    const row = args.map((a) => Array.isArray(a) ? a[k] : a);
    if (row.some(containsUnknown)) {
      out.push(unknownOf2(row));
      continue;
    }
    let s;
    try {
      s = formatValues(fmt, row);
    } catch (e) {
      fail2(`error on format iteration ${k}: ${e.message}`);
    }
    total += s.length;
    if (total > MAX_STRING) fail2(`the result would be longer than ${MAX_STRING} characters`);
    out.push(s);
  }
  return out;
}
var MAX_WIDTH, VERB, formatFunctions;
var init_format = __esm({
  "src/evaluate/functions/format.ts"() {
    "use strict";
    init_value();
    init_args();
    init_encoding();
    MAX_WIDTH = 1e4;
    VERB = /%([-+ #0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?(.?)/y;
    formatFunctions = {
      format: { fn: format, minArgs: 1, maxArgs: Infinity },
      formatlist: { fn: formatlist, minArgs: 1, maxArgs: Infinity, handlesUnknown: true }
    };
  }
});

// src/evaluate/functions/network.ts
function parseIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  let n = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return void 0;
    n = n << 8n | BigInt(p);
  }
  return n;
}
function parseIPv6(s) {
  let text2 = s;
  let tail = [];
  const lastColon = text2.lastIndexOf(":");
  if (text2.includes(".")) {
    const v4 = parseIPv4(text2.slice(lastColon + 1));
    if (v4 === void 0) return void 0;
    tail = [v4 >> 16n, v4 & 0xffffn];
    text2 = text2.slice(0, lastColon + 1);
    if (!text2.endsWith("::")) text2 = text2.slice(0, -1);
  }
  const halves = text2.split("::");
  if (halves.length > 2) return void 0;
  const group = (h) => {
    if (h === "") return [];
    const out = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  if (!head || !rest) return void 0;
  const given = [...head, ...rest, ...tail];
  const groups = halves.length === 2 ? [...head, ...Array(8 - given.length).fill(0n), ...rest, ...tail] : given;
  if (groups.length !== 8 || halves.length === 2 && given.length > 7) return void 0;
  return groups.reduce((n, g) => n << 16n | g, 0n);
}
function parseCIDR(value) {
  const s = str2(value, "prefix");
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  const v6 = m?.[1].includes(":") ?? false;
  const addr = m ? v6 ? parseIPv6(m[1]) : parseIPv4(m[1]) : void 0;
  const bits = v6 ? 128 : 32;
  const prefix2 = m ? Number(m[2]) : NaN;
  if (addr === void 0 || !(prefix2 <= bits)) fail2(`invalid CIDR address: ${s}`);
  const hostBits = BigInt(bits - prefix2);
  return { v6, bits, prefix: prefix2, base: addr >> hostBits << hostBits };
}
function formatIPv4(n) {
  return [24n, 16n, 8n, 0n].map((s) => String(n >> s & 0xffn)).join(".");
}
function formatIPv6(n) {
  const groups = Array.from({ length: 8 }, (_, i) => Number(n >> BigInt(112 - i * 16) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}
function formatAddr(net, n) {
  return net.v6 ? formatIPv6(n) : formatIPv4(n);
}
function subnet(net, newbits, netnum) {
  if (newbits < 0) fail2('invalid value for "newbits" parameter: must not be negative');
  const prefix2 = net.prefix + newbits;
  if (prefix2 > net.bits) fail2(`insufficient address space to extend prefix of ${net.prefix} by ${newbits}`);
  const max = 1n << BigInt(newbits);
  if (netnum < 0 || BigInt(netnum) >= max) fail2(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return `${formatAddr(net, net.base | BigInt(netnum) << BigInt(net.bits - prefix2))}/${prefix2}`;
}
function cidrsubnet([p, b, n]) {
  return subnet(parseCIDR(p), int(b, "newbits"), int(n, "netnum"));
}
function cidrsubnets([p, ...sizes]) {
  const net = parseCIDR(p);
  let next = net.base;
  const end = net.base + (1n << BigInt(net.bits - net.prefix));
  return sizes.map((s, i) => {
    const newbits = int(s, "newbits");
    if (newbits < 1) fail2(`invalid value for "newbits" parameter: must be at least 1, got ${newbits}`);
    const prefix2 = net.prefix + newbits;
    if (prefix2 > net.bits) fail2(`would extend prefix to ${prefix2} bits, which is too long for an IPv${net.v6 ? 6 : 4} address`);
    const size = 1n << BigInt(net.bits - prefix2);
    const start = (next + size - 1n) / size * size;
    if (start + size > end)
      fail2(
        `not enough remaining address space for a subnet with a prefix of ${prefix2} bits after ${i === 0 ? formatAddr(net, net.base) : formatAddr(net, next - 1n)}`
      );
    next = start + size;
    return `${formatAddr(net, start)}/${prefix2}`;
  });
}
function cidrhost([p, h]) {
  const net = parseCIDR(p);
  const hostnum = int(h, "hostnum");
  const size = 1n << BigInt(net.bits - net.prefix);
  const n = hostnum < 0 ? size + BigInt(hostnum) : BigInt(hostnum);
  if (n < 0n || n >= size) fail2(`prefix of ${net.prefix} does not accommodate a host numbered ${hostnum}`);
  return formatAddr(net, net.base + n);
}
function cidrnetmask([p]) {
  const net = parseCIDR(p);
  if (net.v6) fail2("only IPv4 networks are supported");
  return formatIPv4((1n << 32n) - 1n ^ (1n << BigInt(32 - net.prefix)) - 1n);
}
var networkFunctions;
var init_network2 = __esm({
  "src/evaluate/functions/network.ts"() {
    "use strict";
    init_args();
    networkFunctions = {
      cidrsubnet: { fn: cidrsubnet, minArgs: 3, maxArgs: 3 },
      cidrsubnets: { fn: cidrsubnets, minArgs: 1, maxArgs: Infinity },
      cidrhost: { fn: cidrhost, minArgs: 2, maxArgs: 2 },
      cidrnetmask: { fn: cidrnetmask, minArgs: 1, maxArgs: 1 }
    };
  }
});

// src/evaluate/functions/numbers.ts
function finite(n, what) {
  if (!Number.isFinite(n)) fail2(`${what} is not a finite number`);
  return n;
}
function minmax(args, pick) {
  if (args.length === 0) fail2("must pass at least one number");
  return args.map((a, i) => num(a, `numbers[${i}]`)).reduce((a, b) => pick(a, b));
}
function sum([l]) {
  const items = list2(l, "list");
  if (items.length === 0) fail2("cannot sum an empty list");
  return finite(
    items.map((v, i) => v === null ? fail2(`argument must be list, set, or tuple of number values; element ${i} is null`) : num(v, "list")).reduce((a, b) => a + b, 0),
    "the sum"
  );
}
function log([n, b]) {
  const x = num(n, "num");
  const base = num(b, "base");
  const r = Math.log(x) / Math.log(base);
  if (!Number.isFinite(r)) fail2(`log(${x}, ${base}) is not a finite number`);
  return r;
}
function pow([a, b]) {
  return finite(num(a, "num") ** num(b, "power"), "the result");
}
function digitValue(c, base) {
  const code = c.charCodeAt(0);
  let d = 99;
  if (code >= 48 && code <= 57) d = code - 48;
  else if (code >= 97 && code <= 122) d = code - 97 + 10;
  else if (code >= 65 && code <= 90) d = code - 65 + (base <= 36 ? 10 : 36);
  return d < base ? d : -1;
}
function parseint([s, b]) {
  const text2 = str2(s, "number");
  const base = int(b, "base");
  if (base < 2 || base > 62) fail2(`invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive`);
  const m = /^([+-]?)(.+)$/s.exec(text2);
  const bad2 = () => fail2(`cannot parse ${JSON.stringify(text2.slice(0, 80))} as a base ${base} integer`);
  if (!m || m[2].length > 1100) bad2();
  let n = 0n;
  for (const c of m[2]) {
    const d = digitValue(c, base);
    if (d < 0) bad2();
    n = n * BigInt(base) + BigInt(d);
  }
  const value = Number(n);
  if (!Number.isFinite(value)) fail2(`${JSON.stringify(text2)} is too large`);
  return m[1] === "-" ? -value : value;
}
var numberFunctions;
var init_numbers = __esm({
  "src/evaluate/functions/numbers.ts"() {
    "use strict";
    init_args();
    numberFunctions = {
      abs: { fn: ([n]) => Math.abs(num(n, "num")), minArgs: 1, maxArgs: 1 },
      ceil: { fn: ([n]) => Math.ceil(num(n, "num")), minArgs: 1, maxArgs: 1 },
      floor: { fn: ([n]) => Math.floor(num(n, "num")), minArgs: 1, maxArgs: 1 },
      signum: { fn: ([n]) => Math.sign(num(n, "num")) || 0, minArgs: 1, maxArgs: 1 },
      min: { fn: (args) => minmax(args, Math.min), minArgs: 1, maxArgs: Infinity },
      max: { fn: (args) => minmax(args, Math.max), minArgs: 1, maxArgs: Infinity },
      sum: { fn: sum, minArgs: 1, maxArgs: 1 },
      log: { fn: log, minArgs: 2, maxArgs: 2 },
      pow: { fn: pow, minArgs: 2, maxArgs: 2 },
      parseint: { fn: parseint, minArgs: 2, maxArgs: 2 }
    };
  }
});

// src/evaluate/functions/regex.ts
function compileRE22(pattern) {
  try {
    return compileRE2(pattern);
  } catch (e) {
    if (e instanceof RegexError) fail2(e.message);
    throw e;
  }
}
function findAll(c, text2, limit = MAX_ELEMENTS) {
  const re = c.regexp;
  const out = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= text2.length && out.length < limit) {
    re.lastIndex = pos;
    const m = re.exec(text2);
    if (!m) break;
    const end = m.index + m[0].length;
    let accept = true;
    if (end === pos || m[0].length === 0) {
      if (m.index === prevEnd) accept = false;
      const cp = text2.codePointAt(m.index);
      pos = m.index + (cp !== void 0 && cp > 65535 ? 2 : 1);
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}
function resultOf(c, m) {
  const named2 = c.names.filter((n) => n !== void 0).length;
  if (c.names.length === 0) return m[0];
  if (named2 === 0) return c.names.map((_, i) => m[i + 1] ?? null);
  const o = newObject();
  c.names.forEach((n, i) => o[n] = m[i + 1] ?? null);
  return o;
}
function checkGroups(c) {
  const named2 = c.names.filter((n) => n !== void 0).length;
  if (named2 > 0 && named2 < c.names.length) fail2("invalid regexp pattern: cannot mix both named and unnamed capture groups");
}
function regex([p, s]) {
  const c = compileRE22(str2(p, "pattern"));
  checkGroups(c);
  const [m] = findAll(c, str2(s, "string"), 1);
  if (!m) fail2("pattern did not match any part of the given string");
  return resultOf(c, m);
}
function regexall([p, s]) {
  const c = compileRE22(str2(p, "pattern"));
  checkGroups(c);
  return findAll(c, str2(s, "string")).map((m) => resultOf(c, m));
}
function expand3(template, c, m) {
  return template.replace(/\$(?:\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))?/g, (whole, braced, bare) => {
    if (whole === "$$") return "$";
    const name = braced ?? bare;
    if (name === void 0) return "$";
    const index2 = /^\d+$/.test(name) ? Number(name) : c.names.indexOf(name) + 1;
    if (index2 === 0 && name !== "0") return "";
    return (index2 <= c.names.length ? m[index2] : void 0) ?? "";
  });
}
function replaceAll(c, text2, template) {
  let out = "";
  let last = 0;
  for (const m of findAll(c, text2)) {
    out += text2.slice(last, m.index) + expand3(template, c, m);
    last = m.index + m[0].length;
  }
  return out + text2.slice(last);
}
var regexFunctions;
var init_regex = __esm({
  "src/evaluate/functions/regex.ts"() {
    "use strict";
    init_value();
    init_args();
    init_compile();
    regexFunctions = {
      regex: { fn: regex, minArgs: 2, maxArgs: 2 },
      regexall: { fn: regexall, minArgs: 2, maxArgs: 2 }
    };
  }
});

// src/evaluate/functions/sets.ts
function sets(args) {
  return args.map((a, i) => makeSet(list2(a, `sets[${i}]`)));
}
function setunion(args) {
  return makeSet(sets(args).flat());
}
function setintersection(args) {
  const [first, ...rest] = sets(args);
  const others = rest.map((s) => new Set(s.map((v) => valueKey(v))));
  return first.filter((v) => others.every((o) => o.has(valueKey(v))));
}
function setsubtract([a, b]) {
  const [left, right] = sets([a, b]);
  const remove = new Set(right.map((v) => valueKey(v)));
  return left.filter((v) => !remove.has(valueKey(v)));
}
function setproduct(args) {
  const lists = args.map((a, i) => list2(a, `sets[${i}]`));
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total > MAX_ELEMENTS) fail2(`the product would have ${total} elements, more than ${MAX_ELEMENTS}`);
  let out = [[]];
  for (const l of lists) out = out.flatMap((prefix2) => l.map((v) => [...prefix2, v]));
  return out;
}
var setFunctions;
var init_sets = __esm({
  "src/evaluate/functions/sets.ts"() {
    "use strict";
    init_args();
    init_conversions();
    setFunctions = {
      setunion: { fn: setunion, minArgs: 1, maxArgs: Infinity },
      setintersection: { fn: setintersection, minArgs: 1, maxArgs: Infinity },
      setsubtract: { fn: setsubtract, minArgs: 2, maxArgs: 2 },
      setproduct: { fn: setproduct, minArgs: 2, maxArgs: Infinity }
    };
  }
});

// src/evaluate/functions/strings.ts
function join(args) {
  const sep2 = str2(args[0], "separator");
  const lists = args.slice(1);
  const items = [];
  lists.forEach((l, li) => {
    list2(l, "lists").forEach((v, i) => {
      const where2 = lists.length > 1 ? `element ${i} of list ${li + 1}` : `element ${i}`;
      if (v === null) fail2(`${where2} is null; cannot concatenate null values`);
      const s = primitiveToString(v);
      if (s === void 0) fail2(`${where2}: string required, got ${kindOf(v)}`);
      items.push(s);
    });
  });
  return items.join(sep2);
}
function split([sep2, s]) {
  const separator = str2(sep2, "separator");
  const text2 = str2(s, "str");
  return separator === "" ? Array.from(text2) : text2.split(separator);
}
function isWordChar(c) {
  return /[\p{L}\p{N}_]/u.test(c) || c.charCodeAt(0) > 127 && !/\s/u.test(c);
}
function title([s]) {
  let prev = " ";
  let out = "";
  for (const c of str2(s, "str")) {
    out += isWordChar(prev) ? c : c.toUpperCase();
    prev = c;
  }
  return out;
}
function trim([s, cut]) {
  const text2 = Array.from(str2(s, "str"));
  const cutset = new Set(Array.from(str2(cut, "cutset")));
  let a = 0;
  let b = text2.length;
  while (a < b && cutset.has(text2[a])) a++;
  while (b > a && cutset.has(text2[b - 1])) b--;
  return text2.slice(a, b).join("");
}
function trimprefix([s, p]) {
  const text2 = str2(s, "str");
  const prefix2 = str2(p, "prefix");
  return text2.startsWith(prefix2) ? text2.slice(prefix2.length) : text2;
}
function trimsuffix([s, p]) {
  const text2 = str2(s, "str");
  const suffix = str2(p, "suffix");
  return suffix !== "" && text2.endsWith(suffix) ? text2.slice(0, text2.length - suffix.length) : text2;
}
function trimspace([s]) {
  return str2(s, "str").replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");
}
function indent([n, s]) {
  const spaces = int(n, "spaces");
  const text2 = str2(s, "str");
  if (spaces < 0) fail2('invalid value for "spaces" parameter: must not be negative');
  const lines = text2.split("\n");
  if (spaces * lines.length + text2.length > MAX_STRING) fail2(`the result would be longer than ${MAX_STRING} characters`);
  return lines.join(`
${" ".repeat(spaces)}`);
}
function substr([s, o, l]) {
  const chars = graphemes(str2(s, "str"));
  let offset = int(o, "offset");
  const length3 = int(l, "length");
  if (offset < 0) offset = Math.max(0, offset + chars.length);
  if (offset >= chars.length || length3 === 0) return "";
  return chars.slice(offset, length3 < 0 ? void 0 : offset + length3).join("");
}
function replace([s, f, r]) {
  const text2 = str2(s, "str");
  const search = str2(f, "substr");
  const replacement = str2(r, "replace");
  if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
    return replaceAll(compileRE22(search.slice(1, -1)), text2, replacement);
  }
  if (search === "")
    return Array.from(text2).map((c) => replacement + c).join("") + replacement;
  return text2.split(search).join(replacement);
}
function strFn(f, param = "str") {
  return { fn: ([s]) => f(str2(s, param)), minArgs: 1, maxArgs: 1 };
}
function str22(f, p1, p2) {
  return { fn: ([a, b]) => f(str2(a, p1), str2(b, p2)), minArgs: 2, maxArgs: 2 };
}
var stringFunctions;
var init_strings2 = __esm({
  "src/evaluate/functions/strings.ts"() {
    "use strict";
    init_args();
    init_regex();
    stringFunctions = {
      join: { fn: join, minArgs: 2, maxArgs: Infinity },
      split: { fn: split, minArgs: 2, maxArgs: 2 },
      lower: strFn((s) => s.toLowerCase()),
      upper: strFn((s) => s.toUpperCase()),
      title: { fn: title, minArgs: 1, maxArgs: 1 },
      chomp: strFn((s) => s.replace(/(?:\r\n?|\n)+$/, "")),
      strrev: strFn((s) => graphemes(s).reverse().join("")),
      trim: { fn: trim, minArgs: 2, maxArgs: 2 },
      trimprefix: { fn: trimprefix, minArgs: 2, maxArgs: 2 },
      trimsuffix: { fn: trimsuffix, minArgs: 2, maxArgs: 2 },
      trimspace: { fn: trimspace, minArgs: 1, maxArgs: 1 },
      startswith: str22((s, p) => s.startsWith(p), "str", "prefix"),
      endswith: str22((s, p) => s.endsWith(p), "str", "suffix"),
      strcontains: str22((s, p) => s.includes(p), "str", "substr"),
      indent: { fn: indent, minArgs: 2, maxArgs: 2 },
      substr: { fn: substr, minArgs: 3, maxArgs: 3 },
      replace: { fn: replace, minArgs: 3, maxArgs: 3 }
    };
  }
});

// src/evaluate/functions/unevaluated.ts
var FILES, CLOCK, RANDOM, MACHINE, REASONS, UNEVALUATED_FUNCTIONS;
var init_unevaluated = __esm({
  "src/evaluate/functions/unevaluated.ts"() {
    "use strict";
    FILES = "reads files; tfguard never reads outside what it scans";
    CLOCK = "depends on the time when Terraform runs";
    RANDOM = "returns a new random value every time Terraform runs";
    MACHINE = "depends on the machine that runs Terraform";
    REASONS = new Map([
      ...[
        "file",
        "filebase64",
        "fileexists",
        "fileset",
        "filemd5",
        "filesha1",
        "filesha256",
        "filesha512",
        "filebase64sha256",
        "filebase64sha512",
        "templatefile"
      ].map((n) => [n, FILES]),
      ["timestamp", CLOCK],
      ["plantimestamp", CLOCK],
      ["uuid", RANDOM],
      ["bcrypt", RANDOM],
      ["abspath", MACHINE],
      ["pathexpand", MACHINE],
      ["base64gzip", "tfguard does not reproduce Terraform's compressed bytes"]
    ]);
    UNEVALUATED_FUNCTIONS = new Set(REASONS.keys());
  }
});

// src/evaluate/functions/index.ts
var functions;
var init_functions = __esm({
  "src/evaluate/functions/index.ts"() {
    "use strict";
    init_budget();
    init_value();
    init_args();
    init_collections();
    init_conversions();
    init_encoding();
    init_format();
    init_network2();
    init_numbers();
    init_regex();
    init_sets();
    init_strings2();
    init_types2();
    init_unevaluated();
    functions = new Map(
      Object.entries({
        ...collectionFunctions,
        ...setFunctions,
        ...conversionFunctions,
        ...stringFunctions,
        ...numberFunctions,
        ...encodingFunctions,
        ...formatFunctions,
        ...regexFunctions,
        ...networkFunctions
      })
    );
  }
});

// src/evaluate/reference.ts
var init_reference = __esm({
  "src/evaluate/reference.ts"() {
    "use strict";
    init_value();
  }
});

// src/evaluate/expr.ts
var init_expr = __esm({
  "src/evaluate/expr.ts"() {
    "use strict";
    init_ast();
    init_budget();
    init_limits();
    init_convert();
    init_functions();
    init_types2();
    init_reference();
    init_value();
  }
});

// src/evaluate/provenance.ts
var init_provenance = __esm({
  "src/evaluate/provenance.ts"() {
    "use strict";
    init_convert();
    init_expr();
    init_types2();
    init_value();
  }
});

// src/evaluate/body.ts
var init_body = __esm({
  "src/evaluate/body.ts"() {
    "use strict";
    init_budget();
    init_convert();
    init_expr();
    init_types2();
    init_reference();
    init_provenance();
    init_value();
  }
});

// src/evaluate/expand.ts
var init_expand = __esm({
  "src/evaluate/expand.ts"() {
    "use strict";
    init_body();
    init_budget();
    init_limits();
    init_value();
  }
});

// src/evaluate/types.ts
var init_types3 = __esm({
  "src/evaluate/types.ts"() {
    "use strict";
    init_convert();
    init_expr();
    init_value();
  }
});

// src/evaluate/variables.ts
var init_variables = __esm({
  "src/evaluate/variables.ts"() {
    "use strict";
    init_expr();
    init_types3();
    init_value();
  }
});

// src/evaluate/module.ts
var init_module = __esm({
  "src/evaluate/module.ts"() {
    "use strict";
    init_budget();
    init_body();
    init_convert();
    init_expand();
    init_expr();
    init_provenance();
    init_reference();
    init_sources();
    init_variables();
    init_value();
  }
});

// src/load/hcl/module-sources.ts
var Undecided, UNDECIDED;
var init_module_sources = __esm({
  "src/load/hcl/module-sources.ts"() {
    "use strict";
    init_scanner();
    init_strings();
    init_template_parser();
    init_diagnostics();
    init_char_codes();
    Undecided = class extends Error {
    };
    UNDECIDED = new Undecided("undecided");
  }
});

// src/evaluate/called.ts
var init_called = __esm({
  "src/evaluate/called.ts"() {
    "use strict";
    init_module_sources();
    init_override();
    init_sources();
  }
});

// src/evaluate/total-instances.ts
var init_total_instances = __esm({
  "src/evaluate/total-instances.ts"() {
    "use strict";
    init_limits();
    init_budget();
  }
});

// src/evaluate/session.ts
var init_session = __esm({
  "src/evaluate/session.ts"() {
    "use strict";
    init_diagnostics();
    init_module_dir();
    init_sources();
    init_total_instances();
  }
});

// src/common/memory.ts
var GROWTH;
var init_memory = __esm({
  "src/common/memory.ts"() {
    "use strict";
    GROWTH = 128 * 2 ** 20;
  }
});

// src/evaluate/project.ts
var init_project = __esm({
  "src/evaluate/project.ts"() {
    "use strict";
    init_limits();
    init_discover();
    init_hcl();
    init_module_dir();
    init_preparse();
    init_expr();
    init_provenance();
    init_module();
    init_called();
    init_session();
    init_variables();
    init_value();
    init_paths();
    init_memory();
  }
});

// src/evaluate/plan.ts
var init_plan2 = __esm({
  "src/evaluate/plan.ts"() {
    "use strict";
    init_data_file();
    init_plan();
    init_plan_source();
    init_project();
    init_reference();
    init_value();
    init_budget();
    init_line_index();
  }
});

// src/evaluate/data.ts
function recordAddress(file, where2) {
  if (!where2) return file;
  const line = /^line (\d+)$/.exec(where2);
  return `${file}#${line ? `L${line[1]}` : where2}`;
}
var START2;
var init_data = __esm({
  "src/evaluate/data.ts"() {
    "use strict";
    init_diagnostics();
    init_data_file();
    init_plan2();
    init_plan();
    init_value();
    init_budget();
    START2 = pointRange();
  }
});

// src/scan/logs.ts
async function readLogFile(file, filter3, maxBytes) {
  const out = { file, notEvents: false, kept: [], records: 0, diagnostics: [] };
  let bad2 = 0;
  let seen = 0;
  const problem = (r, label, code, message, hint) => {
    if (bad2++ < MAX_RECORD_DIAGNOSTICS)
      out.diagnostics.push({ severity: "error", code, file, range: r.range, message: `${label}: ${message}`, hint });
  };
  const onRecords = (recs, shape) => {
    const maybe = mayMatchBatch(
      filter3,
      recs[0].buf,
      recs.map((r) => ({ start: r.start, end: r.start + r.bytes.length, escaped: r.escaped }))
    );
    for (let k = 0; k < recs.length; k++) {
      const r = recs[k];
      seen++;
      const label = where(shape, r);
      if (r.tooLarge) {
        problem(
          r,
          label,
          "file-too-large",
          `the record is over ${MAX_RECORD_BYTES} bytes and was not read`,
          "CloudTrail events are at most 256 KB; check the file"
        );
        continue;
      }
      if (r.tooDeep) {
        problem(
          r,
          label,
          "too-deep",
          `the record is nested more than ${MAX_RECORD_DEPTH} levels deep and was not read`,
          "CloudTrail events are shallow; check the file"
        );
        continue;
      }
      const classify = shape !== "records" && r.index === 0;
      const cheap = (r.keys & 1) !== 0 && (r.keys & 6) !== 0;
      if (!classify && cheap && !maybe[k]) {
        out.records++;
        continue;
      }
      let value;
      try {
        value = JSON.parse(r.bytes.toString("utf8"));
      } catch (e) {
        if (classify) return stop();
        problem(r, label, "not-json", `not valid JSON: ${e.message}`, "each record is one JSON object; the file may be damaged");
        continue;
      }
      if (!isEvent(value)) {
        if (classify) return stop();
        problem(
          r,
          label,
          "not-an-event",
          `not a CloudTrail event: found ${describeShape(value)}`,
          'each record of a CloudTrail log file has "eventName" and "eventSource"'
        );
        continue;
      }
      out.records++;
      if (needsEvent(filter3, value, recordAddress(file, label)))
        out.kept.push({ text: r.bytes.toString("utf8"), where: label, range: r.range });
    }
    return true;
  };
  const stop = () => {
    out.notEvents = true;
    return false;
  };
  const read = await readLogRecords(file, onRecords, { maxBytes });
  if (out.notEvents) return { ...out, kept: [], records: 0, diagnostics: [] };
  if (bad2 > MAX_RECORD_DIAGNOSTICS)
    out.diagnostics.push({
      severity: "error",
      code: "not-an-event",
      file,
      message: `${bad2 - MAX_RECORD_DIAGNOSTICS} more records of this file are not CloudTrail events that can be read (${bad2} in all; the first ${MAX_RECORD_DIAGNOSTICS} are listed)`,
      hint: "check that the file is a CloudTrail log; the records that are events were read"
    });
  out.diagnostics.push(...read.diagnostics);
  if (read.shape === "values" && seen === 1 && out.kept.length === 1) out.kept[0].where = "";
  return out;
}
var MAX_RECORD_DIAGNOSTICS, where;
var init_logs = __esm({
  "src/scan/logs.ts"() {
    "use strict";
    init_data_file();
    init_log_read();
    init_paths();
    init_log_split();
    init_data();
    init_event_filter();
    MAX_RECORD_DIAGNOSTICS = 20;
    where = (shape, r) => shape === "records" ? `Records[${r.index}]` : shape === "array" ? `[${r.index}]` : `line ${r.range.start.line}`;
  }
});

// src/scan/log-worker.ts
init_gsl();
init_event_filter();
init_logs();
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (port) {
  const data = workerData;
  const rules = data.rules.flatMap((r) => {
    const c = compileRule(r.text, r.source);
    return c.ok ? [c.rule] : [];
  });
  const filter3 = { ...eventFilter(rules, data.now), ...data.keepAll ? { keepAll: true } : {} };
  port.on("message", (req) => {
    readLogFile(req.file, filter3, data.maxBytes).then(
      (result) => port.postMessage({ id: req.id, result }),
      (e) => port.postMessage({ id: req.id, error: e.message })
    );
  });
}
