// Schema validation of one check file, with errors that name the file, line and column of the
// offending field and say what was expected (src/common/schema-errors.ts words them).
import { Ajv, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../common/diagnostics.js';
import { fieldName as commonFieldName, schemaDiagnostics } from '../common/schema-errors.js';
import type { YamlSource } from '../common/yaml-source.js';
import { CHECK_SCHEMA } from './schema.js';

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) validator = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(CHECK_SCHEMA);
  return validator;
}

/** `tests.0.expect` → `tests[0].expect` */
export function fieldName(path: (string | number)[]): string {
  return commonFieldName(path, 'the check');
}

const WORDING = {
  code: 'check-schema',
  subject: 'the check',
  noun: 'field',
  docs: 'docs/checks.md',
  patternHints: {
    id: 'an ID is letters, digits, `_` and `-` in dot-separated parts, such as TFG.AWS.CLOUDTRAIL.1',
    mitre: 'write tactic:technique as Panther does, such as TA0005:T1562 (or T1562.001 for a sub-technique)',
    references: 'each reference is an http:// or https:// URL',
  },
  unknownHint: (extra: string, known: readonly string[]) =>
    extra === 'line' && known.includes('terraform')
      ? 'tests no longer give a line number: end the line of the snippet where the finding must stand with `# expect`'
      : undefined,
} as const;

/** Validate parsed check data against the schema; [] when valid. */
export function schemaErrors(data: unknown, src: YamlSource): Diagnostic[] {
  const v = validate();
  return v(data) ? [] : schemaDiagnostics(v.errors ?? [], data, src, WORDING);
}
