#!/usr/bin/env bash
# Runs the example projects against openai-mock exactly as a user would get it: the library is
# built and packed into a tarball once (scripts/pack.sh), then each example installs that tarball
# and runs its own type check and tests:
#   examples/fine-tune-pipeline  Vitest, TypeScript, ES modules
#   examples/jest-commonjs-ts    Jest with ts-jest, TypeScript compiled to CommonJS
#   examples/jest-esm            Jest on native ES modules (--experimental-vm-modules), JavaScript
# Every example runs even if an earlier one fails; a summary line per example comes last, and the
# script fails if any example did. Use it through `npm run example`. With OPENAI_MOCK_TARBALL set,
# that tarball is used instead of packing (see scripts/pack.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
examples=(fine-tune-pipeline jest-commonjs-ts jest-esm)

# openai-mock, nock 15, Vitest 5 and Jest 30 need Node 22.20 or newer. `npm run example` puts the
# project's own Node (the `node` devDependency) first on PATH; the examples' npm scripts (and so
# Vitest and Jest) run under that same `node`.
source "$root/scripts/lib.sh"
require_node_floor run-example

cd "$root"
if [[ -n ${OPENAI_MOCK_TARBALL:-} ]]; then
  echo "run-example: using the prebuilt tarball $OPENAI_MOCK_TARBALL"
else
  echo "run-example: packing openai-mock with Node $(node --version) (prepack builds it)"
fi
tarball="$(bash scripts/pack.sh "$root/.pack")"
# The examples depend on this fixed path: "openai-mock": "file:../../.pack/openai-mock.tgz".
if [[ $tarball != "$root/.pack/openai-mock.tgz" ]]; then
  echo "run-example: scripts/pack.sh wrote $tarball, but the examples install $root/.pack/openai-mock.tgz" >&2
  exit 1
fi

# The last "Tests" line a runner printed, as "N passed" (Vitest: "Tests  8 passed (8)";
# Jest: "Tests:       11 passed, 11 total").
test_counts() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^ *Tests:? ' | tail -1 | sed -E 's/^ *Tests:? +//; s/ +/ /g'
}

summary=()
failed=0
for name in "${examples[@]}"; do
  dir="$root/examples/$name"
  log="$(mktemp)"
  start=$SECONDS
  status=ok
  echo
  echo "run-example: === $name ==="
  cd "$dir"
  # npm may keep a stale copy when the tarball's name is unchanged; drop it so the new one is used.
  rm -rf node_modules/openai-mock
  if ! npm install --no-audit --no-fund; then
    status="FAILED (npm install)"
  elif ! npm run typecheck; then
    status="FAILED (typecheck)"
  elif ! npm test 2>&1 | tee "$log"; then
    status="FAILED (tests)"
  fi
  counts="$(test_counts "$log" || true)"
  rm -f "$log"
  [[ $status == ok ]] || failed=1
  summary+=("$(printf '%-20s %-22s tests: %-28s %ds' "$name" "$status" "${counts:-none run}" $((SECONDS - start)))")
done

echo
echo "run-example: summary (Node $(node --version), tarball $tarball)"
for line in "${summary[@]}"; do
  echo "  $line"
done
exit "$failed"
