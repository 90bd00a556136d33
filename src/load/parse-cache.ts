// `--cache DIR`: parsed .tf files kept on disk, keyed by what decides the parse (tfguard's version, the budgets, the
// file's text), so a re-run over unchanged files (pre-commit, CI) skips parsing them. Safe to delete at any time. It
// reads and writes only regular files named by their hash directly inside DIR/<2 hex>/, never through a symlink; an
// entry that cannot be read or does not parse back is ignored and rewritten. The path is not part of the key: a
// hit is given the path it is read for.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { limits } from '../common/limits.js';
import { packageVersion } from '../common/package-root.js';
import type { File } from './ast.js';

/** Bumped when the parser's output changes without tfguard's version changing (a development build). */
const FORMAT = 1;

export class ParseCache {
  readonly dir: string;
  private readonly salt: string;
  hits = 0;
  misses = 0;

  constructor(dir: string) {
    this.dir = dir;
    this.salt = `tfguard-parse ${FORMAT} ${packageVersion()} ${JSON.stringify(limits())}\n`;
  }

  private entry(text: string): { sub: string; file: string } {
    const hash = createHash('sha256').update(this.salt).update(text).digest('hex');
    const sub = join(this.dir, hash.slice(0, 2));
    return { sub, file: join(sub, `${hash}.json`) };
  }

  /** The cached parse of `text`, given `path`; undefined when there is none (or it cannot be used). */
  get(path: string, text: string): File | undefined {
    const { file } = this.entry(text);
    let fd: number | undefined;
    try {
      // O_NOFOLLOW: a symlink planted in the cache is never followed.
      fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
      if (!fstatSync(fd).isFile()) return this.miss();
      const parsed = JSON.parse(readFileSync(fd, 'utf8'), revive) as Omit<File, 'path' | 'text'>;
      if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.diagnostics) || !parsed.body) return this.miss();
      this.hits++;
      return { ...parsed, path, text, diagnostics: parsed.diagnostics.map((d) => ({ ...d, file: path })) };
    } catch {
      return this.miss();
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private miss(): undefined {
    this.misses++;
    return undefined;
  }

  /** Keep a parse (best effort: a cache that cannot be written is no cache). */
  put(parsed: File): void {
    const { sub, file } = this.entry(parsed.text);
    try {
      mkdirSync(sub, { recursive: true });
      const { path: _path, text: _text, ...rest } = parsed;
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(rest, replace), { flag: 'wx' });
      renameSync(tmp, file);
    } catch {
      // read-only, full, or raced by another process writing the same entry: the parse stands without it
    }
  }
}

// JSON has no Infinity, NaN or -0, which HCL number literals can evaluate to: they are written as tagged strings.
const NUMBER_TAG = '\u0000num:';

function replace(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return `${NUMBER_TAG}${Object.is(v, -0) ? '-0' : String(v)}`;
  if (typeof v === 'string' && v.startsWith(NUMBER_TAG)) return `${NUMBER_TAG}s${v}`;
  return v;
}

function revive(_key: string, v: unknown): unknown {
  if (typeof v !== 'string' || !v.startsWith(NUMBER_TAG)) return v;
  const rest = v.slice(NUMBER_TAG.length);
  if (rest.startsWith('s')) return rest.slice(1);
  return rest === '-0' ? -0 : Number(rest);
}
