#!/usr/bin/env bash
# Runs examples/fine-tune-pipeline against openai-mock exactly as a user would get it: the
# library is built and packed into a tarball, the example installs that tarball, then its own
# type check and tests run. Use it through `npm run example`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
example="$root/examples/fine-tune-pipeline"
pack_dir="$root/.pack"
tarball="$pack_dir/openai-mock.tgz"

# openai-mock, nock 15 and Vitest 5 need Node 22.20 or newer. `npm run example` puts the
# project's own Node (the `node` devDependency) first on PATH.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 20) ? 0 : 1)'; then
  echo "run-example: Node $(node --version) is too old; Node 22.20 or newer is needed." >&2
  echo "run-example: run 'npm ci' and then 'npm run example' at the repository root, which uses the project's Node." >&2
  exit 1
fi

echo "run-example: packing openai-mock with Node $(node --version) (prepack builds it)"
cd "$root"
rm -rf "$pack_dir"
mkdir -p "$pack_dir"
npm pack --pack-destination "$pack_dir" --loglevel=warn
# npm names the tarball after the version; the example depends on a fixed name.
packed=("$pack_dir"/openai-mock-*.tgz)
if [[ ${#packed[@]} -ne 1 || ! -f ${packed[0]} ]]; then
  echo "run-example: expected one openai-mock-*.tgz in $pack_dir after npm pack, found: ${packed[*]}" >&2
  exit 1
fi
mv "${packed[0]}" "$tarball"
# (grep without -q reads the whole listing, so tar never dies of SIGPIPE under pipefail.)
if ! tar -tzf "$tarball" | grep -x 'package/dist/vitest.js' >/dev/null; then
  echo "run-example: $tarball has no dist/vitest.js; check that 'npm run build' (prepack) emits dist/." >&2
  exit 1
fi

echo "run-example: installing the example's dependencies"
cd "$example"
# npm may keep a stale copy when the tarball's name is unchanged; drop it so the new one is used.
rm -rf node_modules/openai-mock
npm install --no-audit --no-fund

echo "run-example: type-checking the example"
npm run typecheck

echo "run-example: testing the example"
npm test
