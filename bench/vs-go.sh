#!/usr/bin/env bash
# A whole tfguard scan of the Terraform corpus against HashiCorp's Go parser parsing the same files (issue 15's
# yardstick), run in turns (Go, tfguard, Go, tfguard, ...) so that a drift of the shared machine hits both alike.
#   bash bench/vs-go.sh [runs, default 5] [corpus, default ../shared/corpus/terraform]
# The Go side is hclbench (../shared/tools/hcl-oracle/gohcl: hclsyntax.ParseConfig on every .tf/.tfvars file of the
# list), built by .ci/build-oracle.sh; the tfguard side is `tfguard scan` of the corpus with every built-in check and
# SARIF output, the stress files (**/max_file_size/**) left out of both. Each run is timed as a whole process by GNU
# time (wall, user + system CPU, peak RSS); the medians and the throughput ratio Go time / tfguard time are printed
# (1.0: tfguard scans as fast as Go parses; issue 15 asks for 0.5).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=$(cd "${2:-../shared/corpus/terraform}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install -y time"; exit 2; }
[ -f dist/cli/main.js ] || npm run build >/dev/null
bash .ci/build-oracle.sh "$(dirname "$corpus")/../tools/hcl-oracle" "$work/oracle" >/dev/null || { echo "hclbench could not be built (Go and Debian's HCL are needed)"; exit 2; }
find "$corpus" -type f \( -name '*.tf' -o -name '*.tfvars' \) -not -path '*/max_file_size/*' | LC_ALL=C sort > "$work/files.txt"
echo "corpus: $(wc -l < "$work/files.txt") files, $(tr "\n" "\0" < "$work/files.txt" | xargs -0 cat | wc -c) bytes (stress files left out); node $(node --version); $(nproc) cores"

run() { # label command...: one line "label wall cpu rss_kb"
  local label=$1
  shift
  /usr/bin/time -f "$label %e %U %S %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
  awk '{printf "%s %s %.2f %s\n", $1, $2, $3 + $4, $5}' "$work/t"
}
for _ in $(seq "$runs"); do
  run go "$work/oracle/hclbench" "$work/files.txt" "$work/go.jsonl"
  run tfguard node bin/tfguard.js scan "$corpus" --no-config --exclude '**/max_file_size/**' --format "sarif=$work/out.sarif" --soft-fail --quiet
done > "$work/times"
node --input-type=module - "$work/times" <<'EOF'
import { readFileSync } from 'node:fs';
const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => l.split(' '));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
const of = (label, i) => rows.filter((r) => r[0] === label).map((r) => Number(r[i]));
const line = (label) => `${label.padEnd(8)} wall ${median(of(label, 1)).toFixed(2)} s  cpu ${median(of(label, 2)).toFixed(2)} s  peak RSS ${(median(of(label, 3)) / 1024).toFixed(0)} MB`;
console.log(line('go'));
console.log(line('tfguard'));
const pairs = of('go', 2).map((g, i) => g / of('tfguard', 2)[i]);
const wall = of('go', 1).map((g, i) => g / of('tfguard', 1)[i]);
console.log(`throughput ratio (Go time / tfguard time), median of ${pairs.length} pairs: cpu ${median(pairs).toFixed(2)}, wall ${median(wall).toFixed(2)}`);
EOF
