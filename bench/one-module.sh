#!/usr/bin/env bash
# Wall time of one small module: `node bin/tfguard.js resources <dir>` and `scan <dir>` (every built-in
# check) against a bare `node -e 0`. The scan reads the precompiled checks (dist/checks.json, made by
# `npm run build`) when they are current; the line before the timings says which path it takes.
#   bash bench/one-module.sh [module dir, default fixtures/load/variables] [runs, default 20]
# Uses hyperfine when installed (apt-get install -y hyperfine), else a loop timed with date +%s%N.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-fixtures/load/variables}
runs=${2:-20}
{ [ -f dist/src/cli/main.js ] && [ -f dist/checks.json ]; } || npm run build >/dev/null
node --input-type=module -e "
import { readPrecompiledChecks } from './dist/src/checks/precompiled.js';
const r = readPrecompiledChecks('dist/checks.json', 'checks');
console.log(r.ok ? 'built-in checks: precompiled (dist/checks.json is current)' : 'built-in checks: read from YAML (' + r.reason + '; npm run build makes it current)');
"
echo "module: $dir ($(find "$dir" -maxdepth 1 -name '*.tf' | wc -l) .tf files, $(cat "$dir"/*.tf | wc -c) bytes); node $(node --version)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs "$runs" -N --ignore-failure 'node -e 0' "node bin/tfguard.js resources $dir" "node bin/tfguard.js scan $dir"
  exit 0
fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
  done | median
}
bare=$(time_ms node -e 0)
run=$(time_ms node bin/tfguard.js resources "$dir")
scan=$(time_ms node bin/tfguard.js scan "$dir")
echo "node -e 0: median ${bare} ms over $runs runs"
echo "tfguard resources: median ${run} ms over $runs runs (+$((run - bare)) ms)"
echo "tfguard scan: median ${scan} ms over $runs runs (+$((scan - bare)) ms)"
