// The edits of `tfguard fix` (docs/fixes.md): for each finding of a check that declares a fix, the change to the
// source text where the value was written, keeping the file's formatting and comments: a literal value replaced on
// its line (the attribute, a tfvars line, a module argument, a variable default), or the attribute added after its
// block's header when it is absent. A finding whose value cannot be placed (an expression, a value spread over
// lines, a file outside the scanned directory or under .terraform/, JSON) gets a reason instead.
import { dirname } from 'node:path';
import { isInside, isUnderDotTerraform } from '../common/paths.js';
import type { Report, ReportFinding } from './model.js';
import { type SourceLines, sourceLines } from './source-lines.js';

export interface FixEdit {
  file: string;
  /** 1-based line the edit is about; `insertAfter` adds a line after it, otherwise the line is replaced. */
  line: number;
  insertAfter: boolean;
  text: string;
  checkId: string;
  address: string;
  /** What it does, for people: `set x = true` / `add x = true`. */
  change: string;
}

export interface FixPlan {
  edits: FixEdit[];
  /** The edit that fixes each finding it places (findings of one cause share one). */
  byFinding: Map<ReportFinding, FixEdit>;
  /** Findings of checks with a fix that tfguard cannot place, with why. */
  refused: { finding: ReportFinding; reason: string }[];
}

const LITERAL = /^(?:true|false|null|-?\d+(?:\.\d+)?|"(?:[^"\\$%]|\\.)*")$/;
const ASSIGNMENT = /^(\s*)([A-Za-z_][\w-]*)(\s*=\s*)(.*?)(\s*(?:#.*|\/\/.*)?)$/;

function plan(report: Report, f: ReportFinding, set: string, value: string): FixEdit | string {
  const root = report.scanRoot;
  const scanDir = /\.(tf|tofu|tfvars)$/.test(root) ? dirname(root) : root;
  if (!isInside(scanDir, f.file)) return 'the value is written outside the scanned directory';
  if (isUnderDotTerraform(f.file)) return 'the value is written in an installed module (.terraform/)';
  if (f.file.endsWith('.json')) return 'the value is written in JSON';
  const text = sourceLines(report, f.file);
  if (text === undefined) return 'the file was not read';
  const base = { file: f.file, checkId: f.checkId, address: f.address };
  const change = `${set} = ${value}`;
  if (f.missing) {
    if (f.path !== set) return `the check is about ${f.path}, not ${set}`;
    const header = text.line(f.range.start.line) ?? '';
    if (!/^\s*resource\s+"/.test(header)) return 'the finding stands at a module call: the attribute is set inside the module';
    if (!/\{\s*(?:#.*|\/\/.*)?$/.test(header)) return 'the block does not open on its header line';
    // After the meta-arguments that open the block (count, for_each, provider), as Terraform's style has them.
    let after = f.range.start.line;
    while (/^\s*(count|for_each|provider)\s*=.*[^{[(,]\s*$/.test(text.line(after + 1) ?? '')) after++;
    const next = text.line(after + 1) ?? '';
    const indent =
      /^\s*\}/.test(next) || !next.trim()
        ? `${/^\s*/.exec(text.line(after) ?? header)![0]}${after === f.range.start.line ? '  ' : ''}`
        : /^\s*/.exec(next)![0];
    return { ...base, line: after, insertAfter: true, text: `${indent}${set} = ${value}`, change: `add ${change}` };
  }
  if (!f.path || f.range.start.line !== f.range.end.line) return 'the value is not one literal on one line';
  const line = text.line(f.range.start.line) ?? '';
  const m = ASSIGNMENT.exec(line);
  if (!m || m[1]!.length + 1 !== f.range.start.column) return 'the value is not written as `name = value` where the finding stands';
  if (!LITERAL.test(m[4]!)) return `the value is the expression \`${m[4]}\`, not a literal`;
  return {
    ...base,
    line: f.range.start.line,
    insertAfter: false,
    text: `${m[1]}${m[2]}${m[3]}${value}${m[5]}`,
    change: m[2] === set ? `set ${change}` : `set ${m[2]} = ${value} (for ${set})`,
  };
}

/** The edits for the findings of the report's checks that declare a fix; one per line (the first wins). */
export function planFixes(report: Report): FixPlan {
  const fixes = new Map(report.rules.filter((r) => r.fix).map((r) => [r.id, r.fix!]));
  const edits: FixEdit[] = [];
  const byFinding = new Map<ReportFinding, FixEdit>();
  const refused: FixPlan['refused'] = [];
  const byLine = new Map<string, FixEdit>();
  for (const f of report.findings) {
    const fix = fixes.get(f.checkId);
    if (!fix) continue;
    const e = plan(report, f, fix.set, fix.value);
    if (typeof e === 'string') {
      refused.push({ finding: f, reason: e });
      continue;
    }
    const key = `${e.file}\u0000${e.line}\u0000${e.insertAfter}`;
    const same = byLine.get(key);
    if (same && same.text !== e.text) refused.push({ finding: f, reason: `another fix (${same.checkId}) changes the same line` });
    else {
      if (!same) {
        edits.push(e);
        byLine.set(key, e);
      }
      byFinding.set(f, same ?? e);
    }
  }
  return { edits, byFinding, refused };
}

/**
 * A SARIF `fix` for an edit: the line replaced (its whole text), or an empty region at the start of the next line
 * with the new line inserted there.
 */
export function sarifFix(edit: FixEdit, uri: string, lines: SourceLines): { description: { text: string }; artifactChanges: object[] } {
  const old = lines.line(edit.line) ?? '';
  const eol = lines.eol;
  const replacement = edit.insertAfter
    ? {
        deletedRegion: { startLine: edit.line + 1, startColumn: 1, endLine: edit.line + 1, endColumn: 1 },
        insertedContent: { text: `${edit.text}${eol}` },
      }
    : {
        deletedRegion: { startLine: edit.line, startColumn: 1, endLine: edit.line, endColumn: old.length + 1 },
        insertedContent: { text: edit.text },
      };
  return {
    description: { text: edit.change },
    artifactChanges: [{ artifactLocation: { uri }, replacements: [replacement] }],
  };
}

/** The text of a file after its edits (lines replaced, lines added after others), line endings kept. */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const replaced = new Map(edits.filter((e) => !e.insertAfter).map((e) => [e.line, e.text]));
  const added = new Map<number, string[]>();
  for (const e of edits.filter((x) => x.insertAfter)) added.set(e.line, [...(added.get(e.line) ?? []), e.text]);
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(replaced.get(i + 1) ?? l);
    out.push(...(added.get(i + 1) ?? []));
  });
  return out.join(eol);
}
