// Reading one CloudTrail log file (or standard input) as a stream: gunzip when the bytes say gzip (with a cap on
// the expanded size), split into records as the text arrives (log-split.ts), and hand each batch of raw records to
// the caller, who parses only what it needs. Memory is one chunk plus the record in progress, whatever the size.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Diagnostic } from '../common/diagnostics.js';
import { limits } from '../common/limits.js';
import { type RawRecord, type SplitShape, RecordSplitter } from './log-split.js';

export interface LogReadOptions {
  /** The most decompressed bytes read from one file (the gunzip cap). */
  maxBytes: number;
}

export interface LogReadResult {
  /** Undefined when nothing could be read. */
  shape?: SplitShape;
  /** Decompressed bytes read. */
  bytes: number;
  diagnostics: Diagnostic[];
}

/** The text of standard input, for `tfguard scan -`. */
export const STDIN = '-';

class TooLarge extends Error {
  /** True when the cap was the one on what compressed input expands to (--max-expanded-size). */
  constructor(readonly expanded = false) {
    super('too large');
  }
}

function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The bytes of stdin, gunzipped when they start with the gzip magic. */
async function* stdinBytes(isGzip: (gz: boolean) => void): AsyncGenerator<Buffer> {
  const it = (process.stdin as Readable)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value as Buffer;
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value as Buffer;
    }
  };
  isGzip(head[0] === 0x1f && head[1] === 0x8b);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gz = createGunzip({ chunkSize: 256 * 1024 });
    const src = Readable.from(rest());
    src.pipe(gz);
    src.on('error', (e) => gz.destroy(e));
    yield* gz as AsyncIterable<Buffer>;
  } else yield* rest();
}

/**
 * Stream a log file through `onRecords` (called with each batch of completed records, in order). Never throws:
 * unreadable files, bad gzip, a text cut short, a stray bracket and the size cap are diagnostics naming the file.
 */
export async function readLogRecords(
  path: string,
  onRecords: (records: RawRecord[], shape: SplitShape) => void,
  options: LogReadOptions,
): Promise<LogReadResult> {
  const splitter = new RecordSplitter();
  const diagnostics: Diagnostic[] = [];
  let bytes = 0;
  let overCap: TooLarge | undefined;
  const expandedCap = limits().maxExpandedSize;
  const take = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      bytes += chunk.length;
      // Compressed input may expand only so far (a small bomb is refused), whatever the file-size limit.
      if (gz && bytes > expandedCap) throw (overCap = new TooLarge(true));
      if (bytes > options.maxBytes) throw (overCap = new TooLarge()); // pipeline may reject with an AbortError instead
      const recs = splitter.push(chunk);
      if (recs.length) onRecords(recs, splitter.shape!);
      if (splitter.problem) return;
    }
  };
  let gz = false;
  try {
    if (path === STDIN) await take(stdinBytes((z) => (gz = z)));
    else {
      gz = isGzipFile(path);
      if (!gz && path.endsWith('.gz'))
        return {
          bytes,
          diagnostics: [
            {
              severity: 'error',
              code: 'bad-gzip',
              file: path,
              message: 'the file is named .gz but is not gzip data (it does not start with the gzip magic bytes 1f 8b)',
              hint: 'rename it, or give the gzipped file',
            },
          ],
        };
      const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
      if (gz) await pipeline(file, createGunzip({ chunkSize: 256 * 1024 }), take);
      else await pipeline(file, take);
    }
  } catch (e) {
    const cap = overCap ?? (e instanceof TooLarge ? e : undefined);
    if (cap?.expanded)
      diagnostics.push({
        severity: 'error',
        code: 'file-too-large',
        file: path,
        message: `the compressed data expands to more than ${expandedCap} bytes, the limit for compressed input; raise it with --max-expanded-size; the records after that point were not read`,
        hint: 'split the file, or raise the limit with --max-expanded-size',
      });
    else if (cap) {
      diagnostics.push({
        severity: 'error',
        code: 'file-too-large',
        file: path,
        message: `the ${gz ? 'decompressed ' : ''}text is over the limit of ${options.maxBytes} bytes; the rest of the file was not read`,
        hint: 'split the file, or raise the limit with --max-file-size',
      });
    } else {
      const err = e as NodeJS.ErrnoException;
      const zlib = typeof err.code === 'string' && err.code.startsWith('Z_');
      diagnostics.push(
        zlib
          ? {
              severity: 'error',
              code: 'bad-gzip',
              file: path,
              message: `cannot decompress the gzip file: ${err.code === 'Z_BUF_ERROR' ? 'the gzip data ends early (the file is truncated)' : err.message}; the records before the damage were read`,
              hint: 'download the file again; CloudTrail writes complete .json.gz files',
            }
          : {
              severity: 'error',
              code: 'unreadable',
              file: path,
              message: `cannot read file (${err.code ?? 'error'}): ${err.message}`,
              hint: 'check that the file exists and is readable',
            },
      );
    }
    return { ...(splitter.shape ? { shape: splitter.shape } : {}), bytes, diagnostics };
  }
  const end = splitter.end();
  if (end.records.length) onRecords(end.records, splitter.shape!);
  const problem = end.problem ?? splitter.problem;
  if (problem)
    diagnostics.push({
      severity: 'error',
      code: 'not-json',
      file: path,
      range: problem.range,
      message: `not valid JSON: ${problem.message}`,
      hint: 'CloudTrail writes complete {"Records": [...]} files; download it again',
    });
  return { ...(splitter.shape ? { shape: splitter.shape } : {}), bytes, diagnostics };
}
