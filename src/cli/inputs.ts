// What a command reads: Terraform configuration (a directory or .tf file), a plan (`--plan FILE`, or a plan JSON
// file given as the path), AWS snapshots and CloudTrail logs (a JSON/JSON lines/.gz file, or a directory of
// them that holds no Terraform files). Everything becomes one Project.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Project } from '../evaluate/model.js';
import { type ProjectOptions, loadProject } from '../evaluate/project.js';
import { dataProject, findDataFiles, loadDataFiles } from '../evaluate/data.js';
import { loadPlanProject } from '../evaluate/plan.js';
import type { Diagnostic } from '../load/ast.js';
import { DEFAULT_MAX_DATA_BYTES, readDataFile } from '../load/data-file.js';
import { discover } from '../load/discover.js';

export interface InputFlags {
  plan?: string;
  sourceDir?: string;
}

const isTerraformFile = (name: string): boolean => /\.(tf|tf\.json|tfvars|tfvars\.json)$/.test(name);

/** Load the inputs of a command; a usage problem is returned as text (exit code 2). */
export async function loadInputs(path: string | undefined, flags: InputFlags, load: ProjectOptions): Promise<Project | { usage: string }> {
  const maxBytes = Math.max(load.maxFileBytes ?? 0, DEFAULT_MAX_DATA_BYTES);
  if (flags.plan !== undefined) {
    if (path !== undefined) return { usage: 'give either a <path> or --plan FILE, not both (the plan finds its source with --source-dir)' };
    return loadPlanProject(flags.plan, { ...load, ...(flags.sourceDir !== undefined ? { sourceDir: flags.sourceDir } : {}) });
  }
  if (path === undefined) return { usage: 'missing <path>: give a directory of Terraform files, a .tf file, a plan, snapshot or CloudTrail log file, or --plan FILE' };
  let st;
  try {
    st = statSync(path);
  } catch {
    return loadProject(path, load); // reports the missing path as the loader always has
  }
  if (st.isFile() && !isTerraformFile(basename(path))) {
    const r = readDataFile(path, { maxBytes });
    if (!r.input) return failed(path, r.diagnostics);
    if (r.input.kind === 'plan') return loadPlanProject(path, { ...load, ...(flags.sourceDir !== undefined ? { sourceDir: flags.sourceDir } : {}) }, r.input);
    if (flags.sourceDir !== undefined) return { usage: '--source-dir applies to a plan only' };
    return dataProject(r.input);
  }
  if (flags.sourceDir !== undefined) return { usage: '--source-dir applies to a plan only (give --plan FILE)' };
  if (st.isDirectory() && discover(path, load).moduleDirs.length === 0) {
    const diagnostics: Diagnostic[] = [];
    const files = findDataFiles(path, diagnostics);
    if (files.length) {
      const p = loadDataFiles(files, maxBytes);
      p.root = path;
      p.diagnostics.unshift(...diagnostics);
      return p;
    }
  }
  return loadProject(path, load);
}

function failed(path: string, diagnostics: Diagnostic[]): Project {
  return { root: path, resources: [], modules: [], diagnostics, files: [] };
}
