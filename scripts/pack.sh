#!/usr/bin/env bash
# Packs openai-mock as users get it (prepack builds dist/) into DIR/openai-mock.tgz and prints
# that path. With OPENAI_MOCK_TARBALL set, copies that tarball instead of packing again (the
# example and matrix scripts share one pack this way).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:?usage: scripts/pack.sh DIR}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
tarball="$dest/openai-mock.tgz"

if [[ -n ${OPENAI_MOCK_TARBALL:-} ]]; then
  cp "$OPENAI_MOCK_TARBALL" "$tarball"
else
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  (cd "$root" && npm pack --pack-destination "$scratch" --loglevel=warn >/dev/null)
  packed=("$scratch"/openai-mock-*.tgz)
  if [[ ${#packed[@]} -ne 1 || ! -f ${packed[0]} ]]; then
    echo "pack: expected one openai-mock-*.tgz after npm pack, found: ${packed[*]}" >&2
    exit 1
  fi
  mv "${packed[0]}" "$tarball"
fi

# (grep without -q reads the whole listing, so tar never dies of SIGPIPE under pipefail.)
for entry in dist/esm/vitest.js dist/esm/jest.js dist/cjs/jest.js dist/cjs/vendor/nock.js; do
  if ! tar -tzf "$tarball" | grep -x "package/$entry" >/dev/null; then
    echo "pack: $tarball has no $entry; check that 'npm run build' (prepack) emits it." >&2
    exit 1
  fi
done
echo "$tarball"
