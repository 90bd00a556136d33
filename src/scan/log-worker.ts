// A log worker (worker_threads): reads the CloudTrail log files the main thread sends (readLogFile), with the
// event checks compiled here from their logic text, and sends back what each file gave.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRule } from '../gsl/index.js';
import { eventFilter } from './event-filter.js';
import { type LogFileResult, readLogFile } from './logs.js';

export interface LogWorkerData {
  rules: { text: string; source: string }[];
  now: number;
  maxBytes: number;
  keepAll: boolean;
}

export type LogWorkerReply = { id: number; result: LogFileResult } | { id: number; error: string };

const port = parentPort;
if (port) {
  const data = workerData as LogWorkerData;
  const rules = data.rules.flatMap((r) => {
    const c = compileRule(r.text, r.source);
    return c.ok ? [c.rule] : [];
  });
  const filter = { ...eventFilter(rules, data.now), ...(data.keepAll ? { keepAll: true } : {}) };
  port.on('message', (req: { id: number; file: string }) => {
    readLogFile(req.file, filter, data.maxBytes).then(
      (result) => port.postMessage({ id: req.id, result } satisfies LogWorkerReply),
      (e: unknown) => port.postMessage({ id: req.id, error: (e as Error).message } satisfies LogWorkerReply),
    );
  });
}
