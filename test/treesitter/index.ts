// The native-syntax (.tf, .tfvars) front end: text → File of src/load/ast.ts.
import type { Expr, File } from '../../src/load/ast.js';
import type { Diagnostic, Pos, Range } from '../../src/common/diagnostics.js';
import { hclLanguage, isParserReady, withTree } from './treesitter.js';
import { convertFile } from './body.js';
import { copyTree, decodeTree, grammarOf, grammarOfLanguage } from './cst.js';
import { encodeTree, type FlatTree } from './flat.js';
import { joinPieces, pieceStarts, SPLIT_MIN_CHARS } from './split.js';
import { ParseContext } from './context.js';
import { syntaxDiagnostics } from './errors.js';
import { hideBareExponents } from './numbers.js';
import { MAX_PARSE_CHARS, MAX_TEMPLATE_CONTEXTS, blankSpans, deepTemplateSpans, hideSpans, oversizeSpans } from './template-depth.js';

function requireParser(): void {
  if (!isParserReady())
    throw new Error('parseHcl called before initParser(): await initParser() from src/load/treesitter.js once at start-up');
}

/**
 * Parse a .tf or .tfvars file. Never throws on bad input (syntax problems become diagnostics). `flat` is the
 * tree a parse worker already made of this text (encodeTreeOf), so only the conversion is left to do here.
 */
export function parseHcl(path: string, text: string, flat?: FlatTree): File {
  requireParser();
  const cx = new ParseContext(path, text);
  const file: File = {
    path,
    kind: 'hcl',
    body: { attributes: [], blocks: [], range: cx.range(0, text.length) },
    comments: [],
    diagnostics: cx.diagnostics,
    text,
  };
  const big = oversizeSpans(text);
  try {
    for (const s of big) {
      const lines = cx.range(s.start, Math.max(s.start, s.end - 1)); // the span ends after its line break
      cx.error(
        'too-large',
        s.start,
        Math.min(s.end, s.start + 1),
        `lines ${lines.start.line}–${lines.end.line} (${s.end - s.start} characters with no top-level block ending between them) are more than tfguard's parser reads at once (${MAX_PARSE_CHARS}); they were not analysed`,
        'split the value or the block, or leave the file out with --exclude; this limit keeps the parser within its memory and has no flag',
      );
    }
    for (const s of deepTemplateSpans(text)) {
      cx.hidden.add(s.start);
      cx.error(
        'syntax',
        s.start,
        s.end,
        `a template nested deeper than the HCL grammar tfguard uses can read (${MAX_TEMPLATE_CONTEXTS} strings and interpolations, about 63 levels of "\${"…"}"); tfguard does not analyse it`,
        "build the value in steps (locals) instead of nesting templates; this limit is the parser's and has no flag",
      );
    }
    const tree = flat ?? (text.length >= SPLIT_MIN_CHARS ? encodeTreeOf(text) : undefined);
    const { root, comments } = tree ? decodeTree(tree, grammarOfLanguage(hclLanguage()!)) : withTree(parserText(text), copyTree);
    file.body = convertFile(root, cx);
    syntaxDiagnostics(root, cx);
    for (const c of comments)
      if (!big.some((s) => s.start === c.startIndex)) file.comments.push({ text: cx.text(c), range: cx.nodeRange(c) });
  } catch (e) {
    internalError(cx, e);
  }
  sortDiagnostics(file.diagnostics);
  return file;
}

/**
 * The flat tree of a .tf/.tfvars text, for parseHcl(path, text, flat) (in a parse worker, or in this thread). A text
 * of SPLIT_MIN_CHARS or more is parsed in pieces when it can be (split.ts), so tree-sitter's memory stays small.
 */
export function encodeTreeOf(text: string, piece?: number): FlatTree {
  requireParser();
  if (text.length >= SPLIT_MIN_CHARS || piece !== undefined) {
    const starts = pieceStarts(text, piece);
    if (starts.length > 1) {
      const pieces = starts.map((s, i) => encodeWhole(text.slice(s, starts[i + 1] ?? text.length)));
      const joined = joinPieces(pieces, starts, grammarOfLanguage(hclLanguage()!));
      if (joined) return joined;
    }
  }
  return encodeWhole(text);
}

function encodeWhole(text: string): FlatTree {
  return withTree(parserText(text), (tree) => encodeTree(tree, grammarOf(tree)));
}

/** The text tree-sitter parses: same length and lines as `text`, with what the grammar misreads hidden. */
function parserText(text: string): string {
  const big = oversizeSpans(text);
  const shown = blankSpans(text, big);
  return hideSpans(hideBareExponents(shown), big.length ? deepTemplateSpans(shown) : deepTemplateSpans(text));
}

const EXPR_NAME = '__tfguard_expr';

/**
 * Parse one expression (a `--var` value, a template from a JSON string). Ranges are relative to `at` when
 * given (the position of the text's first character), else to line 1, column 1.
 */
export function parseHclExpression(path: string, text: string, at?: Pos): { expr: Expr; diagnostics: Diagnostic[] } {
  requireParser();
  const prefix = `${EXPR_NAME} = `;
  const cx = new ParseContext(path, prefix + text + '\n', prefix.length, text, at);
  return parseWrapped(cx, prefix.length, 'expected a single expression');
}

/**
 * Parse `text` (already decoded, e.g. a JSON string's value) as an HCL template, as Terraform's JSON syntax does
 * for strings containing `${` or `%{`. Every range in the result is `range` (the JSON string's range).
 */
export function parseHclTemplate(path: string, text: string, range: Range): { expr: Expr; diagnostics: Diagnostic[] } {
  requireParser();
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
    const { root } = withTree(hideBareExponents(cx.src), copyTree);
    const body = convertFile(root, cx);
    syntaxDiagnostics(root, cx);
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

function internalError(cx: ParseContext, e: unknown): void {
  cx.diagnostics.push({
    severity: 'error',
    code: 'internal',
    file: cx.path,
    message: `tfguard could not read this file (internal error: ${(e as Error)?.message ?? String(e)}); please report it`,
  });
}

function sortDiagnostics(d: Diagnostic[]): void {
  d.sort((a, b) => (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0));
}
