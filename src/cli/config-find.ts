// Finding `.tfguard.yaml` for a scan and the shape of its contents (reading and validating it is in
// config.ts, imported only when a file is found, since it needs `yaml` and `ajv`).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['.tfguard.yaml', '.tfguard.yml'];

export interface ConfigFile {
  check?: string[];
  'skip-check'?: string[];
  severity?: string[];
  'fail-on'?: string;
  'soft-fail'?: boolean;
  format?: string[];
  output?: string;
  'checks-dir'?: string[];
  exclude?: string[];
  var?: string[];
  'var-file'?: string[];
  baseline?: string;
  'inline-suppressions'?: boolean;
  'peer-suppressions'?: boolean;
  'require-suppression-reason'?: boolean;
  'sarif-include-suppressed'?: boolean;
  'sarif-category'?: string;
  'show-unknown'?: boolean;
  'changed-since'?: string;
}

/** The config file for a scan: `.tfguard.yaml` in the scanned directory or above, up to `stopAt`. */
export function findConfig(scanPath: string, stopAt: string | undefined): string | undefined {
  let dir = resolve(scanPath);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  const stop = stopAt ? resolve(stopAt) : dir;
  for (let i = 0; i < 256; i++) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dir === stop) return undefined;
    const up = dirname(dir);
    if (up === dir || !(dir + '/').startsWith(stop + '/')) return undefined;
    dir = up;
  }
  return undefined;
}
