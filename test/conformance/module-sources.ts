// The module sources read without parsing (src/load/hcl/module-sources.ts) against the full parse, over a list of
// files: for each .tf/.tofu file the quick reading is undefined or equal to the literal sources of the parse's
// top-level module blocks. Then the same over mutated copies of the files that hold a module block (characters and
// lines deleted, duplicated or swapped, brackets and quotes inserted; a fixed seed), where the quick reading may
// only differ from the parse on a file with syntax errors (the evaluator parses such a file in full and, when the
// readings differ, finds the roots again: src/evaluate/session.ts settleDeferred).
//
//   node dist/test/conformance/module-sources.js FILELIST [--mutations N] [--show N] [--dump DIR]
//
// Prints the files read, how many took the quick reading, and every difference (up to --show). Exit code 1 when the
// quick reading differs on a file without syntax errors, original or mutated.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { literalSources } from '../../src/evaluate/called.js';
import { parseHcl } from '../../src/load/hcl/index.js';
import { moduleSources } from '../../src/load/hcl/module-sources.js';
import { mulberry32 as random } from '../helpers/random.js';

interface Tally {
  files: number;
  quick: number;
  /** Differences on a file the parser reads without error: the quick reading is wrong. */
  wrong: string[];
  /** Differences on a file with syntax errors: caught by the evaluator's check, counted here. */
  erroneous: string[];
  /** --dump DIR: each differing text is written there (diff-N.tf) to look at. */
  dump?: string;
}

function compare(path: string, text: string, t: Tally): void {
  t.files++;
  const quick = moduleSources(text);
  if (quick === undefined) return;
  t.quick++;
  const file = parseHcl(path, text);
  const full = literalSources(file);
  if (quick.length === full.length && quick.every((s, i) => s === full[i])) return;
  let line = `${path}: quick ${JSON.stringify(quick)} ≠ parse ${JSON.stringify(full)}`;
  if (t.dump) {
    const out = join(t.dump, `diff-${t.wrong.length + t.erroneous.length}.tf`);
    writeFileSync(out, text);
    line += ` (${out})`;
  }
  if (file.diagnostics.some((d) => d.severity === 'error')) t.erroneous.push(line);
  else t.wrong.push(line);
}

const INSERTS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '"',
  '\n',
  '${',
  '%{',
  '<<EOT\n',
  '\nEOT\n',
  '#',
  '/*',
  '*/',
  '=',
  ',',
  'module "m" {\n',
  '\\',
];

function mutate(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
    case 1:
      return text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)]! + text.slice(at);
    case 2: {
      const lines = text.split('\n');
      const i = Math.floor(rnd() * lines.length);
      lines.splice(i, 1);
      return lines.join('\n');
    }
    case 3: {
      const lines = text.split('\n');
      const i = Math.floor(rnd() * lines.length);
      const j = Math.floor(rnd() * lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    default:
      return text.slice(0, at) + text.slice(at, at + 1) + text.slice(at);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const list = args[0];
  if (!list) {
    console.error('usage: module-sources.js FILELIST [--mutations N] [--show N]');
    process.exit(2);
  }
  const option = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  const mutations = option('--mutations', 20);
  const show = option('--show', 10);
  const paths = readFileSync(list, 'utf8')
    .split('\n')
    .filter((p) => /\.(tf|tofu)$/.test(p));
  const d = args.indexOf('--dump');
  const dump = d === -1 ? {} : { dump: args[d + 1]! };
  const original: Tally = { files: 0, quick: 0, wrong: [], erroneous: [], ...dump };
  const mutated: Tally = { files: 0, quick: 0, wrong: [], erroneous: [], ...dump };
  const rnd = random(15);
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    compare(path, text, original);
    if (!/\bmodule\b/.test(text)) continue;
    for (let i = 0; i < mutations; i++) compare(`${path} (mutation ${i})`, mutate(text, rnd), mutated);
  }
  const report = (what: string, t: Tally): void => {
    console.log(
      `module sources, ${what}: ${t.files} files, ${t.quick} read quickly (${((100 * t.quick) / Math.max(t.files, 1)).toFixed(1)} %), ${t.wrong.length} differ without syntax errors, ${t.erroneous.length} differ with syntax errors`,
    );
    for (const line of [...t.wrong, ...t.erroneous].slice(0, show)) console.log(`  ${line}`);
  };
  report('corpus', original);
  report(`mutated (${mutations} per file holding "module")`, mutated);
  if (original.wrong.length || original.erroneous.length || mutated.wrong.length) process.exit(1);
}

main();
