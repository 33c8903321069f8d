#!/usr/bin/env bash
# Checks what the README and the guides tell readers to run, without running the system:
#   - every ```bash block parses (bash -n);
#   - every `--project <path>` in those blocks names a project folder of this repository;
#   - every relative Markdown link points at a file that exists (anchors are not checked).
# Usage: scripts/check-docs.sh   (from anywhere; exits 1 and lists what is wrong)
set -euo pipefail
cd "$(dirname "$0")/.."

problems=0
report() { echo "$1"; problems=$((problems + 1)); }

for doc in README.md docs/*.md; do
  # Each ```bash block, numbered, into its own file.
  blocks=$(mktemp -d)
  awk -v dir="$blocks" '
    /^```bash[[:space:]]*$/ { n++; inside = 1; next }
    /^```/ && inside        { inside = 0; next }
    inside                  { print > (dir "/" n ".sh") }
  ' "$doc"
  for block in "$blocks"/*.sh; do
    [ -e "$block" ] || continue
    if ! bash -n "$block" 2>/dev/null; then
      report "$doc: shell block $(basename "$block" .sh) does not parse"
    fi
    for project in $(grep -oE -- '--project[[:space:]]+[^[:space:]]+' "$block" | awk '{ print $2 }'); do
      [ -e "$project" ] || report "$doc: --project $project does not exist"
    done
  done
  rm -rf "$blocks"

  # Relative links: [text](path) or [text](path#anchor), not http(s) or mailto or pure anchors.
  base=$(dirname "$doc")
  while IFS= read -r target; do
    path=${target%%#*}
    [ -n "$path" ] || continue
    [ -e "$base/$path" ] || report "$doc: link to $path, which does not exist"
  done < <(grep -oE '\]\([^)[:space:]]+\)' "$doc" | sed -E 's/^\]\(//; s/\)$//' | grep -vE '^(https?:|mailto:|#)')
done

if [ "$problems" -gt 0 ]; then
  echo "$problems problem(s) in the docs"
  exit 1
fi
echo "docs: every shell block parses, every --project and relative link exists"
