// Log files read in worker threads (log-worker.ts), several at once: each worker takes the next file when it is
// done with one, and results come back in the order of the files. A worker that fails or cannot start leaves its
// files to this thread, so nothing is lost and the result is the same as reading them all here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventFilter } from './event-filter.js';
import type { LogWorkerData, LogWorkerReply } from './log-worker.js';
import { type LogFileResult, readLogFile } from './logs.js';

const WORKER_URL = new URL('./log-worker.js', import.meta.url);

export async function readInWorkers(
  files: readonly string[],
  filter: EventFilter,
  maxBytes: number,
  jobs: number,
): Promise<LogFileResult[]> {
  const results: (LogFileResult | undefined)[] = new Array(files.length);
  if (WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL))) {
    const data: LogWorkerData = {
      rules: filter.rules.map((r) => ({ text: r.rule.text, source: r.rule.source })),
      keepAll: filter.keepAll === true,
      now: filter.now,
      maxBytes,
    };
    let next = 0;
    const one = (): Promise<void> =>
      new Promise((resolve) => {
        const worker = new Worker(WORKER_URL, { workerData: data });
        let current = -1;
        const give = (): void => {
          if (next >= files.length) {
            void worker.terminate();
            return resolve();
          }
          current = next++;
          worker.postMessage({ id: current, file: files[current] });
        };
        worker.on('message', (m: LogWorkerReply) => {
          if ('result' in m) results[m.id] = m.result;
          give();
        });
        // A failed worker: what it held is read below, in this thread.
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
        give();
      });
    await Promise.all(Array.from({ length: jobs }, one));
  }
  for (let i = 0; i < files.length; i++) results[i] ??= await readLogFile(files[i]!, filter, maxBytes);
  return results as LogFileResult[];
}
