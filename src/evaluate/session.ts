// State shared by all module instances of one scan: the scan root, parsed directories (each read
// once however often it is called), installed-module manifests, diagnostics and module records.
import { type Diagnostic, diagnosticKey } from '../common/diagnostics.js';
import { type ModuleDir, loadModuleDir } from '../load/module-dir.js';
import type { ReadOptions } from '../load/read.js';
import type { ModuleInfo, SourceFile } from './model.js';
import { ModuleManifest } from './sources.js';
import { TotalInstances } from './total-instances.js';

export class Session {
  readonly diagnostics: Diagnostic[] = [];
  readonly modules: ModuleInfo[] = [];
  private readonly seen = new Set<string>();
  private readonly dirs = new Map<string, ModuleDir>();
  /** Directories in the order first read. */
  private readonly order: string[] = [];
  private readonly manifests = new Map<string, ModuleManifest>();
  /** Module and resource instances made so far, and the blocks left out past --max-total-instances. */
  readonly total = new TotalInstances();

  constructor(
    readonly root: string,
    readonly readOptions: ReadOptions = {},
  ) {}

  /** Record a diagnostic once, however many module instances raise it. */
  report(d: Diagnostic): void {
    const key = diagnosticKey(d);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(d);
  }

  moduleDir(dir: string): ModuleDir {
    let m = this.dirs.get(dir);
    if (m) {
      // The most recently used last: trimModules lets the least recently used go first.
      this.dirs.delete(dir);
      this.dirs.set(dir, m);
    } else {
      m = loadModuleDir(dir, this.readOptions);
      this.dirs.set(dir, m);
      let chars = 0;
      for (const f of m.files) chars += f.text.length;
      this.dirChars.set(dir, chars);
      this.heldChars += chars;
      if (!this.released.has(dir)) this.order.push(dir);
      const slot = this.deferred.get(dir);
      let report = (d: Diagnostic): void => this.report(d);
      if (slot && !slot.read) {
        slot.read = true;
        if (!slot.check(m)) this.misread.push(dir);
        report = (d) => {
          this.seen.add(diagnosticKey(d));
          slot.diagnostics.push(d);
        };
      }
      for (const d of m.diagnostics) report(d);
      for (const f of m.files) for (const d of f.diagnostics) report(d);
      for (const f of m.autoVarFiles) for (const d of f.diagnostics) report(d);
    }
    return m;
  }

  /** Directories whose reading was put off (defer), by directory, in the order put off. */
  private readonly deferred = new Map<string, Deferred>();
  /** Directories put off that were read differently in full than `check` expected. */
  private readonly misread: string[] = [];

  /**
   * Put off reading `dir` (src/evaluate/called.ts read its module calls without parsing): it is read when first
   * needed, or by settleDeferred, and its diagnostics then take their place here, before those reported from now
   * on, as if it had been read now. `check` is given the directory once read, and says whether it was read as expected.
   */
  defer(dir: string, check: (m: ModuleDir) => boolean): void {
    this.deferred.set(dir, { at: this.diagnostics.length, diagnostics: [], check, read: false });
  }

  /**
   * Read the directories put off and not read since (then let go again, as if read ahead), except those read
   * `elsewhere` (by another thread, which reports their diagnostics), and put their diagnostics in their places
   * (each once). Returns the directories read differently than expected.
   */
  settleDeferred(elsewhere?: ReadonlySet<string>): string[] {
    for (const [dir, slot] of this.deferred) {
      if (slot.read) continue;
      if (elsewhere?.has(dir)) {
        this.deferred.delete(dir);
        continue;
      }
      this.moduleDir(dir);
      this.unload(dir);
    }
    if (this.deferred.size === 0) return this.misread;
    const merged: Diagnostic[] = [];
    const slots = [...this.deferred.values()];
    let next = 0;
    for (let i = 0; i <= this.diagnostics.length; i++) {
      while (next < slots.length && slots[next]!.at === i) for (const d of slots[next++]!.diagnostics) merged.push(d);
      if (i < this.diagnostics.length) merged.push(this.diagnostics[i]!);
    }
    const kept = new Set<string>();
    this.diagnostics.length = 0;
    for (const d of merged) {
      const key = diagnosticKey(d);
      if (kept.has(key)) continue;
      kept.add(key);
      this.diagnostics.push(d);
    }
    this.deferred.clear();
    return this.misread;
  }

  /** The installed-module manifest of the root module an instance belongs to. */
  manifestFor(instance: { spec: { ancestors: string[] }; dir: ModuleDir }): ModuleManifest {
    const rootDir = instance.spec.ancestors[0] ?? instance.dir.dir;
    let m = this.manifests.get(rootDir);
    if (!m) {
      m = new ModuleManifest(rootDir, this.root);
      this.manifests.set(rootDir, m);
    }
    return m;
  }

  /** Directories let go (release) with their files' texts and comments, which reporting still needs. */
  private readonly released = new Map<string, SourceFile[]>();

  /** Characters of module text in `dirs`, and per directory (trimModules runs once per root module). */
  private heldChars = 0;
  private readonly dirChars = new Map<string, number>();

  /** Forget a directory read ahead of its evaluation; it is read again when needed (its diagnostics once). */
  unload(dir: string): void {
    this.dirs.delete(dir);
    this.heldChars -= this.dirChars.get(dir) ?? 0;
    this.dirChars.delete(dir);
  }

  /**
   * Keep the syntax trees of at most `maxChars` characters of module text: the directories least recently used are
   * let go (release), to be parsed again if a later root module calls them. Without this, the trees of every module
   * a repository calls would stay to the end of the scan.
   */
  trimModules(maxChars: number): void {
    for (const dir of this.dirs.keys()) {
      if (this.heldChars <= maxChars) break;
      this.release(dir);
    }
  }

  /** Let a directory's syntax trees go (no module calls it again); its files stay listed for reporting. */
  release(dir: string): void {
    const m = this.dirs.get(dir);
    if (!m) return;
    this.unload(dir);
    this.released.set(dir, sourceFilesOf(m));
  }

  /** The files of every directory read, those of `first` (in its order) before the others (in the order read). */
  sourceFiles(first: readonly string[]): SourceFile[] {
    const out: SourceFile[] = [];
    const done = new Set<string>();
    const add = (dir: string): void => {
      if (done.has(dir)) return;
      const m = this.dirs.get(dir);
      const files = m ? sourceFilesOf(m) : this.released.get(dir);
      if (!files) return;
      done.add(dir);
      out.push(...files);
    };
    for (const d of first) add(d);
    for (const d of this.order) add(d);
    return out;
  }
}

interface Deferred {
  /** How many diagnostics were reported before it was put off. */
  at: number;
  diagnostics: Diagnostic[];
  check: (m: ModuleDir) => boolean;
  read: boolean;
}

function sourceFilesOf(m: ModuleDir): SourceFile[] {
  return [...m.files, ...m.overrideFiles, ...m.autoVarFiles].map((f) => ({ path: f.path, text: f.text, comments: f.comments }));
}
