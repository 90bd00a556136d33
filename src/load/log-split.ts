// A streaming splitter for CloudTrail log text: fed the (decompressed) bytes chunk by chunk, it hands back each
// record's raw JSON as it completes, without parsing it and without holding more than the record in progress.
// Three shapes: `{"Records": [ {...}, ... ]}` (what CloudTrail writes; records are the array's items), a top-level
// array (its items), and JSON lines or one object (every top-level value is a record). It tracks only structure:
// strings (skipped with indexOf), brackets and depth, lines; a record's own JSON is checked by whoever parses it.
import type { Range } from '../common/diagnostics.js';

/** Records nested deeper than this (below the record itself) are not parsed: a diagnostic names them. */
export const MAX_RECORD_DEPTH = 64;
/** A single record larger than this is not kept in memory (CloudTrail events are at most 256 KB). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export type SplitShape = 'records' | 'array' | 'values';

export interface RawRecord {
  /** 0-based index in the Records array (or the top-level array, or among the top-level values). */
  index: number;
  /** The record's bytes (a view: valid until the next call to `push`). */
  bytes: Buffer;
  /** Where it starts and ends in the decompressed text (columns count bytes). */
  range: Range;
  /** Nested deeper than MAX_RECORD_DEPTH: not to be parsed. */
  tooDeep: boolean;
  /** Larger than MAX_RECORD_BYTES: `bytes` is empty. */
  tooLarge: boolean;
  /** Where `bytes` lies in `buf` (records of one `push` share it). */
  buf: Buffer;
  start: number;
  /** The record holds a backslash (an escape that could spell any character). */
  escaped: boolean;
  /** Keys of the record object itself seen: bit 1 eventName, 2 eventSource, 4 eventVersion. */
  keys: number;
}

const KEYS = [Buffer.from('eventName'), Buffer.from('eventSource'), Buffer.from('eventVersion')];

/** The bit of the event key at buf[start, start + len), compared byte by byte (no string made); 0 for any other key. */
function keyBit(buf: Buffer, start: number, len: number): number {
  for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k]!;
    if (key.length !== len) continue;
    let i = 0;
    while (i < len && buf[start + i] === key[i]) i++;
    if (i === len) return 1 << k;
  }
  return 0;
}

