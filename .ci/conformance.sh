#!/usr/bin/env bash
# Conformance over ../shared (never part of npm test): the Terraform corpus against HashiCorp's parser.
set -euo pipefail
shared=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

corpus="$shared/corpus/terraform"
find "$corpus" -type f \( -name '*.tf' -o -name '*.tfvars' \) | LC_ALL=C sort > "$work/hcl-files.txt"
echo "corpus: $(wc -l < "$work/hcl-files.txt") HCL files"

# 1. Every file loads without a crash; files reported invalid are exactly the truly invalid ones;
#    block and attribute start lines equal those of HashiCorp's parser (tools/hcl-oracle/gopos).
if bash .ci/build-oracle.sh "$shared/tools/hcl-oracle" "$work/oracle"; then
  "$work/oracle/gopos" "$work/hcl-files.txt" "$work/go-pos.jsonl" >/dev/null
  node dist/test/conformance/positions.js "$work/hcl-files.txt" "$work/go-pos.jsonl"
else
  echo "WARNING: HashiCorp's parser could not be built here; positions are not compared with it"
fi

# 2. Values of constant attributes against hcl2json (dev dependency) as an oracle.
node dist/test/conformance/values.js --files "$work/hcl-files.txt"

# 3. Every repository of the corpus loads and evaluates (evaluateProject) without an exception or a hang.
node dist/test/conformance/corpus.js --corpus "$corpus"

# 3. Plans: every plan of the corpus loads (the invalid one gives a clear error) with the resources of planned_values.
node dist/test/conformance/plans.js "$shared/corpus/plans"

# 4. Peers' fixtures: every fixture with an expected result scanned with the aliased check (docs/conformance.md).
node dist/test/conformance/peers.js "$shared/corpus/peers"
