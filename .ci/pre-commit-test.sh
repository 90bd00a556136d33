#!/usr/bin/env bash
# The pre-commit hooks for real: a throw-away repository with Terraform files and a .pre-commit-config.yaml
# that points at this checkout at its HEAD commit (pre-commit clones the repository at `rev`, builds the
# node environment with npm install -- which runs `prepare`, the TypeScript build -- and installs the
# package). `pre-commit run --all-files` must fail on a misconfigured trail, naming its file and line, and
# pass once the trail is fixed. Installs Debian's pre-commit when it is missing.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit >/dev/null; then
  echo "pre-commit not found: installing Debian's package"
  apt-get install -y pre-commit >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y pre-commit >/dev/null 2>&1; } || true
fi
if ! command -v pre-commit >/dev/null; then
  echo "WARNING: pre-commit could not be installed here; the hooks were not run for real"
  exit 0
fi
echo "$(pre-commit --version); hooks from $repo at $(git -C "$repo" rev-parse --short HEAD)"
rev=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" cat-file -e "$rev:.pre-commit-hooks.yaml" || { echo "FAIL: .pre-commit-hooks.yaml is not committed at HEAD"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" GIT_CONFIG_NOSYSTEM=1 HOME="$work"
git config --global user.email ci@example.com
git config --global user.name ci
git config --global init.defaultBranch main
consumer="$work/consumer"
mkdir -p "$consumer/infra/trail" "$consumer/infra/.terraform/modules/x"
cd "$consumer"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: tfguard
        args: [--check, D9.TF.AWS.LOG.01, --]
      - id: tfguard-all
        args: [--check, D9.TF.AWS.LOG.01]
YAML
trail() {
  cat <<TF
variable "multi_region" {
  default = $1
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "logs"
  include_global_service_events = true
  enable_log_file_validation    = true
  is_multi_region_trail         = var.multi_region
  kms_key_id                    = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
TF
}
trail false > infra/trail/main.tf
# An installed module: excluded by the hooks (it would fail too). The hooks run one check, so new
# checks in the library do not change what this test expects.
trail false > infra/.terraform/modules/x/main.tf
git add -A

fail=0
set +e
out=$(pre-commit run --all-files --color never 2>&1)
code=$?
set -e
echo "$out" | sed 's/^/  | /'
expect() {
  if ! grep -Eq "$1" <<<"$out"; then echo "FAIL: expected /$1/ in the output"; fail=1; fi
}
[ "$code" = 1 ] || { echo "FAIL: pre-commit exited $code on the misconfigured trail, expected 1"; fail=1; }
expect '^tfguard\.+Failed'
expect '^tfguard \(whole repository\)\.+Failed'
# The finding's line starts with ./file:line:column (a link in terminals), then severity and check. It
# stands where the value was written (the variable's default, the one edit that fixes it), and a via line
# names the attribute in the resource.
expect '^\./infra/trail/main\.tf:2:3 +LOW +D9\.TF\.AWS\.LOG\.01 +CloudTrail trails record events in all regions: aws_cloudtrail\.main gets is_multi_region_trail = false from the default of variable "multi_region"\.'
expect '^ +via infra/trail/main\.tf:10:3 +is_multi_region_trail of aws_cloudtrail\.main'
if grep -q '\.terraform' <<<"$out"; then echo "FAIL: a file under .terraform/ was scanned"; fail=1; fi

trail true > infra/trail/main.tf
git add -A
set +e
out=$(pre-commit run --all-files --color never 2>&1)
code=$?
set -e
echo "$out" | sed 's/^/  | /'
[ "$code" = 0 ] || { echo "FAIL: pre-commit exited $code on the fixed trail, expected 0"; fail=1; }
expect '^tfguard\.+Passed'
expect '^tfguard \(whole repository\)\.+Passed'

[ "$fail" = 0 ] && echo "pre-commit hooks: OK" || exit 1
