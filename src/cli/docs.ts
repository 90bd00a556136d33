// `tfguard docs --out DIR`: the check catalog. One Markdown page per check (title, severity,
// compliance, MITRE ATT&CK, peer IDs, the GSL logic, the conditions it implies, remediation, tests)
// and an index with a coverage matrix of the checks by framework version.
import { builtinBenchmarks } from '../checks/benchmarks.js';
import { benchmarkIndex, benchmarkPage } from './docs-benchmarks.js';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALIAS_TOOLS, type Check } from '../checks/index.js';
import type { CheckDirs } from '../scan/checks.js';
import { checksOrPrint } from './check-set.js';
import type { Io } from '../common/io.js';
import { EXIT_ERROR, EXIT_OK } from '../scan/scan.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Checks sorted by ID, numbers in numeric order (CLOUDWATCH.2 before CLOUDWATCH.10). */
export function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** The `where` part of a rule's logic, when it has one (the entities the check applies to). */
export function whereClause(logic: string): string | undefined {
  const m = /^\s*\S+\s+where\s+([\s\S]*?)\s+should\b/.exec(logic);
  return m ? m[1]!.replace(/\s+/g, ' ') : undefined;
}

function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text.replace(/\n$/, '')}\n${f}`;
}

function typesText(c: Check): string {
  return c.rule.entities.map((t) => `\`${t}\``).join(', ');
}

export function checkPage(c: Check): string {
  const out: string[] = [`# ${c.id}: ${c.title}`, ''];
  out.push(`**Severity:** ${c.severity}  `, `**${c.rule.entities.length > 1 ? 'Resources' : 'Resource'}:** ${typesText(c)}`, '');
  out.push('## Description', '', c.description.trim(), '');
  if (c.requires.length)
    out.push(
      '## Prerequisites',
      '',
      `Requires ${c.requires.map((id) => `[${id}](${encodeURIComponent(id)}.md)`).join(', ')}. Where a prerequisite fails for the same resource, this check is not a finding of its own: it is reported once as blocked by it (\`--show-blocked\` lists it), since fixing the prerequisite is the first step.`,
      '',
    );
  if (c.messages.length) {
    out.push('## Messages', '', 'What a finding says after the title, by the test of the logic that failed:', '');
    out.push('| id | when the failing test is | message |', '|---|---|---|');
    for (const m of c.messages)
      out.push(
        `| \`${m.id}\` | ${m.when ? `\`${cell(m.when.replace(/\s+/g, ' ').trim())}\`` : '(any other)'} | ${cell(m.text.replace(/\s+/g, ' ').trim())} |`,
      );
    out.push('');
  }
  out.push('## Compliance', '');
  const frameworks = Object.entries(c.compliance);
  if (frameworks.length === 0) out.push('No framework section maps to this check.', '');
  else {
    out.push('| framework | version | sections |', '|---|---|---|');
    for (const [fw, versions] of frameworks)
      for (const [v, secs] of Object.entries(versions)) out.push(`| ${cell(fw)} | ${v} | ${secs.join(', ')} |`);
    out.push('');
  }
  out.push('## MITRE ATT&CK', '', c.mitre.length ? c.mitre.map((m) => `- ${m}`).join('\n') : 'None.', '');
  out.push('## Same control in other scanners', '');
  const aliases = ALIAS_TOOLS.filter((t) => c.aliases[t]?.length);
  out.push(
    aliases.length
      ? aliases.map((t) => `- ${t}: ${c.aliases[t]!.map((a) => `\`${a}\``).join(', ')}`).join('\n')
      : 'No peer checks this control.',
    '',
  );
  out.push('## Logic (GSL)', '', fence(c.logic, 'gsl'), '');
  const where = whereClause(c.logic);
  out.push('## Conditions and exclusions', '');
  out.push(
    where
      ? `Only resources for which \`${where}\` holds are checked; the others pass as excluded.`
      : `Every ${c.rule.entities.map((t) => `\`${t}\``).join(', ')} is checked.`,
  );
  out.push(
    'A value tfguard cannot know (a variable without value, an attribute known only after apply) makes the result unknown: no finding, listed by `--show-unknown`.',
    '',
  );
  out.push('## Remediation', '', c.remediation.trim(), '');
  if (c.fix)
    out.push(
      '## Automatic fix',
      '',
      `\`tfguard fix\` sets \`${c.fix.set} = ${c.fix.value}\` where the value was written, or adds it to the resource when it is absent (docs/fixes.md).`,
      '',
    );
  out.push('## Tests', '', '| test | input | expected | at |', '|---|---|---|---|');
  for (const t of c.tests) {
    const at = t.input.kind === 'terraform' ? t.input.marks.map((m) => `${m.line}:${m.column}`).join(', ') : '';
    out.push(`| ${cell(t.name)} | ${t.input.kind} | ${t.expect} | ${at} |`);
  }
  out.push('');
  return out.join('\n');
}

