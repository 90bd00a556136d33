// A scan's worker thread (src/scan/shards.ts): given the main thread's walk of the scanned tree, it loads the checks
// while that one finds the root modules, then evaluates and checks the roots it is given, one at a time as the main thread does, and sends
// back what the report needs: the check results, the diagnostics, the files read, the module instances.
import { parentPort, workerData } from 'node:worker_threads';
import { useLimits } from '../common/limits.js';
import { CheckRun } from '../checks/run.js';
import { sendRun } from '../checks/transfer.js';
import { evaluateProject } from '../evaluate/project.js';
import { loadCheckSet } from './checks.js';
import type { ShardReply, ShardRequest, ShardWorkerData } from './shards.js';

const port = parentPort;
if (port) {
  const data = workerData as ShardWorkerData;
  useLimits(data.options.limits);
  // Started while the main thread reads and parses: the checks are ready when the roots come.
  const found = data.found;
  const checks = loadCheckSet(data.checks);
  port.once('message', (req: ShardRequest) => {
    void checks
      .then((set) => {
        if (!set.ok) throw new Error(set.summary);
        const ids = new Set(data.checkIds);
        const run = new CheckRun(
          set.checks.filter((c) => ids.has(c.id)),
          { now: data.now },
        );
        const done = new Int32Array(data.progress);
        const project = evaluateProject(data.path, {
          ...data.options,
          env: data.env,
          discovered: found,
          roots: req.roots,
          eachRoot: (root, resources) => {
            if (resources.length) run.add(root, resources);
            Atomics.add(done, 0, 1);
          },
        });
        const reply: ShardReply = {
          run: sendRun(run.finish()),
          diagnostics: project.diagnostics,
          files: project.files,
          modules: project.modules,
          handedOver: project.handedOver ?? 0,
        };
        port.postMessage(reply);
      })
      .catch((e: unknown) => port.postMessage({ error: (e as Error).message } satisfies ShardReply));
  });
}
