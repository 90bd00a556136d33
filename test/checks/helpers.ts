// Helpers for the checks tests: a valid check file to vary, and temporary check directories.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A valid check file; `over` replaces whole top-level lines by field name (`null` drops the field). */
export function checkYaml(id = 'TEAM.CLOUDTRAIL.1', over: Record<string, string | null> = {}): string {
  const fields: Record<string, string> = {
    id: `id: ${id}`,
    title: 'title: Trails are multi-region',
    severity: 'severity: high',
    description: 'description: A trail should record all regions.',
    remediation: 'remediation: |\n  Set `is_multi_region_trail = true`.',
    logic: 'logic: aws_cloudtrail should have is_multi_region_trail=true',
    tests: [
      'tests:',
      '  - name: single region',
      '    expect: fail',
      '    terraform: |',
      '      resource "aws_cloudtrail" "t" {',
      '        # expect',
      '        is_multi_region_trail = false',
      '      }',
      '  - name: multi region',
      '    expect: pass',
      '    resource:',
      '      type: aws_cloudtrail',
      '      values: { is_multi_region_trail: true }',
    ].join('\n'),
  };
  const out: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k in over) {
      if (over[k] !== null) out.push(over[k]!);
    } else out.push(v);
  }
  for (const [k, v] of Object.entries(over)) if (!(k in fields) && v !== null) out.push(v);
  return out.join('\n') + '\n';
}

/** A temporary directory holding these files (path → text). */
export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-checks-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}
