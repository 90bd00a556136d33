// A Terraform plan as a Project: one Resource per resource of `planned_values` (root and child modules), plus one
// per resource the plan deletes (which `planned_values` no longer holds). Values known only after apply
// (`after_unknown`) become Unknown; references come from `configuration`; the planned change is under the key
// `@change`, which no provider attribute can have (it is not an HCL identifier).
import { dirname, resolve } from 'node:path';
import { existsSync, realpathSync, statSync } from 'node:fs';
import type { Diagnostic, Pos, Range } from '../common/diagnostics.js';
import { DEFAULT_MAX_DATA_BYTES, type DataInput, readDataFile } from '../load/data-file.js';
import {
  type PlanChange,
  type PlanConfigResource,
  type PlanDocument,
  type PlanModuleConfig,
  type PlanResource,
  planFromValue,
  stripInstanceKeys,
} from '../load/plan.js';
import type { ModuleInfo, Project, Resource } from './model.js';
import { type Placement, SourceIndex, holdsConfig } from './plan-source.js';
import { type ProjectOptions, evaluateProject } from './project.js';
import { namesObject } from './reference.js';
import { type ObjectValue, Unknown, type Value, adoptJSON, emptyRecord, isObject, newObject } from './value.js';
import { DepthCuts, jsonDepth } from './budget.js';
import { LineIndex } from '../common/line-index.js';

/** The key of a plan resource's planned change: `{actions, before, after}`. */
export const CHANGE_KEY = '@change';

export interface PlanLoadOptions extends ProjectOptions {
  /**
   * The Terraform source the plan was made from, to place findings on .tf lines. undefined: the plan's
   * directory when it holds .tf files; null: none (findings point at the plan file).
   */
  sourceDir?: string | null;
}

/** Read a plan file (or take it as already read) and build its Project. Never throws for bad input: problems become diagnostics. */
export async function loadPlanProject(planPath: string, options: PlanLoadOptions = {}, alreadyRead?: DataInput): Promise<Project> {
  const r = alreadyRead
    ? { input: alreadyRead, diagnostics: [] }
    : readDataFile(planPath, { maxBytes: Math.max(options.maxFileBytes ?? 0, DEFAULT_MAX_DATA_BYTES) });
  const empty = (diagnostics: Diagnostic[]): Project => ({ root: planPath, resources: [], modules: [], diagnostics, files: [] });
  if (!r.input) return empty(r.diagnostics);
  if (r.input.kind !== 'plan') {
    const what = r.input.kind === 'events' ? 'a CloudTrail log' : 'a CloudTrail snapshot';
    return empty([
      {
        severity: 'error',
        code: 'not-a-plan',
        file: planPath,
        message: `--plan was given ${what}, not a Terraform plan`,
        hint: 'give --plan the output of `terraform show -json plan.out`; give snapshots and logs as the scan path',
      },
    ]);
  }
  const p = planFromValue(planPath, r.input.text, r.input.value);
  if (!p.plan) return empty(p.diagnostics);
  let source: SourceIndex | undefined;
  const diagnostics: Diagnostic[] = [];
  const dir =
    options.sourceDir === undefined
      ? holdsConfig(dirname(resolve(planPath)))
        ? dirname(resolve(planPath))
        : undefined
      : (options.sourceDir ?? undefined);
  if (dir !== undefined) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      diagnostics.push({
        severity: 'error',
        code: 'source-dir',
        file: dir,
        message: '--source-dir is not a directory',
        hint: 'give the directory of the Terraform configuration the plan was made from',
      });
    } else {
      // The source's resources are the plan's locations, kept here: not handed to a scan's checks.
      const { eachRoot: _checks, ...sourceOptions } = options;
      // A plan is made from one root module: the source is that module and the modules it calls, not every directory
      // below it (other roots there would lend their lines to the plan's addresses, and a plan saved in a large
      // directory had the whole of it evaluated).
      const root = realpathSync.native(dir);
      const hcl = evaluateProject(dir, {
        ...sourceOptions,
        env: options.env ?? {},
        discovered: { root, moduleDirs: [root], diagnostics: [] },
      });
      // The plan is the truth; the source only gives lines. Its errors are warnings here.
      for (const d of hcl.diagnostics)
        if (d.severity === 'error')
          diagnostics.push({
            ...d,
            severity: 'warning',
            message: `${d.message} (in the source of the plan; lines of findings may fall back to the plan file)`,
          });
      source = new SourceIndex(hcl, hcl.root);
    }
  }
  const project = planProject(p.plan, source);
  project.diagnostics.unshift(...diagnostics);
  return project;
}

