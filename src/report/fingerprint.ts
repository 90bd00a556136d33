// partialFingerprints.primaryLocationLineHash as GitHub's upload-sarif action computes it, so that a
// SARIF file uploaded through the API matches one uploaded by the action (docs: research/ux.md §1.4).
// For each line: a polynomial hash (base 37, modulo 2^64) over the 100 characters that start at the
// line, counting UTF-16 code units, with spaces and tabs removed and CR/CRLF read as LF; the value is
// `<hex>:<n>` where n numbers the equal hashes met so far in the file (1 for the first).

const WINDOW = 100;
const MASK = (1n << 64n) - 1n;
const BASE = 37n;
const END_OF_FILE = 0xffff;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** BASE^WINDOW mod 2^64: the weight of the character leaving the window. */
const LEAVING = ((): bigint => {
  let p = 1n;
  for (let i = 0; i < WINDOW; i++) p = (p * BASE) & MASK;
  return p;
})();

/** The line hash of every line of `text`, indexed by line number (1-based; index 0 unused). */
export function lineHashes(text: string): string[] {
  const out: string[] = [];
  const window = new Array<number>(WINDOW).fill(0);
  const startsLine = new Array<number>(WINDOW).fill(-1);
  const seen = new Map<string, number>();
  let hash = 0n;
  let at = 0;
  let line = 0;
  let atLineStart = true;
  let afterCr = false;

  const emit = (): void => {
    const hex = hash.toString(16);
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    out[startsLine[at]!] = `${hex}:${n}`;
    startsLine[at] = -1;
  };
  const push = (code: number): void => {
    const leaving = window[at]!;
    window[at] = code;
    hash = (hash * BASE + BigInt(code) - LEAVING * BigInt(leaving)) & MASK;
    at = (at + 1) % WINDOW;
  };
  const take = (code: number): void => {
    if (code === SPACE || code === TAB || (afterCr && code === LF)) {
      afterCr = false;
      return;
    }
    afterCr = code === CR;
    const c = code === CR ? LF : code;
    // The slot about to be overwritten started a line WINDOW characters ago: its hash is complete.
    if (startsLine[at] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      line++;
      startsLine[at] = line;
    }
    if (c === LF) atLineStart = true;
    push(c);
  };

  for (let i = 0; i < text.length; i++) take(text.charCodeAt(i));
  take(END_OF_FILE);
  for (let i = 0; i < WINDOW; i++) {
    if (startsLine[at] !== -1) emit();
    push(0);
  }
  return out;
}

/** The fingerprint of `line` in `text`, computed once per text. */
export class FingerprintCache {
  private readonly cache = new Map<string, string[]>();
  lineHash(key: string, text: string, line: number): string | undefined {
    let hashes = this.cache.get(key);
    if (!hashes) {
      hashes = lineHashes(text);
      this.cache.set(key, hashes);
    }
    return hashes[line];
  }
}
