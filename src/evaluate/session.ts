// State shared by all module instances of one scan: the scan root, parsed directories (each read
// once however often it is called), installed-module manifests, diagnostics and module records.
import type { Diagnostic } from '../common/diagnostics.js';
import { type ModuleDir, loadModuleDir } from '../load/module-dir.js';
import type { ReadOptions } from '../load/read.js';
import type { ModuleInfo } from './model.js';
import { ModuleManifest } from './sources.js';

export class Session {
  readonly diagnostics: Diagnostic[] = [];
  readonly modules: ModuleInfo[] = [];
  private readonly seen = new Set<string>();
  private readonly dirs = new Map<string, ModuleDir>();
  private readonly manifests = new Map<string, ModuleManifest>();
  /** Module and resource instances made so far (--max-total-instances). */
  instances = 0;

  constructor(
    readonly root: string,
    readonly readOptions: ReadOptions = {},
  ) {}

  /** Record a diagnostic once, however many module instances raise it. */
  report(d: Diagnostic): void {
    const key = `${d.code}\u0000${d.file}\u0000${d.range?.start.offset ?? ''}\u0000${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(d);
  }

  moduleDir(dir: string): ModuleDir {
    let m = this.dirs.get(dir);
    if (!m) {
      m = loadModuleDir(dir, this.readOptions);
      this.dirs.set(dir, m);
      for (const d of m.diagnostics) this.report(d);
      for (const f of m.files) for (const d of f.diagnostics) this.report(d);
      for (const f of m.autoVarFiles) for (const d of f.diagnostics) this.report(d);
    }
    return m;
  }

  /** The installed-module manifest of the root module an instance belongs to. */
  manifestFor(instance: { spec: { ancestors: string[] }; dir: ModuleDir }): ModuleManifest {
    const rootDir = instance.spec.ancestors[0] ?? instance.dir.dir;
    let m = this.manifests.get(rootDir);
    if (!m) {
      m = new ModuleManifest(rootDir);
      this.manifests.set(rootDir, m);
    }
    return m;
  }

  /** Every directory read so far. */
  loadedDirs(): ModuleDir[] {
    return [...this.dirs.values()];
  }
}
