// --max-total-instances (issue 12, issue 15): module and resource instances of one root module, the modules it calls
// included (nested count/for_each multiply). Counted per root module, not per scan: root modules are evaluated,
// checked and let go one at a time, possibly in several threads (src/scan/shards.ts), and one root module over the
// limit must not leave the next one unchecked. Past it a block is not evaluated; the blocks left out of a root module
// share one diagnostic, at the first of them, that says how many were left out, where, and the flag that raises the
// limit (not one per block: a generated file of 100,000 buckets would otherwise give tens of thousands of copies).
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { limits } from '../common/limits.js';
import { BudgetError } from './budget.js';

/** What was left out of one root module. */
interface Overrun {
  diagnostic: Diagnostic;
  first: string;
  blocks: Set<object>;
  files: Set<string>;
  /** Blocks left out, counted once per module instance holding them. */
  skipped: number;
  /** Instances those blocks would have made themselves (a module left out would have made more inside). */
  instances: number;
}

/** Where a block is, for the diagnostic: the file and the range of its type keyword. */
export interface BlockSite {
  block: object;
  file: string;
  range: Range;
  /** `resource "aws_s3_bucket" "b"`, `module "m"`. */
  what: string;
}

export class TotalInstances {
  /** The root module being evaluated, its instances made so far and what was left out of it. */
  private root: string | undefined;
  private count = 0;
  private overrun: Overrun | undefined;

  /**
   * Count `n` more instances of a block of root module `root`. True when they fit; else the block is to be left out
   * and is counted in the root module's one diagnostic, which `report` receives the first time (its message is kept
   * current as more blocks are left out, until the root module is done). Root modules come one after the other.
   */
  take(n: number, root: string, site: BlockSite, report: (d: Diagnostic) => void): boolean {
    if (root !== this.root) {
      this.root = root;
      this.count = 0;
      this.overrun = undefined;
    }
    if (this.count + n <= limits().maxTotalInstances) {
      this.count += n;
      return true;
    }
    let o = this.overrun;
    if (!o) {
      o = {
        diagnostic: { severity: 'error', code: 'limit-reached', file: site.file, range: site.range, message: '' },
        first: site.what,
        blocks: new Set(),
        files: new Set(),
        skipped: 0,
        instances: 0,
      };
      this.overrun = o;
      describe(o);
      report(o.diagnostic);
    }
    o.blocks.add(site.block);
    o.files.add(site.file);
    o.skipped++;
    o.instances += n;
    describe(o);
    return false;
  }
}

const FLAG = '--max-total-instances N raises the limit';

function describe(o: Overrun): void {
  const max = limits().maxTotalInstances;
  const over = `would make more than ${max} module and resource instances in this root module`;
  if (o.skipped <= 1) {
    o.diagnostic.message = `${new BudgetError('maxTotalInstances', `${o.first} ${over}`).message}; it was not evaluated`;
    o.diagnostic.hint = `no check sees what this block would make and no finding stands for it (a check looking for a related resource may miss one in it); ${FLAG}`;
    return;
  }
  const others = o.blocks.size - 1;
  const more = others > 0 ? ` and ${others} more ${others === 1 ? 'block' : 'blocks'}` : '';
  const files = o.files.size === 1 ? 'in 1 file' : `in ${o.files.size} files`;
  const times = o.skipped !== o.blocks.size ? `, left out ${o.skipped} times across module instances` : '';
  const e = new BudgetError('maxTotalInstances', `${o.first}${more} (${o.instances} instances, ${files}${times}) ${over}`);
  o.diagnostic.message = `${e.message}; none of them was evaluated`;
  o.diagnostic.hint = `no check sees what these blocks would make and no finding stands for them (a check looking for a related resource may miss one in them); ${FLAG}`;
}
