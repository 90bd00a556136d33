// A progress line on a terminal's standard error for long scans: files parsed, then root modules evaluated. Shown
// only when standard error is a terminal, not in CI and without --quiet (src/cli/main.ts decides), and only once a
// scan has run for half a second, so short scans never flicker; rewritten at most ten times a second, and erased
// before anything else is written.
import type { LoadProgress } from '../load/preparse.js';

const DELAY_MS = 500;
const EVERY_MS = 100;

/** The progress line a scan shows: none when standard error is not a terminal (or in CI) or with --quiet. */
export function progressLineFor(
  io: { stderr: (s: string) => void; progress?: boolean },
  quiet: boolean | undefined,
): ProgressLine | undefined {
  return io.progress && !quiet ? new ProgressLine(io.stderr) : undefined;
}

export class ProgressLine {
  private readonly write: (s: string) => void;
  private readonly now: () => number;
  private readonly start: number;
  private last = -Infinity;
  private shown = false;

  constructor(write: (s: string) => void, now: () => number = Date.now) {
    this.write = write;
    this.now = now;
    this.start = now();
  }

  update(p: LoadProgress): void {
    const t = this.now();
    if (t - this.start < DELAY_MS || (t - this.last < EVERY_MS && p.done !== p.total)) return;
    this.last = t;
    const what = p.stage === 'parse' ? 'parsing files' : 'evaluating root modules';
    this.write(`\r\x1b[2Ktfguard: ${what} ${p.done}/${p.total}`);
    this.shown = true;
  }

  /** Erase the line (before the report, or when the scan ends). */
  clear(): void {
    if (this.shown) this.write('\r\x1b[2K');
    this.shown = false;
  }
}
