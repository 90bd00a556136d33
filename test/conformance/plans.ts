// Conformance of the plan reader over the plan corpus (../shared/corpus/plans). Not part of `npm test`.
//
//   node dist/test/conformance/plans.js PLANS_DIR
//
// For every *.json file under PLANS_DIR: `tfguard resources --plan FILE --format json` either lists exactly
// the resources of the file's `planned_values` (root and nested child modules, compared by address) plus one
// per resource the plan deletes (which planned_values no longer holds), or, for a file that is not valid JSON,
// exits 2 with an error naming the file. The expected counts are computed here with JSON.parse, independently
// of tfguard's reader. Exits 1 on any difference.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.js';
import { displayPath } from '../../src/report/diagnostics.js';

function files(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (n.endsWith('.json')) out.push(p);
  }
  return out;
}

type Obj = Record<string, unknown>;

function plannedAddresses(m: Obj | undefined, out: string[] = []): string[] {
  if (!m) return out;
  for (const r of (m.resources as Obj[] | undefined) ?? []) out.push(r.address as string);
  for (const c of (m.child_modules as Obj[] | undefined) ?? []) plannedAddresses(c, out);
  return out;
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

async function check(dir: string): Promise<number> {
  const list = files(dir);
  let ok = 0;
  let invalid = 0;
  let resources = 0;
  let deletions = 0;
  const problems: string[] = [];
  const versions = new Map<string, number>();
  for (const f of list) {
    const name = relative(dir, f);
    let doc: Obj | undefined;
    try {
      doc = JSON.parse(readFileSync(f, 'utf8')) as Obj;
    } catch {
      doc = undefined;
    }
    const r = await run(['resources', '--plan', f, '--format', 'json']);
    if (!doc) {
      // Invalid JSON: exit 2 and an error that names the file and says it is not JSON.
      if (r.code === 2 && r.err.includes('not valid JSON') && r.err.includes(`--> ${displayPath(f)}:`)) invalid++;
      else problems.push(`${name}: invalid JSON, but tfguard gave exit ${r.code} and ${JSON.stringify(r.err.slice(0, 200))}`);
      continue;
    }
    versions.set(String(doc.format_version), (versions.get(String(doc.format_version)) ?? 0) + 1);
    if (r.code !== 0) {
      problems.push(`${name}: exit ${r.code}: ${r.err.slice(0, 300)}`);
      continue;
    }
    const got = (JSON.parse(r.out) as { resources: { address: string }[] }).resources.map((x) => x.address);
    const planned = plannedAddresses((doc.planned_values as Obj | undefined)?.root_module as Obj | undefined);
    const plannedSet = new Set(planned);
    const deleted = ((doc.resource_changes as Obj[] | undefined) ?? [])
      .filter((c) => c.mode !== 'data' && !plannedSet.has(c.address as string))
      .filter((c) => ((c.change as Obj).actions as string[]).some((a) => a === 'delete' || a === 'forget'))
      .map((c) => c.address as string);
    const want = [...planned, ...deleted];
    if (got.length !== want.length || got.some((a, i) => a !== want[i])) {
      problems.push(
        `${name}: expected ${planned.length} planned + ${deleted.length} deleted resources, got ${got.length}; first difference: ${want.find((a, i) => got[i] !== a) ?? got[want.length]}`,
      );
      continue;
    }
    ok++;
    resources += planned.length;
    deletions += deleted.length;
  }
  console.log(
    `plans: ${list.length} files; ${ok} loaded with the resources of planned_values (${resources} resources, plus ${deletions} deletions); ${invalid} invalid JSON reported as such`,
  );
  console.log(
    `format versions: ${[...versions]
      .sort()
      .map(([v, n]) => `${v}: ${n}`)
      .join(', ')}`,
  );
  for (const p of problems.slice(0, 30)) console.log(`  DIFF ${p}`);
  return problems.length ? 1 : 0;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node dist/test/conformance/plans.js PLANS_DIR');
  process.exit(2);
}
process.exitCode = await check(dir);
