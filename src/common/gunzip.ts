// gzip input with a cap on what it expands to (issue 12): a 0.5 MB .json.gz can hold 150 MB of events, or far more,
// so decompression stops at the cap (--max-expanded-size, src/common/limits.ts) instead of filling the heap. A
// streaming reader applies the same cap to what it has decompressed, with the same message (expandedTooLarge).
import { gunzipSync } from 'node:zlib';
import { LIMIT_FLAGS, limits } from './limits.js';

/** The message of an input that expands past the cap, naming the flag. */
export function expandedTooLarge(max: number = limits().maxExpandedSize): string {
  return `the compressed data expands to more than ${max} bytes, the limit for compressed input; raise it with ${LIMIT_FLAGS.maxExpandedSize}`;
}

/** Decompress gzip data, at most `max` bytes of output: the data, or the reason it was refused (never throws). */
export function gunzipCapped(
  data: Buffer,
  max: number = limits().maxExpandedSize,
): { data: Buffer } | { tooLarge: string } | { error: Error } {
  try {
    return { data: gunzipSync(data, { maxOutputLength: max }) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { tooLarge: expandedTooLarge(max) };
    return { error: e as Error };
  }
}
