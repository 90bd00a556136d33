// The native-syntax (.tf, .tfvars) front end: text → File of src/load/ast.ts, by tfguard's own scanner and
// recursive-descent parser (scanner.ts, body-parser.ts, expr-parser.ts, template-parser.ts).
import type { Expr, File } from '../ast.js';
import type { Diagnostic, Pos, Range } from '../../common/diagnostics.js';
import { parseFileBody } from './body-parser.js';
import { ParseContext } from './context.js';
import { ParserState } from './parser-state.js';

/** Parse a .tf or .tfvars file. Never throws on bad input (syntax problems become diagnostics). */
export function parseHcl(path: string, text: string): File {
  const cx = new ParseContext(path, text);
  const file: File = {
    path,
    kind: 'hcl',
    body: { attributes: [], blocks: [], range: cx.range(0, text.length) },
    comments: [],
    diagnostics: cx.diagnostics,
    text,
  };
  const p = new ParserState(cx);
  try {
    file.body = parseFileBody(p);
    p.finish();
  } catch (e) {
    internalError(cx, e);
  }
  file.comments = p.sc.comments;
  sortDiagnostics(file.diagnostics);
  return file;
}

const EXPR_NAME = '__tfguard_expr';

/**
 * Parse one expression (a `--var` value, a template from a JSON string). Ranges are relative to `at` when
 * given (the position of the text's first character), else to line 1, column 1.
 */
export function parseHclExpression(path: string, text: string, at?: Pos): { expr: Expr; diagnostics: Diagnostic[] } {
  const prefix = `${EXPR_NAME} = `;
  const cx = new ParseContext(path, prefix + text + '\n', prefix.length, text, at);
  return parseWrapped(cx, prefix.length, 'expected a single expression');
}

/**
 * Parse `text` (already decoded, e.g. a JSON string's value) as an HCL template, as Terraform's JSON syntax does
 * for strings containing `${` or `%{`. Every range in the result is `range` (the JSON string's range).
 */
export function parseHclTemplate(path: string, text: string, range: Range): { expr: Expr; diagnostics: Diagnostic[] } {
  let marker = 'TFGUARD_JSON_TPL';
  while (text.includes(marker)) marker += '_';
  const prefix = `${EXPR_NAME} = <<${marker}\n`;
  const cx = new ParseContext(path, `${prefix}${text}\n${marker}\n`, prefix.length, text, range.start, range);
  const r = parseWrapped(cx, prefix.length, 'expected a template');
  const e = r.expr;
  if (e.kind === 'literal' && typeof e.value === 'string') e.value = e.value.replace(/\n$/, '');
  if (e.kind === 'template') {
    e.heredoc = false;
    const last = e.parts[e.parts.length - 1];
    if (last?.kind === 'text') {
      last.value = last.value.replace(/\n$/, '');
      if (last.value === '') e.parts.pop();
    }
  }
  return r;
}

function parseWrapped(cx: ParseContext, base: number, what: string): { expr: Expr; diagnostics: Diagnostic[] } {
  let expr: Expr = { kind: 'invalid', text: cx.src.slice(base, -1), range: cx.range(base, cx.src.length - 1) };
  try {
    const p = new ParserState(cx);
    const body = parseFileBody(p);
    p.finish();
    const a = body.attributes[0];
    if (a && a.name === EXPR_NAME) expr = a.expr;
    const endOfExpr = a && a.name === EXPR_NAME ? a.range.end.offset : Infinity;
    const extra =
      body.blocks[0]?.range ?? body.attributes[1]?.range ?? cx.diagnostics.find((d) => (d.range?.start.offset ?? 0) >= endOfExpr)?.range;
    if (extra && extra.start.offset >= endOfExpr) {
      // Whatever follows the expression is not part of it: one clear message instead of body-level ones.
      const kept = cx.diagnostics.filter((d) => (d.range?.start.offset ?? 0) < endOfExpr);
      cx.diagnostics.length = 0;
      cx.diagnostics.push(...kept, {
        severity: 'error',
        code: 'syntax',
        file: cx.path,
        range: extra,
        message: `${what}, found more text after it`,
        hint: 'give one expression; put several values in a list [ … ] or an object { … }',
      });
    }
  } catch (e) {
    internalError(cx, e);
  }
  sortDiagnostics(cx.diagnostics);
  return { expr, diagnostics: cx.diagnostics };
}

/** A parser fault (a bug, never bad input): the file is not analysed, and the diagnostic says so. */
export function internalError(cx: ParseContext, e: unknown): void {
  cx.diagnostics.push({
    severity: 'error',
    code: 'internal',
    file: cx.path,
    message: `tfguard could not read this file (internal error: ${(e as Error)?.message ?? String(e)}); please report it`,
  });
}

/** By position; those without one (the count of errors past the budget, an internal error) last. */
export function sortDiagnostics(d: Diagnostic[]): void {
  d.sort((a, b) => (a.range?.start.offset ?? Infinity) - (b.range?.start.offset ?? Infinity));
}