export function indexPage(checks: readonly Check[]): string {
  const sorted = sortChecks(checks);
  const out: string[] = ['# Check catalog', '', 'Generated by `tfguard docs --out docs/checks`; do not edit by hand.', ''];
  out.push('| ID | title | severity | resource |', '|---|---|---|---|');
  for (const c of sorted) out.push(`| [${c.id}](${c.id}.md) | ${cell(c.title)} | ${c.severity} | ${typesText(c)} |`);
  out.push('');
  const columns = new Map<string, [string, string]>();
  for (const c of sorted)
    for (const [fw, versions] of Object.entries(c.compliance)) for (const v of Object.keys(versions)) columns.set(`${fw} ${v}`, [fw, v]);
  const cols = [...columns.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
  out.push('## Coverage by framework', '', 'Each cell gives the sections of that framework version the check covers.', '');
  out.push(`| check | ${cols.map(([k]) => k).join(' | ')} |`, `|---|${cols.map(() => '---|').join('')}`);
  for (const c of sorted) out.push(`| ${c.id} | ${cols.map(([, [fw, v]]) => c.compliance[fw]?.[v]?.join(', ') ?? '').join(' | ')} |`);
  out.push('');
  out.push(...benchmarkIndex(builtinBenchmarks(), sorted));
  out.push('## Coverage by peer scanner', '', 'The IDs of the same control in other scanners (empty: that scanner has no such check).', '');
  out.push(`| check | ${ALIAS_TOOLS.join(' | ')} |`, `|---|${ALIAS_TOOLS.map(() => '---|').join('')}`);
  for (const c of sorted) out.push(`| ${c.id} | ${ALIAS_TOOLS.map((t) => (c.aliases[t] ?? []).join(', ')).join(' | ')} |`);
  out.push('');
  return out.join('\n');
}

/** Write the catalog into `dir`: README.md and one page per check; stale pages are removed. */
export function writeCatalog(checks: readonly Check[], dir: string): number {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.md')) rmSync(join(dir, f));
  for (const c of checks) writeFileSync(join(dir, `${c.id}.md`), checkPage(c));
  const benchmarks = builtinBenchmarks();
  for (const b of benchmarks) writeFileSync(join(dir, `${b.id}.md`), benchmarkPage(b, checks));
  writeFileSync(join(dir, 'README.md'), indexPage(checks));
  return checks.length + benchmarks.length + 1;
}

export async function runDocs(out: string, opts: CheckDirs, io: Io): Promise<number> {
  const checks = await checksOrPrint({ ...opts, withTests: true }, io);
  if (!checks) return EXIT_ERROR;
  try {
    const n = writeCatalog(checks, out);
    io.stdout(`wrote ${n} pages to ${out}\n`);
    return EXIT_OK;
  } catch (e) {
    io.stderr(`tfguard: cannot write the catalog to ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT_ERROR;
  }
}
