// `tfguard resources`: what checks see, so check authors can write against it.
import { rangeForPath } from '../checks/location.js';
import type { Project, Resource } from '../evaluate/model.js';
import type { ProjectOptions } from '../evaluate/project.js';
import { type InputFlags, loadInputs } from '../scan/inputs.js';
import { Unknown, type Value, describeReason, isObject } from '../evaluate/value.js';
import { displayPath, renderDiagnostics } from '../report/diagnostics.js';
import type { Io } from '../common/io.js';
import { inert } from '../common/escape.js';
import { linePath } from '../report/text.js';

export async function runResources(
  path: string | undefined,
  format: 'text' | 'json',
  options: ProjectOptions,
  io: Io,
  inputs: InputFlags = {},
): Promise<number> {
  const project = await loadInputs(path, inputs, options);
  if ('usage' in project) {
    io.stderr(`tfguard resources: ${project.usage}\n`);
    return 2;
  }
  if (format === 'json') io.stdout(JSON.stringify(projectJson(project), null, 2) + '\n');
  else io.stdout(projectText(project));
  io.stderr(renderDiagnostics(project.diagnostics, project.files));
  return project.diagnostics.some((d) => d.severity === 'error') ? 2 : 0;
}

/**
 * A value in the JSON of `tfguard resources` (docs/resources.md): an unknown is `{"$unknown": {reasons, refs}}`,
 * and an object key from the scanned code that begins with `$` gets one more (`$x` → `$$x`), so a real object
 * `{unknown = true, reasons = [...]}` or `{"$unknown" = 1}` can never read as an unknown.
 */
export function valueJson(v: Value): unknown {
  if (v instanceof Unknown) return { $unknown: { reasons: v.reasons.map(describeReason), ...(v.refs.length ? { refs: v.refs } : {}) } };
  if (Array.isArray(v)) return v.map(valueJson);
  if (isObject(v)) {
    const out = Object.create(null) as Record<string, unknown>; // `__proto__` from scanned code is a plain key
    for (const [k, x] of Object.entries(v)) out[k.startsWith('$') ? `$${k}` : k] = valueJson(x);
    return out;
  }
  return v;
}

/** The documented JSON shape of `tfguard resources --format json` (version 2: unknowns as `$unknown`). */
export function projectJson(project: Project): object {
  return {
    version: 2,
    root: displayPath(project.root),
    resources: project.resources.map((r) => ({
      address: r.address,
      module: r.module,
      mode: r.mode,
      type: r.type,
      name: r.name,
      ...(r.index !== undefined ? { index: r.index } : {}),
      ...(r.expansionUnknown ? { expansion_unknown: r.expansionUnknown } : {}),
      location: {
        file: displayPath(r.location.file),
        line: r.location.range.start.line,
        column: r.location.range.start.column,
        end_line: r.blockRange.end.line,
      },
      module_calls: r.moduleCalls.map((c) => ({
        address: c.address,
        source: c.source,
        file: displayPath(c.location.file),
        line: c.location.range.start.line,
      })),
      values: valueJson(r.values),
      lines: Object.fromEntries(Object.entries(r.ranges).map(([k, v]) => [k, v.start.line])),
      ...(r.rangeFiles ? { line_files: Object.fromEntries(Object.entries(r.rangeFiles).map(([k, f]) => [k, displayPath(f)])) } : {}),
      references: r.references,
      ...(r.provider ? { provider: r.provider } : {}),
      ...(r.dependsOn.length ? { depends_on: r.dependsOn } : {}),
    })),
    modules: project.modules.map((m) => ({
      address: m.address,
      dir: m.dir ? displayPath(m.dir) : null,
      ...(m.source ? { source: m.source } : {}),
      ...(m.skipped ? { skipped: m.skipped } : {}),
    })),
    diagnostics: project.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: displayPath(d.file),
      ...(d.range ? { line: d.range.start.line, column: d.range.start.column } : {}),
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
}

export function projectText(project: Project): string {
  const out: string[] = [];
  for (const r of project.resources) {
    // Each resource's line begins with its place (./path:line, as compilers print it), never with scanned text;
    // everything scanned is made inert (src/common/escape.ts).
    out.push(`${linePath(process.cwd(), r.location.file)}:${r.location.range.start.line}  ${inert(r.address)}`);
    if (r.expansionUnknown) out.push(`  # ${inert(r.expansionUnknown)}`);
    for (const c of r.moduleCalls)
      out.push(`  # via ${inert(c.address)} (${inert(displayPath(c.location.file))}:${c.location.range.start.line})`);
    for (const [path, v] of flatten(r.values, '')) {
      const line = lineOf(r, path);
      const file = line ? rangeForPath(r, path).file : undefined;
      out.push(`  ${inert(path)} = ${inert(show(v))}${line ? `  (line ${line}${file ? ` of ${inert(displayPath(file))}` : ''})` : ''}`);
    }
    out.push('');
  }
  out.push(
    `${project.resources.length} resource${project.resources.length === 1 ? '' : 's'} in ${project.modules.filter((m) => !m.skipped).length} module instance(s)`,
  );
  return out.join('\n') + '\n';
}

function lineOf(r: Resource, path: string): number | undefined {
  return r.ranges[path]?.start.line;
}

function* flatten(v: Value, prefix: string): Generator<[string, Value]> {
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (!keys.length && prefix) yield [prefix, v];
    for (const k of keys) yield* flatten(v[k]!, prefix ? `${prefix}.${k}` : k);
  } else if (Array.isArray(v) && v.some((x) => isObject(x))) {
    for (let i = 0; i < v.length; i++) yield* flatten(v[i]!, `${prefix}.${i}`);
  } else {
    yield [prefix, v];
  }
}

function show(v: Value): string {
  if (v instanceof Unknown) return `(unknown: ${v.describe()})`;
  return JSON.stringify(v);
}
