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

/**
 * The line hashes of a text: the two halves of every line's hash, computed in one pass; the `<hex>:<n>` value only
 * for the lines asked for (a scan asks for the lines of its findings, a few of each file's).
 */
export class LineHashes {
  /** Halves of line L's hash at index L (1-based; index 0 unused). */
  private readonly his: number[] = [0];
  private readonly los: number[] = [0];

  constructor(text: string) {
    const { his, los } = this;
    const window = new Uint16Array(WINDOW);
    const startsLine = new Int32Array(WINDOW).fill(-1);
    let hi = 0;
    let lo = 0;
    let at = 0;
    let line = 0;
    let atLineStart = true;
    let afterCr = false;
    const length = text.length;
    for (let i = 0; i <= length + WINDOW; i++) {
      let c: number;
      if (i < length) {
        const code = text.charCodeAt(i);
        if (code === SPACE || code === TAB || (afterCr && code === LF)) {
          afterCr = false;
          continue;
        }
        afterCr = code === CR;
        c = code === CR ? LF : code;
      } else c = i === length ? END_OF_FILE : 0; // then WINDOW zeros complete the last lines' hashes
      // The slot about to be overwritten started a line WINDOW characters ago: its hash is complete.
      const started = startsLine[at]!;
      if (started !== -1) {
        his[started] = hi;
        los[started] = lo;
        startsLine[at] = -1;
      }
      if (atLineStart && i <= length) {
        atLineStart = false;
        line++;
        startsLine[at] = line;
      }
      if (c === LF) atLineStart = true;
      // hash = (hash * BASE + c - LEAVING * leaving) mod 2^64, on the halves.
      const leaving = window[at]!;
      window[at] = c;
      const lowFull = lo * BASE + c - LEAVING_LO * leaving;
      const newLo = lowFull >>> 0; // ToUint32 is mod 2^32 of an exact integer (`%` on a double is far slower)
      hi = (hi * BASE - LEAVING_HI * leaving + (lowFull - newLo) / TWO_32) >>> 0;
      lo = newLo;
      at = at + 1 === WINDOW ? 0 : at + 1;
    }
  }

  /** `<hex>:<n>` of line `line` (1-based), n numbering the lines with this hash up to it; undefined past the end. */
  value(line: number): string | undefined {
    if (!(line >= 1 && line < this.his.length)) return undefined;
    const hi = this.his[line]!;
    const lo = this.los[line]!;
    let n = 0;
    for (let l = 1; l <= line; l++) if (this.los[l] === lo && this.his[l] === hi) n++;
    return `${this.hex(line)}:${n}`;
  }

  /** Every line's value, in one pass (index 0 unused). */
  values(): string[] {
    const out: string[] = [];
    const seen = new Map<string, number>();
    for (let l = 1; l < this.his.length; l++) {
      const hex = this.hex(l);
      const n = (seen.get(hex) ?? 0) + 1;
      seen.set(hex, n);
      out[l] = `${hex}:${n}`;
    }
    return out;
  }

  private hex(line: number): string {
    const hi = this.his[line]!;
    const lo = this.los[line]!;
    return hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0');
  }
}

/** The line hash of every line of `text`, indexed by line number (1-based; index 0 unused). */
export function lineHashes(text: string): string[] {
  return new LineHashes(text).values();
}

/** The fingerprint of `line` in `text`, the text hashed once. */
export class FingerprintCache {
  private readonly cache = new Map<string, LineHashes>();
  lineHash(key: string, text: string, line: number): string | undefined {
    let hashes = this.cache.get(key);
    if (!hashes) {
      hashes = new LineHashes(text);
      this.cache.set(key, hashes);
    }
    return hashes.value(line);
  }
}
