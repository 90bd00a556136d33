// Templates nested deeper than the grammar can read. tree-sitter-hcl's scanner keeps a stack of contexts (each
// quoted string and each `${`/`%{` inside one) and saves it in tree-sitter's 1,024-byte state buffer; past 127
// contexts (a string nested 64 levels deep in interpolations, valid HCL) the state is lost and the parse goes wrong
// from there on, so the next blocks disappear in a false syntax error. Before parsing, each outermost string that
// nests that deep is hidden from tree-sitter as `(` blanks `0)` of the same length (line breaks kept, so every
// offset stays valid); the converter makes it an `invalid` expression and parseHcl reports it once, at the string.

/** Contexts the grammar's scanner can save (4 + 8 bytes each within 1,024 bytes). */
export const MAX_TEMPLATE_CONTEXTS = 127;

export interface Span {
  start: number;
  end: number;
}

const CODE = 0;
const INTERP = 1;
const STRING = 2;

/** The outermost quoted strings of `text` whose nesting passes MAX_TEMPLATE_CONTEXTS (heredocs are not followed). */
export function deepTemplateSpans(text: string, max: number = MAX_TEMPLATE_CONTEXTS): Span[] {
  // Each level is a string and an interpolation: fewer openers than half the contexts cannot nest that deep.
  if (openers(text, '${') + openers(text, '%{') <= max / 2) return [];
  const spans: Span[] = [];
  const stack: number[] = [];
  let contexts = 0;
  let outer = -1;
  let tooDeep = false;
  const reset = (): void => {
    stack.length = 0;
    contexts = 0;
    tooDeep = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack.length ? stack[stack.length - 1]! : CODE;
    if (top === STRING) {
      if (c === '\\') i++;
      else if (c === '\n')
        reset(); // an unterminated string: the parser reports it
      else if (c === '"') {
        stack.pop();
        if (--contexts === 0 && tooDeep) {
          spans.push({ start: outer, end: i + 1 });
          tooDeep = false;
        }
      } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{')
        i += 2; // $${ and %%{ are text
      else if ((c === '$' || c === '%') && text[i + 1] === '{') {
        stack.push(INTERP);
        if (++contexts > max) tooDeep = true;
        i++;
      }
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) break;
      i = close + 1;
    } else if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(i, i + 260));
      if (!m) continue;
      const end = new RegExp(`^[ \\t]*${m[1]!}[ \\t]*\\r?$`, 'm');
      const rest = text.slice(i + m[0].length);
      const found = end.exec(rest);
      if (!found) break;
      i += m[0].length + found.index + found[0].length - 1;
    } else if (c === '"') {
      if (contexts === 0) outer = i;
      stack.push(STRING);
      if (++contexts > max) tooDeep = true;
    } else if (c === '{') stack.push(CODE);
    else if (c === '}') {
      if (stack.pop() === INTERP) contexts--;
    }
  }
  return spans;
}

/** How many times `s` occurs in `text`, counting no further than 64 (enough for the test above). */
function openers(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0 && n <= 64; i = text.indexOf(s, i + 2)) n++;
  return n;
}

/** `text` with each span hidden as `(` blanks `0)` (same length, line breaks kept). */
export function hideSpans(text: string, spans: readonly Span[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    const blank = text.slice(s.start + 1, s.end - 2).replace(/[^\r\n]/g, ' ');
    out += text.slice(at, s.start) + '(' + blank + '0)';
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Characters tfguard lets tree-sitter parse at once. Its WASM memory grows by about 90 bytes per byte of the largest
 * tree and aborts past 2 GB (a 20 MB one-line string), so a part of a file between two top-level closing braces
 * (lines that are a lone `}`, as split.ts cuts) longer than this is hidden from the parser and reported.
 */
export const MAX_PARSE_CHARS = 4 * 1024 * 1024;

/** The parts of `text` between lone-`}` lines (and the file's ends) longer than `max` characters. */
export function oversizeSpans(text: string, max: number = MAX_PARSE_CHARS): Span[] {
  if (text.length <= max) return [];
  const spans: Span[] = [];
  const lone = /\n\}[ \t]*\r?\n/g;
  let start = 0;
  for (;;) {
    const m = lone.exec(text);
    const end = m ? m.index + m[0].length : text.length;
    if (end - start > max) spans.push({ start, end });
    if (!m) break;
    start = end;
  }
  return spans;
}

/**
 * `text` with each span turned into one block comment of the same length (line breaks kept): tree-sitter keeps
 * memory for every byte of whitespace it skips (200 bytes each), not for the inside of a comment.
 */
export function blankSpans(text: string, spans: readonly Span[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + '/*' + text.slice(s.start + 2, s.end - 2).replace(/[^\r\n]/g, ' ') + '*/';
    at = s.end;
  }
  return out + text.slice(at);
}
