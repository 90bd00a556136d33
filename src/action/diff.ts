// The lines a pull request adds or changes: `git diff --unified=0 BASE`, hunk headers only, so
// annotations on lines in the diff can come first. git runs as src/common/git.ts runs it.
import { resolve } from 'node:path';
import { runGit } from '../common/git.js';

/** Changed line ranges by absolute file path. */
export type DiffLines = Map<string, [number, number][]>;

export function diffLines(base: string, repoRoot: string): DiffLines | undefined {
  let out: string;
  try {
    out = runGit(['diff', '--unified=0', '--no-color', '--no-renames', base, '--'], repoRoot, 256 * 1024 * 1024);
  } catch {
    return undefined;
  }
  return parseDiff(out, repoRoot);
}

export function parseDiff(text: string, repoRoot: string): DiffLines {
  const lines: DiffLines = new Map();
  let file: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      file = name.startsWith('b/') ? resolve(repoRoot, name.slice(2)) : undefined;
      continue;
    }
    const m = file && /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!m) continue;
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count === 0) continue;
    const list = lines.get(file!) ?? [];
    list.push([start, start + count - 1]);
    lines.set(file!, list);
  }
  return lines;
}

/** Does the range [from, to] of `file` touch a changed line? */
export function inDiff(diff: DiffLines | undefined, file: string, from: number, to: number): boolean {
  return (diff?.get(file) ?? []).some(([a, b]) => from <= b && to >= a);
}
