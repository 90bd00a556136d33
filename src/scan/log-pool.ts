// Log files read in worker threads (log-worker.ts), several at once: each worker takes the next file when it is
// done with one, and results come back in the order of the files, as they are ready. Files are taken from the
// iterator only a few at a time ahead of the results handed out, so memory does not grow with the number of files.
// A worker that fails or cannot start leaves its file to this thread; nothing is lost and the result is the same
// as reading every file here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventFilter } from './event-filter.js';
import type { LogWorkerData, LogWorkerReply } from './log-worker.js';
import { type LogFileResult, readLogFile } from './logs.js';

const WORKER_URL = new URL('./log-worker.js', import.meta.url);

interface Slot {
  file: string;
  result?: LogFileResult;
  /** The worker reading it failed: read it in this thread. */
  failed?: boolean;
}

export async function* readInWorkers(
  files: Iterator<string>,
  filter: EventFilter,
  maxBytes: number,
  jobs: number,
): AsyncGenerator<LogFileResult> {
  if (WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) {
    for (let n = files.next(); !n.done; n = files.next()) yield await readLogFile(n.value, filter, maxBytes);
    return;
  }
  const data: LogWorkerData = {
    rules: filter.rules.map((r) => ({ text: r.rule.text, source: r.rule.source })),
    keepAll: filter.keepAll === true,
    now: filter.now,
    maxBytes,
  };
  const slots = new Map<number, Slot>();
  const ahead = jobs * 4;
  let taken = 0;
  let emitted = 0;
  let exhausted = false;
  let alive = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const idle: (() => void)[] = [];
  const workers: Worker[] = [];
  const start = (): void => {
    const worker = new Worker(WORKER_URL, { workerData: data });
    workers.push(worker);
    alive++;
    let current = -1;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      alive--;
      if (current >= 0 && !slots.get(current)?.result) slots.get(current)!.failed = true;
      notify();
    };
    const give = (): void => {
      current = -1;
      if (exhausted) return void worker.terminate();
      if (taken - emitted >= ahead) return void idle.push(give); // wait until results are handed out
      const n = files.next();
      if (n.done) {
        exhausted = true;
        notify();
        return void worker.terminate();
      }
      current = taken++;
      slots.set(current, { file: n.value });
      worker.postMessage({ id: current, file: n.value });
    };
    worker.on('message', (m: LogWorkerReply) => {
      const slot = slots.get(m.id);
      if (slot) {
        if ('result' in m) slot.result = m.result;
        else slot.failed = true;
      }
      notify();
      give();
    });
    worker.once('error', finish);
    worker.once('exit', finish);
    give();
  };
  for (let i = 0; i < jobs; i++) start();
  try {
    yield* inOrder();
  } finally {
    // Also when the caller stops early (a file that is not an event log): no worker outlives the read.
    for (const w of workers) void w.terminate();
  }

  async function* inOrder(): AsyncGenerator<LogFileResult> {
    for (;;) {
      const slot = slots.get(emitted);
      if (slot?.result || slot?.failed) {
        slots.delete(emitted);
        emitted++;
        for (const g of idle.splice(0)) g();
        yield slot.result ?? (await readLogFile(slot.file, filter, maxBytes));
        continue;
      }
      if (!slot && alive === 0 && !exhausted) {
        // Every worker is gone: the rest is read here.
        const n = files.next();
        if (n.done) exhausted = true;
        else {
          taken++;
          emitted++;
          yield await readLogFile(n.value, filter, maxBytes);
        }
        continue;
      }
      if (!slot && exhausted) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
}
