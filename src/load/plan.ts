// The plan model: the parts of `terraform show -json` output an analyzer needs (format versions 0.x and 1.x,
// https://developer.hashicorp.com/terraform/internals/json-format). Values stay the parsed JSON; the evaluate
// stage turns them into resources in place (adoptJSON in src/evaluate/value.ts).
import type { Diagnostic, DiagnosticCode } from '../common/diagnostics.js';

type Json = unknown;
type JsonObject = Record<string, Json>;

/** What identifies a resource instance in a plan. */
export interface PlanAddress {
  address: string;
  /** Module instance address, '' for the root: `module.a["x"]`. */
  module: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
}

export interface PlanResource extends PlanAddress {
  providerName?: string;
  values: JsonObject;
}

export interface PlanChange extends PlanAddress {
  /** `["create"]`, `["update"]`, `["delete"]`, `["no-op"]`, `["read"]`, `["delete","create"]`, ... */
  actions: string[];
  before: Json;
  after: Json;
  /** Mirror of `after` with `true` where the value is known only after apply. */
  afterUnknown: Json;
}

export interface PlanConfigResource {
  /** Address inside its module, without module path or instance key: `aws_s3_bucket.b`. */
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** Attribute name → `{constant_value}` / `{references}`, nested blocks as arrays of such maps. */
  expressions: JsonObject;
}

export interface PlanModuleConfig {
  resources: PlanConfigResource[];
  moduleCalls: Map<string, { source: string; module: PlanModuleConfig }>;
}

export interface PlanDocument {
  path: string;
  /** The plan JSON text (used to find where each resource stands when there is no source). */
  text: string;
  formatVersion: string;
  terraformVersion?: string;
  /** `planned_values`: the root module's resources, then each child module's, depth first. */
  resources: PlanResource[];
  changes: PlanChange[];
  configuration: PlanModuleConfig;
}

const MAX_MODULE_DEPTH = 64;

function isObj(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: Json): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Build the plan model from parsed JSON; structural problems are errors naming the file and field. */
export function planFromValue(path: string, text: string, raw: JsonObject): { plan?: PlanDocument; diagnostics: Diagnostic[] } {
  // Not copied: only fixed field names and own keys (Object.keys) are read here, and every value that reaches a
  // Resource is made a Value in place by the evaluate stage (adoptJSON: objects lose Object.prototype).
  const doc = raw;
  const diagnostics: Diagnostic[] = [];
  const err = (code: DiagnosticCode, message: string, hint?: string): void => {
    diagnostics.push({ severity: 'error', code, file: path, message, ...(hint ? { hint } : {}) });
  };
  const fv = doc.format_version;
  if (typeof fv !== 'string' || !/^\d+\.\d+$/.test(fv)) {
    err(
      'plan-format',
      `the plan's "format_version" is ${JSON.stringify(fv)}, expected a version such as "1.2"`,
      'write the plan with `terraform show -json plan.out`',
    );
    return { diagnostics };
  }
  const major = Number(fv.split('.')[0]);
  if (major !== 0 && major !== 1) {
    err(
      'plan-format',
      `unsupported plan format_version "${fv}": tfguard reads format versions 0.x and 1.x`,
      'use a Terraform release whose `terraform show -json` writes format 0.x or 1.x, or upgrade tfguard',
    );
    return { diagnostics };
  }
  const plan: PlanDocument = {
    path,
    text,
    formatVersion: fv,
    resources: [],
    changes: [],
    configuration: { resources: [], moduleCalls: new Map() },
  };
  const tv = str(doc.terraform_version);
  if (tv) plan.terraformVersion = tv;

  const pv = doc.planned_values;
  if (pv !== undefined && pv !== null) {
    if (!isObj(pv)) err('plan-shape', '"planned_values" must be an object');
    else if (pv.root_module !== undefined) {
      if (!isObj(pv.root_module)) err('plan-shape', '"planned_values.root_module" must be an object');
      else plannedModule(pv.root_module, 'planned_values.root_module', '', plan.resources, err, 0);
    }
  }
  const rc = doc.resource_changes;
  if (rc !== undefined && rc !== null) {
    if (!Array.isArray(rc)) err('plan-shape', '"resource_changes" must be an array');
    else
      rc.forEach((c, i) => {
        const ch = change(c, `resource_changes[${i}]`, err);
        if (ch) plan.changes.push(ch);
      });
  }
  const conf = doc.configuration;
  if (isObj(conf) && isObj(conf.root_module)) plan.configuration = configModule(conf.root_module, 0);
  return diagnostics.length ? { diagnostics } : { plan, diagnostics };
}

