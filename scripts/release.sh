#!/usr/bin/env bash
# Build a release: the packed package (tfguard-<version>.tgz, with the bundled CLI) and the Action bundle from the
# same committed source, and check that they say one version: the tarball's package.json, the CLI installed from it,
# and the Action (which reads the package.json of its checkout at run time, so only its bundle must be current).
# The tarball is left in the current directory.
#   npm run release
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
bash .ci/action-bundle.sh
version=$(node -p "require('./package.json').version")
tarball=$(npm pack --ignore-scripts --silent | tail -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install -g --offline --no-audit --no-fund --prefix "$tmp/prefix" --cache "$tmp/cache" "./$tarball" >/dev/null
installed=$("$tmp/prefix/bin/tfguard" --version)
packed=$(tar -xOzf "$tarball" package/package.json | node -e "let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>console.log(JSON.parse(s).version))")
[ "$packed" = "$version" ] || { echo "the tarball says $packed, package.json $version"; exit 1; }
[ "$installed" = "$version" ] || { echo "the CLI installed from the tarball says $installed, package.json $version"; exit 1; }
echo "$tarball: tfguard $version (the tarball, the CLI installed from it and the Action's bundle agree)"
