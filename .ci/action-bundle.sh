#!/usr/bin/env bash
# The committed GitHub Action bundle (dist/action/) must be what scripts/build-action.mjs makes from the
# committed source. Built from `git archive HEAD`, so uncommitted edits in the working tree do not count.
#   bash .ci/action-bundle.sh          check; exit 1 when dist/action is stale
#   bash .ci/action-bundle.sh --write  rebuild dist/action from HEAD's source (then commit it)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive HEAD | tar -x -C "$tmp"
ln -s "$PWD/node_modules" "$tmp/node_modules"
node "$tmp/scripts/build-action.mjs" "$tmp/out"
if [ "${1:-}" = "--write" ]; then
  rm -rf dist/action
  mkdir -p dist/action
  cp "$tmp"/out/* dist/action/
  echo "dist/action rebuilt from HEAD"
  exit 0
fi
stale=0
for f in "$tmp"/out/*; do
  name=$(basename "$f")
  if ! git cat-file -e "HEAD:dist/action/$name" 2>/dev/null || ! git show "HEAD:dist/action/$name" | cmp -s - "$f"; then
    echo "dist/action/$name is not the bundle of the committed source"
    stale=1
  fi
done
# A committed file the build no longer makes is stale too.
for name in $(git ls-tree --name-only HEAD dist/action/ | xargs -n1 basename); do
  if [ ! -e "$tmp/out/$name" ]; then
    echo "dist/action/$name is committed but the build does not make it"
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  echo "rebuild it: bash .ci/action-bundle.sh --write, then commit dist/action"
  exit 1
fi
echo "dist/action is current"