function common(
  o: JsonObject,
  where: string,
  err: (c: DiagnosticCode, m: string, h?: string) => void,
): Omit<PlanResource, 'values' | 'module'> | undefined {
  const address = str(o.address);
  const type = str(o.type);
  const name = str(o.name);
  if (!address || !type || !name) {
    err(
      'plan-shape',
      `${where} lacks ${!address ? '"address"' : !type ? '"type"' : '"name"'}: every resource of a plan has an address, a type and a name`,
    );
    return undefined;
  }
  const out: Omit<PlanResource, 'values' | 'module'> = { address, mode: o.mode === 'data' ? 'data' : 'managed', type, name };
  if (typeof o.index === 'number' || typeof o.index === 'string') out.index = o.index;
  const pn = str(o.provider_name);
  if (pn) out.providerName = pn;
  return out;
}

function plannedModule(
  m: JsonObject,
  where: string,
  address: string,
  out: PlanResource[],
  err: (c: DiagnosticCode, msg: string, h?: string) => void,
  depth: number,
): void {
  if (depth > MAX_MODULE_DEPTH) {
    err('plan-shape', `${where}: child modules nest deeper than ${MAX_MODULE_DEPTH} levels; the rest was not read`);
    return;
  }
  if (m.resources !== undefined) {
    if (!Array.isArray(m.resources)) err('plan-shape', `${where}.resources must be an array`);
    else
      m.resources.forEach((r, i) => {
        if (!isObj(r)) return err('plan-shape', `${where}.resources[${i}] must be an object`);
        const c = common(r, `${where}.resources[${i}]`, err);
        if (c) out.push({ ...c, module: address, values: isObj(r.values) ? r.values : Object.create(null) });
      });
  }
  if (m.child_modules !== undefined) {
    if (!Array.isArray(m.child_modules)) err('plan-shape', `${where}.child_modules must be an array`);
    else
      m.child_modules.forEach((c, i) => {
        const w = `${where}.child_modules[${i}]`;
        if (!isObj(c)) return err('plan-shape', `${w} must be an object`);
        plannedModule(c, w, str(c.address) ?? address, out, err, depth + 1);
      });
  }
}

function change(c: Json, where: string, err: (c: DiagnosticCode, m: string, h?: string) => void): PlanChange | undefined {
  if (!isObj(c)) {
    err('plan-shape', `${where} must be an object`);
    return undefined;
  }
  const base = common(c, where, err);
  if (!base) return undefined;
  const ch = isObj(c.change) ? c.change : undefined;
  const actions = Array.isArray(ch?.actions) ? ch.actions.filter((a): a is string => typeof a === 'string') : [];
  if (!ch || !actions.length) {
    err('plan-shape', `${where} ("${base.address}") has no "change.actions"`);
    return undefined;
  }
  const module = str(c.module_address) ?? moduleOf(base.address);
  const out: PlanChange = {
    address: base.address,
    module,
    mode: base.mode,
    type: base.type,
    name: base.name,
    actions,
    before: ch.before ?? null,
    after: ch.after ?? null,
    afterUnknown: ch.after_unknown ?? false,
  };
  if (base.index !== undefined) out.index = base.index;
  return out;
}

function configModule(m: JsonObject, depth: number): PlanModuleConfig {
  const out: PlanModuleConfig = { resources: [], moduleCalls: new Map() };
  if (Array.isArray(m.resources)) {
    for (const r of m.resources) {
      if (!isObj(r)) continue;
      const address = str(r.address);
      const type = str(r.type);
      const name = str(r.name);
      if (!address || !type || !name) continue;
      out.resources.push({
        address,
        mode: r.mode === 'data' ? 'data' : 'managed',
        type,
        name,
        expressions: isObj(r.expressions) ? r.expressions : Object.create(null),
      });
    }
  }
  if (isObj(m.module_calls) && depth < MAX_MODULE_DEPTH) {
    for (const [name, call] of Object.entries(m.module_calls)) {
      if (!isObj(call)) continue;
      out.moduleCalls.set(name, {
        source: str(call.source) ?? '',
        module: isObj(call.module) ? configModule(call.module, depth + 1) : { resources: [], moduleCalls: new Map() },
      });
    }
  }
  return out;
}

/** `module.a["x"].module.b.aws_s3_bucket.c[0]` → `module.a["x"].module.b`. */
export function moduleOf(address: string): string {
  const segs = splitAddress(address);
  let end = 0;
  while (end + 1 < segs.length && segs[end] === 'module') end += 2;
  return joinSegments(segs.slice(0, end));
}

/**
 * Split an address into its dot-separated parts, keeping instance keys (with quoted dots) on their part:
 * `module.a["x.y"].aws_s3_bucket.b` → ['module', 'a["x.y"]', 'aws_s3_bucket', 'b'].
 */
export function splitAddress(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let bracket = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address[i]!;
    if (inQuote) {
      cur += c;
      if (c === '\\' && i + 1 < address.length) cur += address[++i];
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === '[') bracket++;
    else if (c === ']') bracket--;
    if (c === '.' && bracket === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function joinSegments(segs: string[]): string {
  return segs.join('.');
}

/** Remove every instance key: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
export function stripInstanceKeys(address: string): string {
  return splitAddress(address)
    .map((s) => {
      const i = s.indexOf('[');
      return i < 0 ? s : s.slice(0, i);
    })
    .join('.');
}
