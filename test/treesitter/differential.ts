// The syntax model of tfguard's own HCL parser (src/load/hcl) against the tree-sitter path it replaced (this folder,
// dev-only), file by file: body, expressions, ranges and comments must be equal on every file both accept.
//
//   node dist/test/treesitter/differential.js FILELIST [--show 10]
//
// Prints the files compared, equal, explained, different (with the first difference of each, up to --show), and the
// files whose verdict (any syntax error or not) differs. Exit code 1 on any unexplained difference.
import { readFileSync } from 'node:fs';
import { parseHcl } from '../../src/load/hcl/index.js';
import type { File } from '../../src/load/ast.js';
import { parseHcl as parseWithTreeSitter } from './index.js';
import { initParser } from './treesitter.js';

/** `$$${`, `$$$$${`, …: HCL reads `$` then the escape `$${`; tree-sitter reads `$$` then an interpolation. */
const ODD_DOLLARS = /(?<!\$)(\$\$)+\$\{/;

const REJECTING = new Set(['syntax', 'duplicate-attribute', 'interpolated-label', 'too-large', 'internal']);

function rejects(f: File): boolean {
  return f.diagnostics.some((d) => REJECTING.has(d.code));
}

/** The first place where `a` and `b` differ, as a path, or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array ≠ object`;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  const keys = new Set([...ka, ...kb]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const list = args[0];
  if (!list) {
    console.error('usage: differential.js FILELIST [--show N]');
    process.exit(2);
  }
  const show = Number(args[args.indexOf('--show') + 1] ?? 10) || 10;
  await initParser();
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  let compared = 0;
  let equal = 0;
  let different = 0;
  let explained = 0;
  const verdicts: string[] = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const ours = parseHcl(path, text);
    const theirs = parseWithTreeSitter(path, text);
    const ro = rejects(ours);
    const rt = rejects(theirs);
    if (ro !== rt) {
      const d = (ro ? ours : theirs).diagnostics.find((x) => REJECTING.has(x.code));
      verdicts.push(
        `${path}: ${ro ? 'only ours rejects' : 'only tree-sitter rejects'}: ${d?.range?.start.line}:${d?.range?.start.column} ${d?.message}`,
      );
      continue;
    }
    if (ro) continue;
    compared++;
    const diff =
      firstDifference({ body: ours.body, comments: ours.comments }, { body: theirs.body, comments: theirs.comments }) ??
      firstDifference(
        ours.diagnostics.map((d) => d.message),
        theirs.diagnostics.map((d) => d.message),
        '.diagnostics',
      );
    if (!diff) {
      equal++;
      continue;
    }
    if (ODD_DOLLARS.test(text) && /kind: "literal" ≠ "template"/.test(diff)) {
      explained++;
      continue;
    }
    different++;
    if (different <= show) console.log(`DIFF ${path}\n  ${diff}`);
  }
  console.log(
    `${files.length} files; both accept ${compared}: ${equal} equal, ${explained} explained (tree-sitter reads $$\${ as $$ and an interpolation; HCL as $ and an escaped \${), ${different} different; verdicts differ: ${verdicts.length}`,
  );
  for (const v of verdicts.slice(0, show)) console.log(`VERDICT ${v}`);
  process.exitCode = different > 0 || verdicts.length > 0 ? 1 : 0;
}

await main();
