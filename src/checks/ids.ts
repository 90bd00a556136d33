// Check IDs of the built-in checks (docs/checks.md, "IDs"): CloudGuard's own ID where CloudGuard has
// that Terraform rule, otherwise TFG.<PROVIDER>.<SERVICE>.<n>. An ID is never reused: retired IDs
// are listed in checks/retired.txt and no check may take one again.
import { readFileSync } from 'node:fs';

const CLOUDGUARD_ID = /^D9\.TF\.[A-Z0-9]+\.[A-Z0-9]+\.\d{2,}$/;
const TFGUARD_ID = /^TFG\.[A-Z0-9]+\.[A-Z0-9_]+\.[1-9]\d*$/;

/** Does `id` follow the built-in scheme? */
export function isBuiltinId(id: string): boolean {
  return CLOUDGUARD_ID.test(id) || TFGUARD_ID.test(id);
}

export interface RetiredId {
  id: string;
  reason: string;
  line: number;
}

/**
 * Parse the retired-ID registry: one `ID  reason` per line (whitespace between), `#` comments and
 * blank lines ignored.
 */
export function parseRetiredIds(text: string): RetiredId[] {
  const out: RetiredId[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    out.push({ id: m[1]!, reason: m[2]!, line: i + 1 });
  });
  return out;
}

export function readRetiredIds(path: string): Map<string, RetiredId> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  return new Map(parseRetiredIds(text).map((r) => [r.id, r]));
}