/**
 * The Project of a plan; with a source index, resources stand at their .tf blocks. The plan's values become the
 * resources' values in place (adoptJSON), not copies: build one Project per PlanDocument.
 */
export function planProject(plan: PlanDocument, source?: SourceIndex): Project {
  const config = configIndex(plan.configuration);
  const changes = new Map<string, PlanChange>();
  for (const c of plan.changes) changes.set(c.address, c);
  const offsets = addressOffsets(plan.text);
  const lines = new LineIndex(plan.text);
  const resources: Resource[] = [];
  const seen = new Set<string>();
  let unplaced = 0;
  const diagnostics: Diagnostic[] = [];
  // A module instance's path in the configuration (`module.a["x"]` → `module.a`), once per module instance.
  const configPaths = new Map<string, string>();
  const configPath = (module: string): string => {
    let path = configPaths.get(module);
    if (path === undefined) configPaths.set(module, (path = stripInstanceKeys(module)));
    return path;
  };
  let cut = false; // set when a value of the resource being built is cut at the depth limit
  const cuts = new DepthCuts(
    diagnostics,
    (first, more) => `${first.replace('value of', 'values of')} and ${more} more ${more === 1 ? 'resource' : 'resources'}`,
  );
  const depth = jsonDepth(() => (cut = true));
  const adopt = (x: unknown): Value => adoptJSON(x, depth);
  const build = (base: PlanResource | PlanChange, values: JsonObject | undefined, ch: PlanChange | undefined): void => {
    seen.add(base.address);
    cut = false;
    const prefix = base.module ? `${base.module}.` : '';
    const cfg = config.get(`${configPath(base.module)}|${base.mode === 'data' ? 'data.' : ''}${base.type}.${base.name}`);
    const references = cfg ? expressionRefs(cfg.expressions, prefix) : emptyRecord<string[]>();
    let after: Value = null;
    // Unknowns go into the parsed values before they are adopted: V8 shares the shapes of adopted objects only
    // while no key is added to them (after_unknown adds `arn`, `id`, ...).
    if (values) after = adopt(injectUnknowns(values, ch?.afterUnknown, base.address, references));
    const before = ch ? adopt(ch.before) : null;
    // With a change, the values are a copy of the top level of `after` (or, deleted, `before`): only they get `@change`.
    const resourceValues: Value = isObject(after)
      ? ch
        ? Object.assign(newObject(), after)
        : after
      : isObject(before)
        ? Object.assign(newObject(), before)
        : (before ?? newObject());
    if (!isObject(resourceValues)) return;
    if (ch) {
      const change = newObject();
      change.actions = [...ch.actions];
      change.before = before;
      change.after = after;
      resourceValues[CHANGE_KEY] = change;
    }
    const placed: Placement | undefined = source?.place(base.address, base.module, base.type, base.name, base.mode);
    if (!placed) unplaced++;
    const at = placed ?? inPlan(plan.path, offsets.get(base.address), lines);
    const ranges = ch && placed && Object.keys(placed.ranges).length ? changeRanges(placed.ranges) : (placed?.ranges ?? {});
    const r: Resource = {
      address: base.address,
      module: base.module,
      mode: base.mode,
      type: base.type,
      name: base.name,
      values: resourceValues,
      location: at.location,
      blockRange: at.blockRange,
      ranges,
      moduleCalls: at.moduleCalls,
      dependsOn: [],
      references,
    };
    if (base.index !== undefined) r.index = base.index;
    resources.push(r);
    if (cut) cuts.add(at.location.file, at.location.range, `the plan's value of ${base.address}`);
  };
  for (const pr of plan.resources) build(pr, pr.values, changes.get(pr.address));
  // Resources the plan removes are not in planned_values: they are checked with their last known values.
  for (const c of plan.changes) {
    if (seen.has(c.address) || c.mode === 'data') continue;
    if (c.actions.includes('delete') || c.actions.includes('forget')) build(c, undefined, c);
  }
  const modules: ModuleInfo[] = [{ address: '', dir: source?.dir ?? '' }];
  const moduleSet = new Set<string>();
  for (const r of resources) {
    if (!r.module || moduleSet.has(r.module)) continue;
    moduleSet.add(r.module);
    modules.push({ address: r.module, dir: '' });
  }
  if (source && unplaced) {
    diagnostics.push({
      severity: 'note',
      code: 'plan-unplaced',
      file: plan.path,
      message: `${unplaced} resource${unplaced === 1 ? ' of the plan was' : 's of the plan were'} not found in the source ${source.dir}; ${unplaced === 1 ? 'its findings point' : 'their findings point'} at the plan file`,
      hint: 'give --source-dir the directory the plan was made from',
    });
  }
  return { root: plan.path, resources, modules, diagnostics, files: source?.project.files ?? [] };
}

