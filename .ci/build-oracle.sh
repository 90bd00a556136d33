#!/usr/bin/env bash
# Build HashiCorp's HCL parser programs from ../shared/tools/hcl-oracle with Debian's Go and HCL packages.
# Usage: build-oracle.sh <hcl-oracle dir> <out dir>. Exits non-zero when they cannot be built.
set -uo pipefail
src=$1
out=$2
mkdir -p "$out"
if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/hashicorp/hcl ]; then
  for attempt in 1 2; do
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go golang-github-hashicorp-hcl-v2-dev) >/dev/null 2>&1; then
      break
    fi
    echo "apt-get failed (attempt $attempt)"
    sleep 5
  done
fi
command -v go >/dev/null 2>&1 || exit 1
for prog in gopos gohcl; do
  mkdir -p "$out/src/$prog"
  cp "$src/$prog/main.go" "$out/src/$prog/"
done
(cd "$out/src/gopos" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$out/cache" go build -o "$out/gopos" .) || exit 1
(cd "$out/src/gohcl" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$out/cache" go build -o "$out/hclbench" .) || exit 1