export interface SplitProblem {
  message: string;
  range: Range;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NL = 0x0a;
const RECORDS_HEAD = /^\s*\{\s*"Records"\s*:\s*\[/;
const RECORDS_START = '{"Records":[';

const isSpace = (c: number): boolean => c === 0x20 || c === NL || c === 0x0d || c === 0x09;

export class RecordSplitter {
  shape: SplitShape | undefined;
  /** Set when the structure is broken (a stray closing bracket): nothing after it is split. */
  problem: SplitProblem | undefined;
  private buf: Buffer = Buffer.alloc(0);
  /** Offset of buf[0] in the whole text. */
  private base = 0;
  private pos = 0;
  private depth = 0;
  /** Depth at which records are items: 0 (values), 1 (array) or 2 (Records). */
  private recDepth = 0;
  private inString = false;
  /** Where the string being skipped started (buf offset), to count backslashes before a quote. */
  private strStart = 0;
  /** Start of the record in progress (buf offset), or -1. */
  private recStart = -1;
  private recStartPos = { line: 1, column: 1, offset: 0 };
  private recMaxDepth = 0;
  private recEscaped = false;
  private recKeys = 0;
  /** The next string at the record's top level is a key (after `{` or `,`). */
  private keyNext = false;
  private strIsKey = false;
  /** A scalar record (a number, true, null) in progress: it ends at the next delimiter. */
  private inScalar = false;
  private index = 0;
  private line = 1;
  /** Offset (whole text) where the current line starts. */
  private lineStart = 0;
  /** The Records array was closed: the rest of the text is not records. */
  private done = false;

  /** Feed the next chunk; returns the records it completed (their `bytes` are views into this call's buffer). */
  push(chunk: Buffer): RawRecord[] {
    if (this.problem) return [];
    // Keep only what is still needed: the record (or string) in progress.
    const keep = this.recStart >= 0 ? this.recStart : this.inString ? this.strStart : this.pos;
    const tail = this.buf.subarray(keep);
    this.base += keep;
    this.pos -= keep;
    if (this.recStart >= 0) this.recStart -= keep;
    this.strStart -= keep;
    this.buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    if (this.shape === undefined && !this.decideShape(false)) return [];
    return this.scan();
  }

  /** The text has ended: a record still open is a problem (the file is cut short). */
  end(): { records: RawRecord[]; problem?: SplitProblem } {
    const out: RawRecord[] = [];
    if (this.problem) return { records: out, problem: this.problem };
    if (this.shape === undefined) {
      this.decideShape(true);
      out.push(...this.scan());
    }
    if (this.inScalar) out.push(this.finishRecord(this.buf.length));
    if (this.recStart >= 0 || this.inString || (this.shape !== 'values' && !this.done && this.depth > 0)) {
      const at = this.point(this.buf.length);
      const what = this.recStart >= 0 ? `inside ${this.label(this.index)}` : 'before the records are closed';
      return { records: out, problem: { message: `the text ends ${what}: the file is cut short`, range: { start: at, end: at } } };
    }
    return { records: out };
  }

  /** Records[3], [3] or line-based labels are the caller's; this is the index form. */
  private label(i: number): string {
    return this.shape === 'records' ? `Records[${i}]` : `[${i}]`;
  }

  private decideShape(final: boolean): boolean {
    let i = 0;
    const bom = [0xef, 0xbb, 0xbf];
    if (!final && this.buf.length < 3 && [...this.buf].every((b, k) => b === bom[k])) return false;
    // Until the shape is decided the buffer holds the text from its start.
    if (this.buf.length >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) i = 3;
    while (i < this.buf.length && isSpace(this.buf[i]!)) i++;
    if (i >= this.buf.length && !final) return false;
    const c = this.buf[i];
    if (c === 0x5b) {
      this.shape = 'array';
      this.recDepth = 1;
    } else if (c === 0x7b) {
      const head = this.buf.toString('latin1', i, Math.min(this.buf.length, i + 256));
      if (RECORDS_HEAD.test(head)) {
        this.shape = 'records';
        this.recDepth = 2;
      } else if (!final && this.buf.length - i < 256 && RECORDS_START.startsWith(head.replace(/\s+/g, ''))) {
        return false; // not enough text yet to see whether "Records" comes first
      } else {
        this.shape = 'values';
        this.recDepth = 0;
      }
    } else {
      this.shape = 'values';
      this.recDepth = 0;
    }
    this.pos = i;
    return true;
  }

  private point(bufOffset: number): { line: number; column: number; offset: number } {
    const offset = this.base + bufOffset;
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  private startRecord(at: number): void {
    this.recStart = at;
    this.recStartPos = this.point(at);
    this.recMaxDepth = 0;
    this.recEscaped = false;
    this.recKeys = 0;
  }

  private finishRecord(endExclusive: number): RawRecord {
    const size = endExclusive - this.recStart;
    const tooLarge = size > MAX_RECORD_BYTES;
    const rec: RawRecord = {
      index: this.index++,
      bytes: tooLarge ? Buffer.alloc(0) : this.buf.subarray(this.recStart, endExclusive),
      range: { start: this.recStartPos, end: this.point(endExclusive) },
      tooDeep: this.recMaxDepth > MAX_RECORD_DEPTH,
      tooLarge,
      buf: this.buf,
      start: this.recStart,
      escaped: this.recEscaped,
      keys: this.recKeys,
    };
    this.recStart = -1;
    this.inScalar = false;
    return rec;
  }

  private scan(): RawRecord[] {
    const out: RawRecord[] = [];
    const buf = this.buf;
    const n = buf.length;
    let i = this.pos;
    while (i < n) {
      if (this.inString) {
        // Skip to the closing quote; a backslash escapes the byte after it.
        let q = i;
        while (q < n) {
          const b = buf[q]!;
          if (b === QUOTE) break;
          if (b === BACKSLASH) {
            this.recEscaped = true;
            q += 2;
          } else q++;
        }
        if (q >= n) {
          // The string goes on in the next chunk (q may be n + 1 after a final backslash: resume there).
          i = q;
          break;
        }
        this.inString = false;
        i = q + 1;
        if (this.strIsKey) {
          // eventName, eventSource, eventVersion: 9, 11 or 12 bytes starting with `e` (decoded only then).
          const len = q - this.strStart;
          if ((len === 9 || len === 11 || len === 12) && buf[this.strStart] === 0x65) this.recKeys |= keyBit(buf, this.strStart, len);
        }
        if (this.recStart >= 0 && this.depth === this.recDepth) out.push(this.finishRecord(i)); // a string record
        continue;
      }
      const c = buf[i]!;
      if (this.inScalar) {
        if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) out.push(this.finishRecord(i));
        else {
          i++;
          continue;
        }
      }
      if (c === NL) {
        this.line++;
        this.lineStart = this.base + i + 1;
        i++;
        continue;
      }
      if (isSpace(c) || c === 0x3a) {
        i++;
        continue;
      }
      if (c === 0x2c) {
        this.keyNext = this.recStart >= 0 && this.depth === this.recDepth + 1;
        i++;
        continue;
      }
      if (this.done) {
        // After the Records array: skip the rest structurally (other keys of the top-level object).
        if (c === QUOTE) {
          this.inString = true;
          this.strStart = i + 1;
        }
        i++;
        continue;
      }
      const atItem = this.depth === this.recDepth && this.recStart < 0;
      if (c === QUOTE) {
        if (atItem) this.startRecord(i);
        this.inString = true;
        this.strStart = i + 1;
        this.strIsKey = this.keyNext && this.depth === this.recDepth + 1;
        this.keyNext = false;
        i++;
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        if (atItem) this.startRecord(i);
        this.depth++;
        this.keyNext = c === 0x7b && this.recStart >= 0 && this.depth === this.recDepth + 1;
        if (this.recStart >= 0 && this.depth - this.recDepth > this.recMaxDepth) this.recMaxDepth = this.depth - this.recDepth;
        i++;
        continue;
      }
      if (c === 0x7d || c === 0x5d) {
        if (this.depth === 0) {
          const at = this.point(i);
          this.problem = { message: `unexpected \`${String.fromCharCode(c)}\`: a bracket closes nothing`, range: { start: at, end: at } };
          break;
        }
        this.depth--;
        i++;
        if (this.recStart >= 0 && this.depth === this.recDepth) out.push(this.finishRecord(i));
        else if (this.depth < this.recDepth && this.shape !== 'values') this.done = true;
        continue;
      }
      // A scalar (number, true, false, null) or stray text.
      if (atItem) {
        this.startRecord(i);
        this.inScalar = true;
      }
      i++;
    }
    this.pos = i;
    return out;
  }
}
