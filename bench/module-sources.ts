// Finding the module calls of the calling files of a corpus (default ../shared/corpus/terraform), side by side in one
// process: the full parse (parseHcl, then the literal sources of the tree's module blocks: what src/evaluate/called.ts
// did for every calling file before issue 15's session 8) against the quick reading (src/load/hcl/module-sources.ts,
// with the full parse where it gives up, as calledDirs does).
//   node dist/bench/module-sources.js [--corpus DIR] [--rounds 7]
// Calling files: the .tf/.tofu files of every directory one of whose .tf/.tofu files can hold a module block (the
// prefilter calledDirs applies), stress files (**/max_file_size/**) left out. The texts are read once, then the two
// ways run in turns (full, quick, full, quick, ...), each pass over every file; the medians of CPU time (user +
// system of this process) per pass are printed, with MB/s and the ratio.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { literalSources } from '../src/evaluate/called.js';
import { parseHcl } from '../src/load/hcl/index.js';
import { moduleSources } from '../src/load/hcl/module-sources.js';

const MODULE_BLOCK = /(?:^|\n)[ \t]*module(?:[ \t]*"|[ \t]+[A-Za-z_])/;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1]!;
}

/** The .tf/.tofu texts of every calling directory under `root`, by path. */
function callingFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    const here: [string, string][] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'max_file_size') walk(path);
      } else if (e.isFile() && /\.(tf|tofu)$/.test(e.name)) here.push([path, readFileSync(path, 'utf8')]);
    }
    if (here.some(([, text]) => MODULE_BLOCK.test(text))) for (const [path, text] of here) out.set(path, text);
  };
  walk(root);
  return out;
}

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;

function main(): void {
  const corpus = option('--corpus', '../shared/corpus/terraform');
  const rounds = Number(option('--rounds', '7'));
  const files = [...callingFiles(corpus)];
  const bytes = files.reduce((n, [, text]) => n + Buffer.byteLength(text), 0);
  let quickFiles = 0;
  let sink = 0;
  const full = (): void => {
    for (const [path, text] of files) sink += literalSources(parseHcl(path, text)).length;
  };
  const quick = (): void => {
    quickFiles = 0;
    for (const [path, text] of files) {
      const read = moduleSources(text);
      if (read) quickFiles++;
      sink += (read ?? literalSources(parseHcl(path, text))).length;
    }
  };
  // One pass of each first, not counted (the JIT warms up).
  full();
  quick();
  const times: { full: number[]; quick: number[] } = { full: [], quick: [] };
  for (let i = 0; i < rounds; i++) {
    times.full.push(cpuMs(full));
    times.quick.push(cpuMs(quick));
  }
  const mb = bytes / 2 ** 20;
  const line = (label: string, ms: number): string =>
    `${label.padEnd(6)} ${ms.toFixed(0).padStart(6)} ms CPU  ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
  console.log(
    `calling files: ${files.length} (${mb.toFixed(1)} MB), ${quickFiles} read quickly; ${rounds} rounds, medians (node ${process.version}; ${sink > 0 ? 'sources found' : 'none found'})`,
  );
  console.log(line('full', median(times.full)));
  console.log(line('quick', median(times.quick)));
  const ratios = times.full.map((f, i) => f / times.quick[i]!);
  console.log(
    `quick is ${median(ratios).toFixed(1)} × as fast (median of the per-round ratios; ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)})`,
  );
}

main();
