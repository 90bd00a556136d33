// The repository folders of ../shared/corpus/terraform (`<group>/<owner__repo>`), shared by the corpus
// conformance script and the benchmarks.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Directories `depth` levels below `corpus`, sorted (depth 2: `real/owner__repo`). */
export function corpusRepoDirs(corpus: string, depth = 2): string[] {
  let level = [corpus];
  for (let i = 0; i < depth; i++) {
    level = level.flatMap((d) =>
      readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(d, e.name))
        .sort(),
    );
  }
  return level;
}
