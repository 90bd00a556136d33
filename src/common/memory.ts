// A full garbage collection between the stages of a large scan. V8 sets the heap's next limit from what was live at
// its last full collection, and on a fast-allocating scan it lets the heap grow to several times the live data before
// collecting again; one full collection once loading is done (its syntax trees gone) bases the limit on the Project
// alone, which keeps the peak memory of the checks and the report near that.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined | null;

/** Run a full garbage collection when V8 lets us (else nothing). */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = (runInNewContext('gc') as (() => void) | undefined) ?? null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
