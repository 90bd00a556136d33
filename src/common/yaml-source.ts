// Positions inside a check file: from a JSON path (as ajv reports it) to the YAML node's range, and
// where a scalar's text starts, so errors in a field or in the GSL logic point at the file's line.
import { type Document, LineCounter, type Node, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Pos, Range } from '../common/diagnostics.js';

export interface YamlSource {
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { file, text, doc, lines };
}

export function posAt(src: YamlSource, offset: number): Pos {
  const o = Math.max(0, Math.min(offset, src.text.length));
  const p = src.lines.linePos(o);
  return { line: p.line, column: p.col, offset: o };
}

export function rangeOf(src: YamlSource, start: number, end: number): Range {
  return { start: posAt(src, start), end: posAt(src, Math.max(start, end)) };
}

/** `/tests/0/expect` → ['tests', 0, 'expect'] (JSON pointer, as ajv's instancePath). */
export function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The node at a path, or the deepest node on the way to it. */
export function nodeAt(src: YamlSource, path: (string | number)[]): { node: Node | null; depth: number } {
  let node = src.doc.contents as Node | null;
  let depth = 0;
  for (const key of path) {
    let next: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      next = (pair?.value as Node | null | undefined) ?? null;
    } else if (isSeq(node) && typeof key === 'number') {
      next = (node.items[key] as Node | undefined) ?? null;
    }
    if (!next) break;
    node = next;
    depth++;
  }
  return { node, depth };
}

/** The range of the key `name` inside the mapping at `path` (for unknown-field errors). */
export function keyRange(src: YamlSource, path: (string | number)[], name: string): Range | undefined {
  const { node, depth } = nodeAt(src, path);
  if (!isMap(node) || depth !== path.length) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  const k = pair?.key as Node | undefined;
  return k?.range ? rangeOf(src, k.range[0], k.range[1]) : undefined;
}

/** The range of the node at `path` (the deepest existing node on the way when it is missing). */
export function nodeRange(src: YamlSource, path: (string | number)[]): Range {
  const { node } = nodeAt(src, path);
  if (node?.range) return rangeOf(src, node.range[0], node.range[1]);
  return rangeOf(src, 0, 0);
}

/**
 * Where a string scalar's text stands in the file, and the text to hand to a compiler so that
 * positions inside it map back to the file: for a block scalar (`|`, `>`) the lines as they are in
 * the file (their indentation kept, which GSL ignores), starting at the first character of the
 * content; for a one-line scalar, its value at the scalar's own position.
 */
export function scalarText(src: YamlSource, path: (string | number)[]): { text: string; line: number; column: number } | undefined {
  const { node, depth } = nodeAt(src, path);
  if (!isScalar(node) || depth !== path.length || typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const [start, end] = node.range;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const headerEnd = src.text.indexOf('\n', start);
    let i = headerEnd < 0 ? end : headerEnd + 1;
    while (i < end && /\s/.test(src.text[i]!)) i++;
    const raw = src.text.slice(i, end).replace(/\s+$/, '');
    const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
    if (squash(raw) === squash(value)) {
      const p = posAt(src, i);
      return { text: raw, line: p.line, column: p.column };
    }
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const p = posAt(src, start + (quoted ? 1 : 0));
  return { text: value, line: p.line, column: p.column };
}

/** At most this many alias expansions when a document becomes data: a "billion laughs" document is refused, not expanded. */
export const MAX_YAML_ALIASES = 1000;

/** The document as plain data, or why it cannot be (too many alias expansions, an alias to nothing). */
export function yamlData(src: YamlSource): { ok: true; data: unknown } | { ok: false; message: string; hint: string } {
  try {
    return { ok: true, data: src.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (e) {
    const excessive = /alias count/i.test((e as Error).message);
    return excessive
      ? {
          ok: false,
          message: `the YAML expands aliases more than ${MAX_YAML_ALIASES} times; it was not read`,
          hint: 'write the values out instead of nesting aliases (*name) of aliases',
        }
      : {
          ok: false,
          message: `the YAML cannot be read: ${(e as Error).message.split('\n')[0]}`,
          hint: 'fix the anchors (&name) and aliases (*name)',
        };
  }
}
