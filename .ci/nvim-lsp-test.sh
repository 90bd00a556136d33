#!/usr/bin/env bash
# The language server with a real client: Debian's Neovim (`nvim --headless`, its built-in LSP client) opens a
# Terraform file, receives tfguard's diagnostics, sees one go after an edit of the unsaved buffer, and applies a code
# action that fixes another (test/lsp/nvim/check.lua). Installs Debian's neovim when it is missing; skipped with a
# WARNING when it cannot be installed, as the pre-commit test does.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v nvim >/dev/null; then
  echo "nvim not found: installing Debian's package"
  apt-get install -y --no-install-recommends neovim >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends neovim >/dev/null 2>&1; } || true
fi
if ! command -v nvim >/dev/null; then
  echo "WARNING: Neovim could not be installed here; the language server was not tried with a real client"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/trail"
cat > "$work/trail/main.tf" <<'TF'
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "logs"
  is_multi_region_trail = false
}
TF
out="$work/out.txt"
TFG_ROOT="$repo" TFG_FILE="$work/trail/main.tf" TFG_OUT="$out" HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  timeout 180 nvim --headless --clean -u NONE -c "luafile $repo/test/lsp/nvim/check.lua" >/dev/null 2>&1 || true
cat "$out" 2>/dev/null || true
grep -q '^opened true .*D9.TF.AWS.LOG.01@4' "$out" || { echo "FAIL: Neovim did not receive the diagnostic of is_multi_region_trail on line 4"; exit 1; }
grep -q '^edited true' "$out" || { echo "FAIL: the diagnostic did not go after the edit"; exit 1; }
grep -q '^action tfguard: add enable_log_file_validation = true (TFG.AWS.CLOUDTRAIL.3)' "$out" || { echo "FAIL: no code action applied"; exit 1; }
grep -q '^fixed true' "$out" || { echo "FAIL: the diagnostic did not go after the code action"; exit 1; }
grep -q '^buffer resource "aws_cloudtrail" "main" {|  enable_log_file_validation = true|' "$out" || { echo "FAIL: the buffer does not hold the fix"; exit 1; }
echo "Neovim $(nvim --version | head -1 | cut -d' ' -f2): diagnostics received, changed after an edit, code action applied"
