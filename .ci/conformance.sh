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

# 1b. tfguard's own parser gives the syntax model the tree-sitter path it replaced gave (dev-only, test/treesitter),
#     on every file both accept, and the same verdict on every file.
node dist/test/treesitter/differential.js "$work/hcl-files.txt"

# 1c. The module sources read without parsing (src/load/hcl/module-sources.ts, used to find the root modules) equal
#     the full parse's on every file that takes that path, and on mutated copies of the files holding module blocks.
node dist/test/conformance/module-sources.js "$work/hcl-files.txt" --mutations 20

# 2. Values of constant attributes against hcl2json (dev dependency) as an oracle.
node dist/test/conformance/values.js --files "$work/hcl-files.txt"

# 3. Every repository of the corpus loads and evaluates (evaluateProject) without an exception or a hang.
node dist/test/conformance/corpus.js --corpus "$corpus"

# 3. Plans: every plan of the corpus loads (the invalid one gives a clear error) with the resources of planned_values.
node dist/test/conformance/plans.js "$shared/corpus/plans"

# 4. Peers' fixtures: every fixture with an expected result scanned with the aliased check (docs/conformance.md).
node dist/test/conformance/peers.js "$shared/corpus/peers" --strict

# 3. SARIF: scan fixtures into SARIF files, validate them against the OASIS schema (ajv-draft-04), then
#    with Microsoft's SARIF multitool with GitHub's ingestion rules on (GH1001-GH1007 enabled through
#    an XML config). The multitool exits 0 even on errors, so its output log is read instead.
sarif="$work/sarif"
mkdir -p "$sarif"
for dir in fixtures/report/tf fixtures/cloudtrail; do
  name=$(echo "$dir" | tr '/' '-')
  node bin/tfguard.js scan "$dir" --checks-dir fixtures/report/checks --no-config --soft-fail --format "sarif=$sarif/$name.sarif" --format "json=$sarif/$name.json" >/dev/null
  node bin/tfguard.js scan "$dir" --checks-dir fixtures/report/checks --no-config --soft-fail --sarif-include-suppressed --format "sarif=$sarif/$name-suppressed.sarif" >/dev/null
done
node dist/test/conformance/sarif.js "$shared/schemas/sarif-schema-2.1.0.json" "$sarif"/*.sarif
if npm install --prefix "$work/multitool" --no-save --no-audit --no-fund @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1; then
  mt="$work/multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  chmod u+x "$mt"
  "$mt" export-validation-config "$work/mt-cfg.xml" >/dev/null
  sed -E -i '/Key="GH100[1-7]\./{n;s/Value="Default"/Value="Error"/}' "$work/mt-cfg.xml"
  for f in "$sarif"/*.sarif; do
    "$mt" validate "$f" --rule-kind "Sarif;Ghas" -c "$work/mt-cfg.xml" -o "$f.validation" --log ForceOverwrite >/dev/null
    node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1]));const r=l.runs.flatMap(x=>x.results||[]);for(const x of r)console.log(`${process.argv[2]}: ${x.level??"warning"} ${x.ruleId}`);process.exit(r.some(x=>(x.level??"warning")==="error")?1:0)' "$f.validation" "$f"
    echo "$f: multitool (Sarif;Ghas with GH1001-GH1007): no errors"
  done
else
  echo "WARNING: @microsoft/sarif-multitool could not be installed from npm; SARIF checked against the schema only"
fi
