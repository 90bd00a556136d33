// `tfguard lsp --stdio` at the protocol level: diagnostics for an open file (from its unsaved text), updated after an
// edit, code actions that apply a fix and add a suppression, and a malformed buffer answered with syntax diagnostics.
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { tmp } from '../report/helpers.js';
import { LspClient, type Message } from './client.js';

const TRAIL = `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "logs"
  enable_log_file_validation = true
  is_multi_region_trail      = false
}
`;

type Diag = { code: string; message: string; range: { start: { line: number } }; data?: unknown; codeDescription?: { href: string } };

function diagnosticsOf(m: Message): Diag[] {
  return (m.params as { diagnostics: Diag[] }).diagnostics;
}

describe('language server', () => {
  it('publishes diagnostics for the open buffer, updates them after an edit, and offers fixes and suppressions', async () => {
    const dir = realpathSync(tmp('lsp'));
    mkdirSync(join(dir, 'trail'));
    const file = join(dir, 'trail', 'main.tf');
    writeFileSync(file, 'resource "aws_cloudtrail" "main" {\n}\n'); // the disk differs from the buffer
    const uri = pathToFileURL(file).href;
    const client = new LspClient(dir);
    try {
      const init = await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
      assert.ok((init.result as { capabilities: { codeActionProvider: unknown } }).capabilities.codeActionProvider);
      client.notify('initialized', {});
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: TRAIL } });
      const isFor = (m: Message) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri;
      const first = await client.waitFor((m) => isFor(m) && diagnosticsOf(m).some((d) => d.code === 'D9.TF.AWS.LOG.01'));
      const multi = diagnosticsOf(first).find((d) => d.code === 'D9.TF.AWS.LOG.01')!;
      assert.equal(multi.range.start.line, 4);
      assert.match(multi.message, /is_multi_region_trail = false/);
      assert.match(multi.codeDescription!.href, /docs\/checks\/D9\.TF\.AWS\.LOG\.01\.md$/);
      // The buffer sets enable_log_file_validation (the disk does not): no finding for it.
      assert.ok(!diagnosticsOf(first).some((d) => d.code === 'TFG.AWS.CLOUDTRAIL.3'));

      const actions = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: multi.range,
        context: { diagnostics: [multi] },
      });
      const list = actions.result as {
        title: string;
        edit: { changes: Record<string, { newText: string; range: { start: { line: number } } }[]> };
      }[];
      assert.deepEqual(
        list.map((a) => a.title),
        ['tfguard: set is_multi_region_trail = true (D9.TF.AWS.LOG.01)', 'tfguard: suppress D9.TF.AWS.LOG.01 here, with a reason'],
      );
      assert.deepEqual(list[0]!.edit.changes[uri]![0]!.newText, '  is_multi_region_trail      = true');
      assert.deepEqual(list[1]!.edit.changes[uri]![0]!.newText, '  # tfguard:ignore:D9.TF.AWS.LOG.01 <why this is accepted>\n');

      const count = client.received.length;
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: TRAIL.replace('= false', '= true') }],
      });
      const after = await client.waitFor((m) => isFor(m), 20_000, count);
      assert.ok(!diagnosticsOf(after).some((d) => d.code === 'D9.TF.AWS.LOG.01'), JSON.stringify(diagnosticsOf(after)));

      // A malformed buffer: a syntax diagnostic, and the server still answers.
      const n = client.received.length;
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ text: 'resource "x" {\n  a = \n' }],
      });
      const broken = await client.waitFor((m) => isFor(m), 20_000, n);
      assert.ok(
        diagnosticsOf(broken).some((d) => /expected|syntax|unclosed|missing/i.test(d.message)),
        JSON.stringify(diagnosticsOf(broken)),
      );
      assert.equal(await client.close(), 0);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nserver stderr: ${client.stderr}`, { cause: e });
    }
  });
});
