// Where a plan resource is written: the plan has no file names or lines, so each resource is found by address
// in the Terraform source (`--source-dir`): instance keys stripped to the block, through the module calls.
// The source is loaded with the ordinary loader (local modules through `source`, installed modules under
// .terraform); resources it could not place (remote modules that are not installed) point at the `module` call.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Block } from '../load/ast.js';
import type { Range } from '../common/diagnostics.js';
import { isConfigFile } from '../load/discover.js';
import { isInside } from '../common/paths.js';
import { loadModuleDir, type ModuleDir } from '../load/module-dir.js';
import { splitAddress, stripInstanceKeys } from '../load/plan.js';
import type { ModuleCall, Project, Resource } from './model.js';
import { isLocalSource } from './sources.js';

export interface Placement {
  location: Resource['location'];
  blockRange: Range;
  ranges: Record<string, Range>;
  moduleCalls: ModuleCall[];
}

/** Does the directory hold Terraform configuration files (not looking into subdirectories)? */
export function holdsConfig(dir: string): boolean {
  try {
    return readdirSync(dir).some(isConfigFile);
  } catch {
    return false;
  }
}

export class SourceIndex {
  private readonly exact = new Map<string, Resource>();
  private readonly byBlock = new Map<string, Resource>();
  private readonly dirs = new Map<string, ModuleDir>();

  constructor(
    readonly project: Project,
    readonly dir: string,
  ) {
    for (const r of project.resources) {
      this.exact.set(r.address, r);
      const block = stripInstanceKeys(r.address);
      if (!this.byBlock.has(block)) this.byBlock.set(block, r);
    }
  }

  /** Where the plan resource `address` (module path `module`) is written, or undefined when it is not found. */
  place(address: string, module: string, type: string, name: string, mode: 'managed' | 'data'): Placement | undefined {
    const hit = this.exact.get(address) ?? this.byBlock.get(stripInstanceKeys(address));
    if (hit)
      return { location: hit.location, blockRange: hit.blockRange, ranges: hit.ranges, moduleCalls: renameCalls(hit.moduleCalls, module) };
    return this.walk(module, type, name, mode);
  }

  /** Follow the module calls from the source directory; stop at the first call that is not local. */
  private walk(module: string, type: string, name: string, mode: 'managed' | 'data'): Placement | undefined {
    const segs = module ? splitAddress(module) : [];
    let dir = this.dir;
    const calls: ModuleCall[] = [];
    let prefix = '';
    for (let i = 0; i + 1 < segs.length; i += 2) {
      const inst = segs[i + 1]!;
      const callName = inst.replace(/\[.*$/, '');
      prefix = `${prefix}${prefix ? '.' : ''}module.${inst}`;
      const found = this.findBlock(dir, (b) => b.type === 'module' && b.labels[0] === callName);
      if (!found) return calls.length ? callPlacement(calls) : undefined;
      const srcAttr = found.block.body.attributes.find((a) => a.name === 'source')?.expr;
      const source = srcAttr?.kind === 'literal' && typeof srcAttr.value === 'string' ? srcAttr.value : '';
      calls.push({ address: prefix, source, location: { file: found.file, range: found.block.range } });
      // Remote modules, and local paths that leave the source directory, are not read: the call stands for them.
      if (!isLocalSource(source) || !isInside(this.dir, resolve(dir, source))) return callPlacement(calls);
      dir = resolve(dir, source);
    }
    const found = this.findBlock(
      dir,
      (b) => b.type === (mode === 'data' ? 'data' : 'resource') && b.labels[0] === type && b.labels[1] === name,
    );
    if (!found) return calls.length ? callPlacement(calls) : undefined;
    const b = found.block;
    const last = b.labelRanges[b.labelRanges.length - 1] ?? b.typeRange;
    return {
      location: { file: found.file, range: { start: b.typeRange.start, end: last.end } },
      blockRange: b.range,
      ranges: {},
      moduleCalls: calls,
    };
  }

  private findBlock(dir: string, pred: (b: Block) => boolean): { block: Block; file: string } | undefined {
    let m = this.dirs.get(dir);
    if (!m) {
      m = existsSync(dir) ? loadModuleDir(dir) : { dir, files: [], autoVarFiles: [], overrideFiles: [], diagnostics: [] };
      this.dirs.set(dir, m);
    }
    for (const f of m.files) for (const b of f.body.blocks) if (pred(b)) return { block: b, file: f.path };
    return undefined;
  }
}

/** A resource in a module tfguard cannot read: it stands at the innermost call it can. */
function callPlacement(calls: ModuleCall[]): Placement {
  const call = calls[calls.length - 1]!;
  return { location: call.location, blockRange: call.location.range, ranges: {}, moduleCalls: calls };
}

/** The HCL resource's module calls, with the plan instance's module addresses (`module.a["x"]`). */
function renameCalls(calls: ModuleCall[], module: string): ModuleCall[] {
  if (!calls.length) return calls;
  const segs = module ? splitAddress(module) : [];
  const prefixes: string[] = [];
  for (let i = 0; i + 1 < segs.length; i += 2) prefixes.push(segs.slice(0, i + 2).join('.'));
  return calls.map((c, i) => (prefixes[i] && prefixes[i] !== c.address ? { ...c, address: prefixes[i]! } : c));
}
