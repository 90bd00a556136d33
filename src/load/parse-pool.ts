// Worker threads that run tree-sitter for the main thread (parse-worker.ts). The main thread reads files and
// turns the flat trees that come back into syntax (hcl/*), while the workers parse the next files.
//
// Workers are kept between loads (a scan of several paths, a benchmark) but never keep the process alive when
// idle. A worker that parsed a large file is retired once idle: tree-sitter's WASM memory never shrinks, and it
// goes only with the worker. Nothing here may lose a file or hang a scan: a worker that fails or exits rejects
// its pending requests, and the caller parses those files itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FlatTree } from './hcl/flat.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

/** A worker given a text at least this long is retired when idle (its WASM heap grew with the tree). */
export const RETIRE_AFTER_CHARS = 1024 * 1024;
/** Worker failures (not retirements) after which the pool starts no more workers. */
const MAX_FAILURES = 4;

interface Pending {
  resolve: (t: FlatTree) => void;
  reject: (e: Error) => void;
  chars: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Characters of text sent and not yet answered: new work goes to the least loaded worker. */
  load: number;
  retiring: boolean;
  dead: boolean;
}

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** Whether the worker script is there (a bundle must ship it next to itself, as dist/action does). */
export function parseWorkersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

export class ParsePool {
  private slots: Slot[] = [];
  private nextId = 1;
  private failures = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly wasmDir?: string,
  ) {}

  /** Workers started and not stopped (tests). */
  get running(): number {
    return this.slots.length;
  }

  /** The flat tree of a .tf/.tfvars text; rejects when no worker could parse it (then parse it in this thread). */
  parse(text: string): Promise<FlatTree> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    const slot = this.pick();
    if (!slot) return Promise.reject(new Error('no parse worker is running'));
    const id = this.nextId++;
    const chars = text.length;
    if (slot.pending.size === 0) slot.worker.ref();
    slot.load += chars;
    if (chars >= RETIRE_AFTER_CHARS) slot.retiring = true;
    return new Promise<FlatTree>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, chars });
      slot.worker.postMessage({ id, text } satisfies ParseRequest);
    });
  }

  /** Stop the workers (their memory, WASM heap included, is given back). Pending requests are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => this.stop(s, new Error('parse pool closed'))));
  }

  private pick(): Slot | undefined {
    const usable = this.slots.filter((s) => !s.dead && !s.retiring);
    if (usable.length < this.size && this.failures < MAX_FAILURES) {
      const s = this.start();
      if (s) return s;
    }
    let best: Slot | undefined;
    for (const s of usable) if (!best || s.load < best.load) best = s;
    return best;
  }

  private start(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: { wasmDir: this.wasmDir } });
    } catch {
      this.failures++;
      return undefined;
    }
    const slot: Slot = { worker, pending: new Map(), load: 0, retiring: false, dead: false };
    worker.on('message', (r: ParseReply) => {
      const p = slot.pending.get(r.id);
      if (!p) return;
      slot.pending.delete(r.id);
      slot.load -= p.chars;
      if (slot.pending.size === 0) {
        if (slot.retiring) void this.stop(slot, new Error('retired'));
        else worker.unref();
      }
      if ('error' in r) p.reject(new Error(r.error));
      else p.resolve({ words: r.words, count: r.count });
    });
    const failed = (why: Error): void => {
      if (slot.dead) return;
      this.failures++;
      void this.stop(slot, new Error(`parse worker failed: ${why.message}`));
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`parse worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private async stop(slot: Slot, why: Error): Promise<void> {
    if (!slot.dead) {
      slot.dead = true;
      this.slots = this.slots.filter((s) => s !== slot);
      for (const p of slot.pending.values()) p.reject(why);
      slot.pending.clear();
    }
    await slot.worker.terminate();
  }
}
