// partialFingerprints.primaryLocationLineHash as GitHub's upload-sarif action computes it, so that a
// SARIF file uploaded through the API matches one uploaded by the action (docs: research/ux.md §1.4).
// For each line: a polynomial hash (base 37, modulo 2^64) over the 100 characters that start at the
// line, counting UTF-16 code units, with spaces and tabs removed and CR/CRLF read as LF; the value is
// `<hex>:<n>` where n numbers the equal hashes met so far in the file (1 for the first).

const WINDOW = 100;
const BASE = 37;
const END_OF_FILE = 0xffff;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const TWO_32 = 2 ** 32;

/**
 * BASE^WINDOW mod 2^64 (the weight of the character leaving the window) as two 32-bit halves. The hash is kept as
 * two halves of plain numbers, every intermediate an exact integer below 2^53: BigInt arithmetic allocated a
 * number per character (170 MB over the corpus's SARIF).
 */
const [LEAVING_HI, LEAVING_LO] = ((): [number, number] => {
  let p = 1n;
  for (let i = 0; i < WINDOW; i++) p = (p * BigInt(BASE)) & ((1n << 64n) - 1n);
  return [Number(p >> 32n), Number(p & 0xffffffffn)];
})();

/** `x` mod 2^32 in [0, 2^32), for any exact integer `x`. */
function low32(x: number): number {
  const r = x % TWO_32;
  return r < 0 ? r + TWO_32 : r;
}

/** The line hash of every line of `text`, indexed by line number (1-based; index 0 unused). */
export function lineHashes(text: string): string[] {
  const out: string[] = [];
  const window = new Uint16Array(WINDOW);
  const startsLine = new Int32Array(WINDOW).fill(-1);
  const seen = new Map<string, number>();
  let hi = 0;
  let lo = 0;
  let at = 0;
  let line = 0;
  let atLineStart = true;
  let afterCr = false;

  const emit = (): void => {
    const hex = hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0');
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    out[startsLine[at]!] = `${hex}:${n}`;
    startsLine[at] = -1;
  };
  // hash = (hash * BASE + code - LEAVING * leaving) mod 2^64, on the halves.
  const push = (code: number): void => {
    const leaving = window[at]!;
    window[at] = code;
    const lowFull = lo * BASE + code - LEAVING_LO * leaving;
    const newLo = low32(lowFull);
    hi = low32(hi * BASE - LEAVING_HI * leaving + (lowFull - newLo) / TWO_32);
    lo = newLo;
    at = at + 1 === WINDOW ? 0 : at + 1;
  };

  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const code = i === length ? END_OF_FILE : text.charCodeAt(i);
    if (code === SPACE || code === TAB || (afterCr && code === LF)) {
      afterCr = false;
      continue;
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
  }
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
