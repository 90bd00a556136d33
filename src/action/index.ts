// Entry point of the bundled GitHub Action (dist/action/index.js, built by scripts/build-action.mjs).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workflowCommand } from '../common/escape.js';
import { actionPaths, runAction } from './main.js';

const io = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) };
try {
  process.exitCode = await runAction(process.env, actionPaths(process.env, dirname(fileURLToPath(import.meta.url))), io);
} catch (e) {
  io.stdout(workflowCommand('error', { title: 'tfguard' }, `internal error: ${String((e as Error).message ?? e)}`));
  io.stderr(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 2;
}
