// Terraform's JSON syntax (.tf.json, .tfvars.json) → the same Body/Block/Attribute model as HCL files.
// https://developer.hashicorp.com/terraform/language/syntax/json
//
// Without provider schemas an object value inside a resource cannot be told apart as an attribute (`tags`) or a
// nested block (`versioning`). We read an object as an attribute holding an object expression, and an array of
// objects as a tuple of objects, except for the blocks Terraform itself defines (lifecycle, provisioner,
// connection, dynamic and their inner blocks, terraform's backend/required_providers, …), which become blocks.
// The evaluator accepts either shape for nested blocks.
//
// Block positions: the type keyword of a JSON block is its innermost key (`"b": {` of
// `"resource": {"aws_s3_bucket": {"b": {…}}}`), because that is the line that identifies the block.
import type { Attribute, Block, Body, Comment, Expr, File } from './ast.js';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { parseHclTemplate } from './hcl/index.js';
import { parseJsonSyntax, type JsonMember, type JsonNode } from './json-syntax.js';

/** Label counts of top-level block types. `locals` is handled apart (its members are attributes). */
const TOP_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  check: 1,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
};

/** Nested blocks Terraform defines, by parent block type, with their label counts. */
const NESTED: Record<string, Record<string, number>> = {
  resource: { lifecycle: 0, provisioner: 1, connection: 0, dynamic: 1 },
  data: { lifecycle: 0, dynamic: 1 },
  ephemeral: { lifecycle: 0, dynamic: 1 },
  content: { dynamic: 1 },
  dynamic: { content: 0 },
  lifecycle: { precondition: 0, postcondition: 0 },
  provisioner: { connection: 0 },
  terraform: { backend: 1, required_providers: 0, cloud: 0 },
  cloud: { workspaces: 0 },
  variable: { validation: 0 },
  output: { precondition: 0 },
  check: { data: 2, assert: 0 },
  provider: { dynamic: 1 },
  module: {},
};

interface Cx {
  path: string;
  kind: 'config' | 'tfvars';
  diagnostics: Diagnostic[];
  comments: Comment[];
}

export function parseJsonConfig(path: string, text: string, kind: 'config' | 'tfvars'): File {
  const { node, ctx } = parseJsonSyntax(path, text);
  const whole = ctx.range(0, text.length);
  const cx: Cx = { path, kind, diagnostics: ctx.diagnostics, comments: [] };
  const file: File = {
    path,
    kind: 'json',
    body: { attributes: [], blocks: [], range: whole },
    comments: cx.comments,
    diagnostics: cx.diagnostics,
    text,
  };
  if (!node) return file;
  if (node.type !== 'object') {
    err(
      cx,
      node.range,
      `expected a JSON object at the top of the file, found ${describe(node)}`,
      kind === 'tfvars'
        ? 'a .tfvars.json file is an object of variable names to values'
        : 'a .tf.json file is an object such as {"resource": {…}}',
    );
    return file;
  }
  const body = file.body;
  for (const m of node.members) {
    if (m.key === '//') {
      comment(cx, m);
      continue;
    }
    if (kind === 'tfvars') {
      body.attributes.push(attribute(cx, m));
      continue;
    }
    if (m.key === 'locals') {
      for (const obj of objects(cx, m.value, 'locals')) {
        const locals: Block = {
          type: 'locals',
          typeRange: m.keyRange,
          labels: [],
          labelRanges: [],
          body: bodyOf(cx, obj, 'locals'),
          range: span(m.keyRange, obj.range),
        };
        body.blocks.push(locals);
      }
      continue;
    }
    const labels = TOP_LABELS[m.key];
    if (labels === undefined) {
      // Unknown top-level keys are read as unlabelled blocks, as HCL's JSON decoder does for a schema it is given.
      cx.diagnostics.push({
        severity: 'warning',
        code: 'unknown-block',
        file: path,
        range: m.keyRange,
        message: `unknown top-level key ${JSON.stringify(m.key)} in a Terraform JSON file`,
        hint: 'top-level keys are resource, data, module, variable, output, provider, locals, terraform, …',
      });
      continue;
    }
    blocks(cx, m.key, m.keyRange, labels, m.value, [], [], body.blocks);
  }
  checkDuplicates(cx, body);
  return file;
}

/** Plain JSON with positions: objects are null-prototype records. Duplicate keys are warned about (last wins). */
export function parseJsonValue(path: string, text: string): { value: unknown; diagnostics: Diagnostic[] } {
  const { node, ctx } = parseJsonSyntax(path, text);
  if (!node) return { value: undefined, diagnostics: ctx.diagnostics };
  const toValue = (n: JsonNode): unknown => {
    switch (n.type) {
      case 'object': {
        const o = Object.create(null) as Record<string, unknown>;
        const seen = new Set<string>();
        for (const m of n.members) {
          if (seen.has(m.key)) {
            ctx.diagnostics.push({
              severity: 'warning',
              code: 'duplicate-key',
              file: path,
              range: m.keyRange,
              message: `duplicate key ${JSON.stringify(m.key)} in an object; the last value is used`,
              hint: 'remove one of the duplicate keys',
            });
          }
          seen.add(m.key);
          o[m.key] = toValue(m.value);
        }
        return o;
      }
      case 'array':
        return n.items.map(toValue);
      case 'null':
        return null;
      case 'deep':
        return undefined; // reported by the reader
      default:
        return n.value;
    }
  };
  return { value: toValue(node), diagnostics: ctx.diagnostics };
}

