// Conformance of the HCL front end with HashiCorp's Go parser (the "gopos" oracle of
// /work/shared/tools/hcl-oracle). Not part of `npm test`: CI runs it on the shared corpus.
//
//   node dist/test/conformance/positions.js FILELIST GOPOS.jsonl
//
// FILELIST holds one .tf/.tfvars path a line (the same list given to gopos); GOPOS.jsonl is gopos's output.
// Checks that every block start line (type keyword) and attribute start line (name) we produce equals Go's,
// and that the files we reject are the files Go rejects. Exits 1 on any unexplained difference.
import { readFileSync } from 'node:fs';
import type { Body, File } from '../../src/load/ast.js';
import { parseHcl } from '../../src/load/hcl/index.js';

interface GoLine {
  f: string;
  ok: boolean;
  pos: Record<string, number>;
}

/** The same path keys as gopos: `type.l1.l2#n` at the top, `parent/type.l1[i]` below, `parent/name` for attributes. */
export function positionKeys(body: Body, parent = '', top = true, out: Map<string, number> = new Map()): Map<string, number> {
  for (const a of body.attributes) out.set(`${parent}/${a.name}`, a.nameRange.start.line);
  const seen = new Map<string, number>();
  for (const b of body.blocks) {
    const h = [b.type, ...b.labels].join('.');
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    const p = top ? `${h}#${n}` : `${parent}/${h}[${n}]`;
    out.set(p, b.typeRange.start.line);
    positionKeys(b.body, p, false, out);
  }
  return out;
}

const REJECTING_CODES = new Set(['syntax', 'duplicate-attribute', 'interpolated-label']);

export function rejects(f: File): boolean {
  return f.diagnostics.some((d) => d.severity === 'error' && REJECTING_CODES.has(d.code));
}

async function main(): Promise<number> {
  const [listPath, goPath] = process.argv.slice(2);
  if (!listPath || !goPath) {
    console.error('usage: node dist/test/conformance/positions.js FILELIST GOPOS.jsonl');
    return 2;
  }
  const files = readFileSync(listPath, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const go = new Map<string, GoLine>();
  for (const line of readFileSync(goPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const g = JSON.parse(line) as GoLine;
    go.set(g.f, g);
  }
  const t0 = performance.now();
  let bytes = 0;
  let parseMs = 0;
  let entries = 0;
  let missing = 0;
  let wrong = 0;
  let extra = 0;
  const diffs: string[] = [];
  const goOnlyRejects: string[] = [];
  const oursOnlyRejects: Array<{ f: string; why: string }> = [];
  const providerFns: string[] = [];
  let noOracle = 0;
  let bothReject = 0;
  for (const f of files) {
    const g = go.get(f);
    if (!g) {
      noOracle++;
      continue;
    }
    let text = readFileSync(f, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    bytes += text.length;
    const t = performance.now();
    const file = parseHcl(f, text);
    parseMs += performance.now() - t;
    const weReject = rejects(file);
    if (!g.ok && !weReject) {
      if (text.includes('provider::')) providerFns.push(f);
      else goOnlyRejects.push(f);
    } else if (g.ok && weReject) {
      const d = file.diagnostics.find((x) => x.severity === 'error')!;
      oursOnlyRejects.push({ f, why: `${d.range?.start.line}:${d.range?.start.column} ${d.message}` });
    } else if (!g.ok) bothReject++;
    if (!g.ok) continue;
    const ours = positionKeys(file.body);
    for (const [k, line] of Object.entries(g.pos)) {
      entries++;
      const o = ours.get(k);
      if (o === undefined) {
        missing++;
        if (diffs.length < 10) diffs.push(`missing ${f} ${k} (Go line ${line})`);
      } else if (o !== line) {
        wrong++;
        if (diffs.length < 10) diffs.push(`wrong   ${f} ${k}: ours ${o}, Go ${line}`);
      }
    }
    for (const k of ours.keys()) {
      if (!(k in g.pos)) {
        extra++;
        if (diffs.length < 10) diffs.push(`extra   ${f} ${k}`);
      }
    }
  }
  const total = performance.now() - t0;
  console.log(`files: ${files.length} (${noOracle} not in the oracle output), ${(bytes / 1e6).toFixed(1)} M UTF-16 units`);
  console.log(`positions: ${entries} Go entries; missing ${missing}, wrong ${wrong}, extra ${extra}`);
  for (const d of diffs) console.log(`  ${d}`);
  console.log(
    `validity: both reject ${bothReject}; Go-only rejects ${goOnlyRejects.length + providerFns.length} (${providerFns.length} use provider:: functions, valid since HCL 2.20); ours-only rejects ${oursOnlyRejects.length}`,
  );
  for (const f of goOnlyRejects) console.log(`  accepted by us, rejected by Go: ${f}`);
  for (const { f, why } of oursOnlyRejects) console.log(`  rejected by us, accepted by Go: ${f}: ${why}`);
  console.log(
    `time: ${total.toFixed(0)} ms total, ${parseMs.toFixed(0)} ms in parseHcl (${(bytes / 1e6 / (parseMs / 1000)).toFixed(2)} M units/s)`,
  );
  const failed = missing + wrong + extra + goOnlyRejects.length + oursOnlyRejects.length > 0;
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
