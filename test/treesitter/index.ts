// The native-syntax (.tf, .tfvars) front end: text → File of src/load/ast.ts.
import type { File } from '../../src/load/ast.js';
import { hclLanguage, isParserReady, withTree } from './treesitter.js';
import { convertFile } from './body.js';
import { internalError, sortDiagnostics } from '../../src/load/hcl/index.js';
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
