#!/usr/bin/env bash
# The packed package installs and runs on a machine with nothing else: `npm pack`, then `npm install -g` of the
# tarball into a temporary prefix with an empty npm cache and --offline (any dependency it needed would have to
# be downloaded, and fails), then the installed `tfguard` scans a fixture from another directory.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$repo"
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$tmp" | tail -1)
npm install -g --offline --no-audit --no-fund --prefix "$tmp/prefix" --cache "$tmp/cache" "$tmp/$tarball" >/dev/null
cp -r "$repo/fixtures/cloudtrail" "$tmp/infra"
cd "$tmp"
set +e
out=$("$tmp/prefix/bin/tfguard" scan infra --check D9.TF.AWS.LOG.01 --no-config 2>&1)
code=$?
set -e
if [ "$code" != 1 ] || ! grep -q 'infra/main.tf:45:3 .*D9.TF.AWS.LOG.01' <<<"$out"; then
  echo "FAIL: the installed tfguard did not report the regional trail (exit $code):"
  echo "$out"
  exit 1
fi
[ "$("$tmp/prefix/bin/tfguard" --version)" = "$(node -p "require('$repo/package.json').version")" ] || { echo "FAIL: version"; exit 1; }
echo "the packed tarball ($tarball, $(du -k "$tmp/$tarball" | cut -f1) kB) installed offline and scanned a fixture"