type JsonObject = Record<string, unknown>;

/** Configuration resources by `<module path without keys>|<address in module>`. */
function configIndex(root: PlanModuleConfig): Map<string, PlanConfigResource> {
  const out = new Map<string, PlanConfigResource>();
  const walk = (m: PlanModuleConfig, path: string, depth: number): void => {
    if (depth > 64) return;
    for (const r of m.resources) out.set(`${path}|${r.address}`, r);
    for (const [name, call] of m.moduleCalls) walk(call.module, `${path}${path ? '.' : ''}module.${name}`, depth + 1);
  };
  walk(root, '', 0);
  return out;
}

const isObj = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `configuration.*.expressions` → attribute path → references, module-qualified. Only references to
 * resources, data sources and modules are kept (not var., local., each., count.), and of `aws_kms_key.k.arn`
 * and `aws_kms_key.k` (Terraform lists both) only the longer.
 */
export function expressionRefs(expressions: JsonObject, prefix: string): Record<string, string[]> {
  const out = emptyRecord<string[]>();
  const walk = (exprs: JsonObject, path: string, depth: number): void => {
    if (depth > 32) return;
    for (const k of Object.keys(exprs)) {
      const e = exprs[k];
      const p = path + k;
      if (Array.isArray(e)) e.forEach((item, i) => isObj(item) && walk(item, `${p}.${i}.`, depth + 1));
      else if (isObj(e)) {
        if (Array.isArray(e.references)) {
          const refs = qualify(
            e.references.filter((x): x is string => typeof x === 'string'),
            prefix,
          );
          if (refs.length) out[p] = refs;
        } else if (!('constant_value' in e)) walk(e, `${p}.`, depth + 1);
      }
    }
  };
  walk(expressions, '', 0);
  return out;
}

function qualify(refs: string[], prefix: string): string[] {
  const kept = refs.filter(namesObject);
  const longest = kept.filter(
    (r) => !kept.some((o) => o !== r && o.length > r.length && o.startsWith(r) && (o[r.length] === '.' || o[r.length] === '[')),
  );
  return [...new Set(longest.map((r) => prefix + r))];
}

/**
 * Why a value the plan computes at apply (`after_unknown`) is unknown: `<address>.<path> is known only after
 * apply`. The text is made when it is read: a plan has a few of these per resource and few are ever shown, so the
 * Project does not hold a string for each (JSON.stringify, which the reasons are compared by, gives the text).
 */
