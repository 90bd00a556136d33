// Conformance: values of constant attributes, ours against hcl2json's, over a list of .tf/.tfvars files.
//   node dist/test/conformance/values.js --files <file listing one path per line> [--show N]
// Prints files and attributes compared, equal and different, and every class of difference with its count and
// an example. Exits 1 when a difference falls in a class that is not explained (EXPLAINED in values-compare.ts,
// and docs/conformance-loader.md). Not part of npm test: it needs the corpus and the hcl2json dev dependency.
import { readFileSync } from 'node:fs';
import { parse as hcl2json } from '@cdktn/hcl2json';
import { evaluate } from '../../src/evaluate/expr.js';
import { CONSTANT_SCOPE } from '../../src/evaluate/variables.js';
import { parseHcl } from '../../src/load/hcl/index.js';
import { readTextFile } from '../../src/load/read.js';
import { EXPLAINED, type Json, compareBody, newStats } from './values-compare.js';

interface Args {
  files: string;
  show: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: '', show: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--files') args.files = argv[++i] ?? '';
    else if (a === '--show') args.show = Number(argv[++i] ?? '0');
    else throw new Error(`unknown argument ${a}; usage: values.js --files <list> [--show N]`);
  }
  if (!args.files) throw new Error('usage: values.js --files <file listing .tf/.tfvars paths, one a line> [--show N]');
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const paths = readFileSync(args.files, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.endsWith('.tf') || l.endsWith('.tfvars'));
  const stats = newStats();
  const files = {
    listed: paths.length,
    compared: 0,
    unreadable: 0,
    bothReject: 0,
    onlyWeReject: [] as string[],
    onlyOracleRejects: [] as string[],
  };
  const started = Date.now();
  for (const path of paths) {
    const r = readTextFile(path);
    if (!r.ok) {
      files.unreadable++;
      continue;
    }
    const ours = parseHcl(path, r.text);
    const weReject = ours.diagnostics.some((d) => d.severity === 'error');
    let oracle: Json | undefined;
    try {
      oracle = (await hcl2json(path, r.text)) as Json;
    } catch {
      oracle = undefined;
    }
    if (weReject || oracle === undefined) {
      if (weReject && oracle === undefined) files.bothReject++;
      else if (weReject) files.onlyWeReject.push(path);
      else files.onlyOracleRejects.push(path);
      continue;
    }
    files.compared++;
    compareBody(ours, ours.body, oracle, '', stats, (e) => evaluate(e, CONSTANT_SCOPE));
  }
  const secs = (Date.now() - started) / 1000;

  console.log(`values vs hcl2json: ${files.listed} files listed, ${files.compared} compared (${secs.toFixed(1)} s)`);
  console.log(
    `  not compared: ${files.bothReject} rejected by both parsers, ${files.onlyWeReject.length} rejected only by us, ${files.onlyOracleRejects.length} only by hcl2json, ${files.unreadable} unreadable`,
  );
  for (const p of files.onlyWeReject.slice(0, 5)) console.log(`    rejected only by us: ${p}`);
  for (const p of files.onlyOracleRejects.slice(0, 5)) console.log(`    rejected only by hcl2json: ${p}`);
  console.log(
    `  constant attributes: ${stats.attributes} compared, ${stats.equal} equal, ${stats.different} different; ${stats.skipped} non-constant attributes skipped`,
  );
  let unexplained = 0;
  const classes = [...stats.byClass.entries()].sort((a, b) => b[1].count - a[1].count);
  for (const [cls, { count, example }] of classes) {
    const known = EXPLAINED[cls];
    if (!known) unexplained += count;
    console.log(`  ${known ? 'explained  ' : 'UNEXPLAINED'} ${cls}: ${count}`);
    if (known) console.log(`      why: ${known}`);
    console.log(`      e.g. ${example.file}:${example.line} ${example.path}: ours ${example.ours}, hcl2json ${example.theirs}`);
  }
  if (args.show > 0) {
    for (const d of stats.differences.filter((x) => !EXPLAINED[x.cls]).slice(0, args.show)) {
      console.log(`    ${d.cls} ${d.file}:${d.line} ${d.path}: ours ${d.ours}, hcl2json ${d.theirs}`);
    }
  }
  if (unexplained) {
    console.log(`FAIL: ${unexplained} unexplained differences (run with --show 50 to list them)`);
    return 1;
  }
  console.log('OK: every difference is explained');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error((e as Error)?.stack ?? String(e));
    process.exit(2);
  },
);
