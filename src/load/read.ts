// Reading one input file safely: size limit, binary and non-UTF-8 content become diagnostics.
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { File } from './ast.js';
import type { Diagnostic, DiagnosticCode } from '../common/diagnostics.js';
import { childPath, isInside } from '../common/paths.js';

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

/**
 * Reading never waits: a repository may hold a named pipe or a device called main.tf, and opening one to read blocks
 * until a writer comes. Opened without blocking, its fstat says it is not a regular file, and it is not read.
 */
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** Where the platform has it, a file is opened only if it is not itself a symbolic link (no lstat first). */
const READ_NOFOLLOW = constants.O_NOFOLLOW === undefined ? undefined : READ | constants.O_NOFOLLOW;

/** Open a file to read, never blocking on a named pipe or device (its fstat then says it is not a regular file). */
export function openToRead(path: string): number {
  return openSync(path, READ);
}

export function readTextFile(path: string, options: ReadOptions = {}): ReadResult {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const open = options.overlay?.get(path);
  if (open !== undefined && open.length <= max) return { ok: true, text: open };
  let buf: Buffer;
  let fd: number | undefined;
  try {
    if (options.root !== undefined) {
      let real: string | undefined;
      if (READ_NOFOLLOW !== undefined) {
        try {
          // Not a symbolic link: the file is where its directory really is (one realpath per directory).
          fd = openSync(path, READ_NOFOLLOW);
          real = childPath(realDir(dirname(path), options.realDirs), basename(path));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'ELOOP' && code !== 'EMLINK') throw e; // a link (EMLINK on FreeBSD): resolved below
        }
      }
      if (real === undefined) {
        try {
          real = lstatSync(path).isSymbolicLink()
            ? realpathSync.native(path)
            : childPath(realDir(dirname(path), options.realDirs), basename(path));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT' && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
            return {
              ok: false,
              diagnostic: { severity: 'warning', code: 'broken-link', file: path, message: 'symbolic link points nowhere; skipped' },
            };
          throw e;
        }
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
    fd ??= openSync(path, READ);
    const st = fstatSync(fd);
    if (!st.isFile())
      return fail(
        path,
        'unreadable',
        'not a regular file (a named pipe, socket or device); it was not read',
        'Terraform files are regular files: remove it, or exclude it with --exclude',
      );
    if (st.size > max) {
      return fail(
        path,
        'file-too-large',
        `file is ${st.size} bytes, over the limit of ${max} bytes; it was not scanned`,
        'raise the limit with --max-file-size, or exclude the file with --exclude',
      );
    }
    buf = readFileSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return fail(path, 'unreadable', `cannot read file (${code}): ${(e as Error).message}`, 'check that the file exists and is readable');
  } finally {
    if (fd !== undefined) closeSync(fd);
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