function blocks(
  cx: Cx,
  type: string,
  keyRange: Range,
  labelsLeft: number,
  v: JsonNode,
  labels: string[],
  labelRanges: Range[],
  out: Block[],
): void {
  if (labelsLeft > 0) {
    if (v.type !== 'object') {
      err(
        cx,
        v.range,
        `expected an object of ${type} ${labels.length === 0 && labelsLeft === 2 ? 'types' : 'names'} after ${JSON.stringify(type)}, found ${describe(v)}`,
        `write "${type}": {"<label>": {…}}`,
      );
      return;
    }
    for (const m of v.members) {
      if (m.key === '//') {
        comment(cx, m);
        continue;
      }
      blocks(cx, type, m.keyRange, labelsLeft - 1, m.value, [...labels, m.key], [...labelRanges, m.keyRange], out);
    }
    return;
  }
  for (const obj of objects(cx, v, type)) {
    out.push({ type, typeRange: keyRange, labels, labelRanges, body: bodyOf(cx, obj, type), range: span(keyRange, obj.range) });
  }
}

/** A block body is an object, or an array of objects (several blocks of the same header). */
function objects(cx: Cx, v: JsonNode, type: string): Array<Extract<JsonNode, { type: 'object' }>> {
  if (v.type === 'object') return [v];
  if (v.type === 'array' && v.items.every((i) => i.type === 'object')) return v.items as Array<Extract<JsonNode, { type: 'object' }>>;
  err(
    cx,
    v.range,
    `expected an object (or an array of objects) as the body of ${JSON.stringify(type)}, found ${describe(v)}`,
    `write "${type}": {…}`,
  );
  return [];
}

function bodyOf(cx: Cx, obj: Extract<JsonNode, { type: 'object' }>, type: string): Body {
  const body: Body = { attributes: [], blocks: [], range: obj.range };
  const nested = NESTED[type] ?? {};
  for (const m of obj.members) {
    if (m.key === '//') {
      comment(cx, m);
      continue;
    }
    const labels = type === 'locals' ? undefined : nested[m.key];
    if (labels !== undefined && (m.value.type === 'object' || m.value.type === 'array')) {
      blocks(cx, m.key, m.keyRange, labels, m.value, [], [], body.blocks);
    } else {
      body.attributes.push(attribute(cx, m));
    }
  }
  checkDuplicates(cx, body);
  return body;
}

function attribute(cx: Cx, m: JsonMember): Attribute {
  return { name: m.key, nameRange: m.keyRange, expr: expr(cx, m.value), range: span(m.keyRange, m.value.range) };
}

function expr(cx: Cx, n: JsonNode): Expr {
  switch (n.type) {
    case 'string':
      if (cx.kind === 'config' && (n.value.includes('${') || n.value.includes('%{'))) {
        const r = parseHclTemplate(cx.path, n.value, n.range);
        cx.diagnostics.push(...r.diagnostics);
        return r.expr;
      }
      return { kind: 'literal', value: n.value, range: n.range };
    case 'number':
    case 'bool':
      return { kind: 'literal', value: n.value, range: n.range };
    case 'null':
      return { kind: 'literal', value: null, range: n.range };
    case 'deep':
      return { kind: 'invalid', text: '', range: n.range };
    case 'array':
      return { kind: 'tuple', items: n.items.map((i) => expr(cx, i)), range: n.range };
    case 'object':
      return {
        kind: 'object',
        items: n.members
          .filter((m) => m.key !== '//' || cx.kind === 'tfvars')
          .map((m) => ({ key: { kind: 'literal', value: m.key, range: m.keyRange }, keyIsIdent: false, value: expr(cx, m.value) })),
        range: n.range,
      };
  }
}

function checkDuplicates(cx: Cx, body: Body): void {
  const seen = new Map<string, number>();
  for (const a of body.attributes) {
    const first = seen.get(a.name);
    if (first === undefined) seen.set(a.name, a.nameRange.start.line);
    else {
      cx.diagnostics.push({
        severity: 'error',
        code: 'duplicate-attribute',
        file: cx.path,
        range: a.nameRange,
        message: `attribute "${a.name}" is set twice: it was already set on line ${first}`,
        hint: 'remove one of the two; Terraform allows each argument only once per block',
      });
    }
  }
}

function comment(cx: Cx, m: JsonMember): void {
  cx.comments.push({ text: m.value.type === 'string' ? m.value.value : '', range: span(m.keyRange, m.value.range) });
}

function err(cx: Cx, range: Range, message: string, hint?: string): void {
  const d: Diagnostic = { severity: 'error', code: 'syntax', file: cx.path, range, message };
  if (hint) d.hint = hint;
  cx.diagnostics.push(d);
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

function describe(n: JsonNode): string {
  return n.type === 'object' ? 'an object' : n.type === 'array' ? 'an array' : n.type === 'null' ? 'null' : `a ${n.type}`;
}
