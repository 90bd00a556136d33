// tfguard's version, read from its package.json (the one place it is written; src/common/package-root.ts).
import { packageVersion } from './package-root.js';

export function tfguardVersion(): string {
  return packageVersion();
}
