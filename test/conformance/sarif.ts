// Validate SARIF files against the OASIS SARIF 2.1.0 JSON schema (draft-04, so ajv-draft-04).
// Usage: node dist/test/conformance/sarif.js <schema.json> <file.sarif>...   (exit 1 on any error)
// Run from .ci/conformance.sh; the schema stays in ../shared and is never needed by npm test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: unknown }[] | null };
const AjvDraft04 = require('ajv-draft-04') as new (opts: object) => { compile: (schema: object) => Validate };

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || !files.length) {
  console.error('usage: sarif.js <sarif-schema-2.1.0.json> <file.sarif>...');
  process.exit(2);
}
const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false }).compile(
  JSON.parse(readFileSync(schemaPath, 'utf8')) as object,
);
let bad = 0;
for (const f of files) {
  if (validate(JSON.parse(readFileSync(f, 'utf8')))) {
    console.log(`${f}: valid SARIF 2.1.0`);
    continue;
  }
  bad++;
  for (const e of validate.errors ?? []) console.log(`${f}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`);
}
process.exit(bad ? 1 : 0);