class AfterApply {
  readonly kind = 'expression';
  constructor(
    private readonly address: string,
    private readonly path: string,
  ) {}
  get detail(): string {
    return `${this.address}.${this.path} is known only after apply`;
  }
  toJSON(): { kind: 'expression'; detail: string } {
    return { kind: this.kind, detail: this.detail };
  }
}

/** Put an Unknown wherever `after_unknown` says the value is known only after apply. */
function injectUnknowns(values: JsonObject, afterUnknown: unknown, address: string, references: Record<string, string[]>): JsonObject {
  if (!isObj(afterUnknown)) return values;
  const mk = (path: string): Unknown => {
    let p = path;
    while (p) {
      const refs = references[p];
      if (refs?.length)
        return new Unknown(
          refs.map((ref) => ({ kind: 'reference' as const, ref })),
          true,
        );
      const dot = p.lastIndexOf('.');
      p = dot < 0 ? '' : p.slice(0, dot);
    }
    return new Unknown([new AfterApply(address, path)]);
  };
  const walk = (v: Value | undefined, au: unknown, path: string, depth: number): Value | undefined => {
    if (au === true) return mk(path);
    if (depth > 64) return v;
    if (Array.isArray(au)) {
      if (!Array.isArray(v)) return v;
      for (let i = 0; i < au.length && i < v.length; i++) v[i] = walk(v[i], au[i], `${path}.${i}`, depth + 1) ?? null;
      return v;
    }
    if (isObj(au)) {
      if (!isObject(v as Value)) return v;
      const o = v as ObjectValue;
      for (const k of Object.keys(au)) {
        const own = Object.prototype.hasOwnProperty.call(o, k);
        const r = walk(own ? o[k] : undefined, au[k], path ? `${path}.${k}` : k, depth + 1);
        // A parsed object still has Object.prototype: a new `__proto__` key must be defined, not assigned.
        if (r === undefined) continue;
        if (own || k !== '__proto__') o[k] = r;
        else Object.defineProperty(o, k, { value: r, writable: true, enumerable: true, configurable: true });
      }
      return o;
    }
    return v;
  };
  return walk(values as ObjectValue, afterUnknown, '', 0) as JsonObject;
}

/** Findings on `@change.after.x` / `@change.before.x` stand on the line of `x`. */
function changeRanges(ranges: Record<string, Range>): Record<string, Range> {
  const out = Object.assign(emptyRecord<Range>(), ranges);
  for (const k of Object.keys(ranges)) {
    out[`${CHANGE_KEY}.after.${k}`] = ranges[k]!;
    out[`${CHANGE_KEY}.before.${k}`] = ranges[k]!;
  }
  return out;
}

/** Offset of the first `"address": "<a>"` of each address in the plan text (planned_values comes first). */
function addressOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /"address"\s*:\s*("(?:[^"\\]|\\.)*")/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const quoted = m[1]!;
    let a: unknown = quoted.includes('\\') ? undefined : quoted.slice(1, -1); // no escape: the text is the string
    if (a === undefined)
      try {
        a = JSON.parse(quoted);
      } catch {
        continue;
      }
    if (typeof a === 'string' && !out.has(a)) out.set(a, m.index);
  }
  // V8 keeps the subject of the last successful match (RegExp.lastMatch), which would hold the whole plan text
  // for as long as no other regular expression matches: match once on an empty string to let it go.
  /^/.exec('');
  return out;
}

function posAt(offset: number, lines: LineIndex): Pos {
  const { line, column } = lines.locate(offset);
  return { line: line + 1, column: column + 1, offset };
}

/** Without source, a resource stands where its address first appears in the plan file. */
function inPlan(file: string, offset: number | undefined, lines: LineIndex): Placement {
  const start = posAt(offset ?? 0, lines);
  const range: Range = { start, end: posAt((offset ?? 0) + '"address"'.length, lines) };
  return { location: { file, range }, blockRange: range, ranges: {}, moduleCalls: [] };
}
