// `tfguard lsp --stdio`: a Language Server (docs/editors.md). For each open `.tf`, `.tf.json`, `.tfvars` or `.tofu`
// file it scans the file's module directory as `tfguard scan` does (the `.tfguard.yaml` found from there applies),
// with the unsaved text of open buffers instead of the disk, debounced after each edit, and publishes the findings
// and syntax errors of every file of that directory as diagnostics: the check's title and message, its severity, a
// link to its page, and the related places (where the value was written, the module calls on the way). Code
// actions apply a check's fix (docs/fixes.md) or add an inline suppression with a reason. A malformed buffer gives
// syntax diagnostics, never a crash: every scan is guarded.
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../checks/model.js';
import { checkDocUri, type Report, type ReportFinding } from '../report/index.js';
import { planFixes, type FixEdit } from '../report/fixes.js';
import { scan } from '../scan/scan.js';

const TERRAFORM = /\.(tf|tf\.json|tfvars|tofu)$/;
const DEBOUNCE_MS = 250;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  critical: DiagnosticSeverity.Error,
  high: DiagnosticSeverity.Error,
  medium: DiagnosticSeverity.Warning,
  low: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a code action needs of a diagnostic: its check, and the fix when tfguard can place one. */
interface DiagnosticData {
  checkId: string;
  fix?: { line: number; insertAfter: boolean; text: string; change: string };
}

function realFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const path = fileURLToPath(uri);
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function range(r: { start: { line: number; column: number }; end: { line: number; column: number } }): Diagnostic['range'] {
  return {
    start: { line: Math.max(0, r.start.line - 1), character: Math.max(0, r.start.column - 1) },
    end: { line: Math.max(0, r.end.line - 1), character: Math.max(0, r.end.column - 1) },
  };
}

function findingDiagnostic(f: ReportFinding, fix: FixEdit | undefined): Diagnostic {
  const data: DiagnosticData = {
    checkId: f.checkId,
    ...(fix ? { fix: { line: fix.line, insertAfter: fix.insertAfter, text: fix.text, change: fix.change } } : {}),
  };
  return {
    range: range(f.range),
    severity: SEVERITY[f.severity],
    source: 'tfguard',
    code: f.checkId,
    codeDescription: { href: checkDocUri(f.checkId) },
    message: f.message,
    relatedInformation: (f.related ?? []).map((r) => ({
      location: { uri: pathToFileURL(r.file).href, range: range(r.range) },
      message: r.message,
    })),
    data,
  };
}

/** The diagnostics of one scan, by file path. */
function diagnosticsByFile(report: Report): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic): void => void out.set(file, [...(out.get(file) ?? []), d]);
  const fixes = planFixes(report).byFinding;
  for (const f of report.findings) add(f.file, findingDiagnostic(f, fixes.get(f)));
  for (const d of report.diagnostics)
    if (d.file)
      add(d.file, {
        range: d.range ? range(d.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity:
          d.severity === 'error'
            ? DiagnosticSeverity.Error
            : d.severity === 'warning'
              ? DiagnosticSeverity.Warning
              : DiagnosticSeverity.Information,
        source: 'tfguard',
        code: d.code,
        message: d.hint ? `${d.message} (${d.hint})` : d.message,
      });
  return out;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** Files of each module directory that were given diagnostics last time (to clear them when they are fixed). */
  const published = new Map<string, Set<string>>();
  /** The diagnostics last sent for each file URI: clients that do not return `data` (Neovim 0.7) are matched by them. */
  const sent = new Map<string, Diagnostic[]>();
  const timers = new Map<string, NodeJS.Timeout>();

  const overlay = (): Map<string, string> => {
    const m = new Map<string, string>();
    for (const d of documents.all()) {
      const file = realFile(d.uri);
      if (file) m.set(file, d.getText());
    }
    return m;
  };

  const check = async (dir: string): Promise<void> => {
    let byFile: Map<string, Diagnostic[]>;
    try {
      const r = await scan({ paths: [dir], flags: { softFail: true }, overlay: overlay() });
      if (!r.ok) {
        connection.console.error(`tfguard: ${r.message}`);
        return;
      }
      byFile = diagnosticsByFile(r.report);
    } catch (e) {
      connection.console.error(`tfguard: the scan of ${dir} failed: ${(e as Error).message}`);
      return;
    }
    const before = published.get(dir) ?? new Set<string>();
    const now = new Set([...byFile.keys()].filter((f) => dirname(f) === dir));
    for (const file of new Set([...before, ...now])) {
      const uri = pathToFileURL(file).href;
      sent.set(uri, byFile.get(file) ?? []);
      void connection.sendDiagnostics({ uri, diagnostics: byFile.get(file) ?? [] });
    }
    published.set(dir, now);
  };

  const schedule = (uri: string, delay = DEBOUNCE_MS): void => {
    const file = realFile(uri);
    if (!file || !TERRAFORM.test(file)) return;
    const dir = dirname(file);
    clearTimeout(timers.get(dir));
    timers.set(
      dir,
      setTimeout(() => {
        timers.delete(dir);
        void check(dir);
      }, delay),
    );
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'tfguard' },
  }));

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidSave((e) => schedule(e.document.uri, 0));

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const data =
        (d.data as DiagnosticData | undefined) ??
        (sent
          .get(params.textDocument.uri)
          ?.find(
            (x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character,
          )?.data as DiagnosticData | undefined);
      if ((d.source !== undefined && d.source !== 'tfguard') || !data?.checkId) continue;
      if (data.fix) {
        const line = data.fix.line - 1;
        const edit: TextEdit = data.fix.insertAfter
          ? { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: `${data.fix.text}\n` }
          : {
              range: {
                start: { line, character: 0 },
                end: {
                  line,
                  character: doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '')
                    .length,
                },
              },
              newText: data.fix.text,
            };
        actions.push({
          title: `tfguard: ${data.fix.change} (${data.checkId})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [params.textDocument.uri]: [edit] } },
        });
      }
      const at = (d.range ?? params.range).start.line;
      const lineText = doc.getText({ start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } });
      const indent = /^\s*/.exec(lineText)![0];
      actions.push({
        title: `tfguard: suppress ${data.checkId} here, with a reason`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: {
          changes: {
            [params.textDocument.uri]: [
              {
                range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } },
                newText: `${indent}# tfguard:ignore:${data.checkId} <why this is accepted>\n`,
              },
            ],
          },
        },
      });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

/** `tfguard lsp --stdio`: the server on standard input and output, as editors start it. */
export function runLanguageServer(): void {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
