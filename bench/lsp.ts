// How long the language server takes to answer an edit of one module: from didChange to the publishDiagnostics it
// causes, less the debounce (the server waits 250 ms after the last keystroke). Run after `npm run build`:
//   node dist/bench/lsp.js [edits, default 20]
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Message } from '../test/lsp/client.js';

const DEBOUNCE_MS = 250;
const edits = Number(process.argv[2] ?? 20);
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tfguard-bench-lsp-')));
mkdirSync(join(dir, 'trail'));
const file = join(dir, 'trail', 'main.tf');
const text = (multi: boolean): string =>
  `resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = "logs"\n  is_multi_region_trail = ${multi}\n}\n`;
writeFileSync(file, text(false));
const uri = pathToFileURL(file).href;
const client = new LspClient(dir);
await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
client.notify('initialized', {});
const isFor = (m: Message): boolean => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri;
let t0 = performance.now();
client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: text(false) } });
await client.waitFor(isFor);
console.log(`first diagnostics after opening: ${(performance.now() - t0).toFixed(0)} ms (start-up and loading the checks included)`);
const times: number[] = [];
for (let i = 0; i < edits; i++) {
  const n = client.received.length;
  t0 = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: text(i % 2 === 0) }] });
  await client.waitFor(isFor, 20_000, n);
  times.push(performance.now() - t0 - DEBOUNCE_MS);
}
times.sort((a, b) => a - b);
const q = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
console.log(`an edit answered in ${q(0.5)} ms median (min ${q(0)}, max ${q(1)}) after the ${DEBOUNCE_MS} ms debounce, over ${edits} edits`);
await client.close();
