// Reading one input file safely: size limit, binary and non-UTF-8 content become diagnostics.
import { type Stats, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { File } from './ast.js';
import type { Diagnostic, DiagnosticCode } from '../common/diagnostics.js';
import { isInside } from '../common/paths.js';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are skipped with a diagnostic. */
  maxFileBytes?: number;
  /** Files of module directories not to read (`--exclude`, see excludeMatcher). */
  skip?: (path: string) => boolean;
  /**
   * The scan root (a real path): a file whose real path leaves it (a symbolic link to /etc/passwd, in the scanned
   * tree or under .terraform/modules) is refused before a byte of it is read.
   */
  root?: string;
  /** The unsaved text of files open in an editor (the language server), by absolute path: read instead of the disk. */
  overlay?: ReadonlyMap<string, string>;
  /** Files already read and parsed (preparse.ts), by path: loadFile takes them from here. */
  preparsed?: { get(path: string): { file?: File; diagnostic?: Diagnostic } | undefined };
  /** Directory listings discovery made (discover.ts): the file names of each directory it walked, sorted. */
  listings?: ReadonlyMap<string, readonly string[]>;
  /** Real paths of directories already resolved in this scan (a file that is not a link is then not resolved). */
  realDirs?: Map<string, string>;
}

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readTextFile(path: string, options: ReadOptions = {}): ReadResult {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const open = options.overlay?.get(path);
  if (open !== undefined && open.length <= max) return { ok: true, text: open };
  let buf: Buffer;
  try {
    let st: Stats | undefined;
    if (options.root !== undefined) {
      let real: string;
      try {
        // A file that is not a symbolic link is where its directory really is: one lstat, and one realpath per directory.
        const own = lstatSync(path);
        if (own.isFile()) {
          st = own;
          real = join(realDir(dirname(path), options.realDirs), basename(path));
        } else real = realpathSync.native(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
          return {
            ok: false,
            diagnostic: { severity: 'warning', code: 'broken-link', file: path, message: 'symbolic link points nowhere; skipped' },
          };
        throw e;
      }
      if (!isInside(options.root, real)) {
        return {
          ok: false,
          diagnostic: {
            severity: 'warning',
            code: 'outside-root',
            file: path,
            message: 'symbolic link leads outside the scan root; it was not read',
            hint: 'scan the target itself if it should be checked; tfguard reads nothing outside the directory it scans',
          },
        };
      }
    }
    st ??= statSync(path);
    if (st.size > max) {
      return fail(
        path,
        'file-too-large',
        `file is ${st.size} bytes, over the limit of ${max} bytes; it was not scanned`,
        'raise the limit with --max-file-size, or exclude the file with --exclude',
      );
    }
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return fail(path, 'unreadable', `cannot read file (${code}): ${(e as Error).message}`, 'check that the file exists and is readable');
  }
  if (buf.length > max) {
    return fail(
      path,
      'file-too-large',
      `file is ${buf.length} bytes, over the limit of ${max} bytes; it was not scanned`,
      'raise the limit with --max-file-size, or exclude the file with --exclude',
    );
  }
  if (buf.includes(0)) {
    return fail(path, 'binary', 'file contains NUL bytes and looks binary; it was not scanned', 'Terraform files must be UTF-8 text');
  }
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    const line = buf.subarray(0, at).toString('latin1').split('\n').length;
    return fail(
      path,
      'encoding',
      `file is not valid UTF-8 (first bad byte 0x${buf[at]?.toString(16).padStart(2, '0')} on line ${line}); it was not scanned`,
      'save the file as UTF-8, as Terraform requires',
    );
  }
  // Terraform accepts a UTF-8 byte order mark.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function realDir(dir: string, cache: Map<string, string> | undefined): string {
  let real = cache?.get(dir);
  if (real === undefined) {
    real = realpathSync.native(dir);
    cache?.set(dir, real);
  }
  return real;
}

function fail(file: string, code: DiagnosticCode, message: string, hint: string): ReadResult {
  return { ok: false, diagnostic: { severity: 'error', code, message, file, hint } };
}

function firstInvalidUtf8(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.min(lo, buf.length - 1);
}
