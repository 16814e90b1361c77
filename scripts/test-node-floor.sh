#!/usr/bin/env bash
# Runs the test suite on the oldest Node openai-mock supports (22.20.0), installed from the npm
# registry into a scratch folder. `npm test` covers the newest Node (the `node` devDependency).
# Use it through `npm run test:node-floor`; NODE_FLOOR_VERSION picks another version.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
version="${NODE_FLOOR_VERSION:-$NODE_FLOOR}"
vitest="$root/node_modules/vitest/vitest.mjs"

if [[ ! -f $vitest ]]; then
  echo "test-node-floor: $vitest is missing; run 'npm ci' at the repository root first." >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/openai-mock-node-floor.XXXXXX")"
trap 'rm -rf "$dir"' EXIT

echo "test-node-floor: installing node@$version into $dir"
install_node "$version" "$dir"
floor_node="$dir/node_modules/.bin/node"
actual="$("$floor_node" --version)"
echo "test-node-floor: using Node $actual"
if [[ $actual != "v$version" ]]; then
  echo "test-node-floor: expected Node v$version but $floor_node is $actual." >&2
  exit 1
fi

# Vitest's workers start from process.execPath; PATH makes any other `node` child the floor too.
cd "$root"
PATH="$dir/node_modules/.bin:$PATH" "$floor_node" "$vitest" run
