// One module directory: its configuration files and the variable files Terraform reads automatically.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { childPath } from '../common/paths.js';
import type { File } from './ast.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { isConfigFile } from './discover.js';
import { parseHcl } from './hcl/index.js';
import { parseJsonConfig } from './json.js';
import { applyOverrides, isOverrideFileName } from './override.js';
import { type ReadOptions, readTextFile } from './read.js';

export interface ModuleDir {
  dir: string;
  /** .tf, .tf.json, .tofu and .tofu.json files (moduleConfigNames), sorted by name, override files merged in. */
  files: File[];
  /** terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in lexical order (Terraform's order). */
  autoVarFiles: File[];
  /** Override files (`override.tf`, `*_override.tf`), already merged into `files`; kept for their text and comments. */
  overrideFiles: File[];
  /** Read problems (syntax errors stay on each File) and override problems. */
  diagnostics: Diagnostic[];
}

/** Parse one file by its name: .tf/.tofu/.tfvars are HCL, .tf.json/.tofu.json/.tfvars.json are Terraform JSON. */
export function parseConfigText(path: string, text: string): File {
  const name = basename(path);
  if (name.endsWith('.tfvars.json')) return parseJsonConfig(path, text, 'tfvars');
  if (name.endsWith('.json')) return parseJsonConfig(path, text, 'config');
  return parseHcl(path, text);
}

/** Read and parse one file; a read problem becomes a diagnostic and no File. */
export function loadFile(path: string, options: ReadOptions = {}): { file?: File; diagnostic?: Diagnostic } {
  const ahead = options.preparsed?.get(path);
  if (ahead) return ahead;
  const r = readTextFile(path, options);
  if (!r.ok) return { diagnostic: r.diagnostic };
  return { file: parseConfigText(path, r.text) };
}

/**
 * The configuration files of a module directory, sorted: `.tf`, `.tf.json`, `.tofu` and `.tofu.json`, where, as
 * OpenTofu reads them, `x.tofu` takes the place of `x.tf` and `x.tofu.json` that of `x.tf.json`.
 */
export function moduleConfigNames(names: readonly string[]): string[] {
  const all = new Set(names.filter(isConfigFile));
  return [...all].filter((n) => !(/\.tf(?:\.json)?$/.test(n) && all.has(n.replace(/\.tf(\.json)?$/, '.tofu$1')))).sort();
}

export function isAutoVarFile(name: string): boolean {
  return (
    name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')
  );
}

/** The names of the files of a module directory that are read (not `--exclude`d), sorted. Throws when it cannot be listed. */
export function moduleDirNames(dir: string, options: ReadOptions = {}): string[] {
  const listed = options.listings?.get(dir);
  if (listed) return listed.filter((n) => !options.skip?.(childPath(dir, n)));
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => e.name)
    .filter((n) => !options.skip?.(childPath(dir, n)))
    .sort();
}

export function loadModuleDir(dir: string, options: ReadOptions = {}): ModuleDir {
  const out: ModuleDir = { dir, files: [], autoVarFiles: [], overrideFiles: [], diagnostics: [] };
  let names: string[];
  try {
    names = moduleDirNames(dir, options);
  } catch (e) {
    out.diagnostics.push({
      severity: 'error',
      code: 'unreadable',
      file: dir,
      message: `cannot list module directory: ${(e as Error).message}`,
    });
    return out;
  }
  const configNames = moduleConfigNames(names);
  const varNames = [
    ...names.filter((n) => n === 'terraform.tfvars'),
    ...names.filter((n) => n === 'terraform.tfvars.json'),
    ...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')),
  ];
  for (const n of configNames) {
    const r = loadFile(childPath(dir, n), options);
    if (r.file) (isOverrideFileName(n) ? out.overrideFiles : out.files).push(r.file);
    if (r.diagnostic) out.diagnostics.push(r.diagnostic);
  }
  if (out.overrideFiles.length) {
    // After all normal files, in lexical order of their names, as Terraform applies them.
    const merged = applyOverrides(out.files, out.overrideFiles);
    out.files = merged.files;
    out.diagnostics.push(...merged.diagnostics);
    for (const f of out.overrideFiles) out.diagnostics.push(...f.diagnostics);
  }
  for (const n of varNames) {
    const r = loadFile(childPath(dir, n), options);
    if (r.file) out.autoVarFiles.push(r.file);
    if (r.diagnostic) out.diagnostics.push(r.diagnostic);
  }
  return out;
}
