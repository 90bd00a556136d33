// Functions tfguard deliberately does not evaluate: they read files or the clock, or return new
// random values. Their result is unknown, with the reason.

const FILES = 'reads files; tfguard never reads outside what it scans';
const CLOCK = 'depends on the time when Terraform runs';
const RANDOM = 'returns a new random value every time Terraform runs';
const MACHINE = 'depends on the machine that runs Terraform';

const REASONS: ReadonlyMap<string, string> = new Map([
  ...[
    'file',
    'filebase64',
    'fileexists',
    'fileset',
    'filemd5',
    'filesha1',
    'filesha256',
    'filesha512',
    'filebase64sha256',
    'filebase64sha512',
    'templatefile',
  ].map((n) => [n, FILES] as const),
  ['timestamp', CLOCK],
  ['plantimestamp', CLOCK],
  ['uuid', RANDOM],
  ['bcrypt', RANDOM],
  ['abspath', MACHINE],
  ['pathexpand', MACHINE],
  ['base64gzip', "tfguard does not reproduce Terraform's compressed bytes"],
]);

/** Names of the functions whose result tfguard leaves unknown on purpose. */
export const UNEVALUATED_FUNCTIONS: ReadonlySet<string> = new Set(REASONS.keys());

export function unevaluatedReason(name: string): string | undefined {
  return REASONS.get(name);
}
