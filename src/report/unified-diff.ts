// A unified diff of two texts (`tfguard fix --dry-run`), as `diff -u` prints it: a longest common subsequence of the
// lines, hunks with three lines of context.
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // LCS table from the end (the files are source files: quadratic is fine, and bounded below).
  if (a.length * b.length > 25_000_000) return `--- a/${path}\n+++ b/${path}\n@@ the file is too long to diff here @@\n`;
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; text: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: ' ', text: a[i]!, ai: i++, bi: j++ });
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ op: '-', text: a[i]!, ai: i++, bi: j });
    else ops.push({ op: '+', text: b[j]!, ai: i, bi: j++ });
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const CONTEXT = 3;
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    // Extend over changes closer than twice the context.
    for (;;) {
      while (end < ops.length && ops[end]!.op !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.op === ' ') next++;
      if (next < ops.length && next - end <= 2 * CONTEXT) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, stop);
    const aLines = hunk.filter((o) => o.op !== '+').length;
    const bLines = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${hunk[0]!.ai + (aLines ? 1 : 0)},${aLines} +${hunk[0]!.bi + (bLines ? 1 : 0)},${bLines} @@`);
    for (const o of hunk) out.push(`${o.op}${o.text}`);
    k = stop;
  }
  return `${out.join('\n')}\n`;
}
