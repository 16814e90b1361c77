#!/usr/bin/env bash
# Builds dist/esm (ES modules, for Vitest and native-ESM Jest) and dist/cjs (CommonJS, for Jest's
# own module loader) from the same sources, each with its declaration files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
tsc -p tsconfig.build.json
tsc -p tsconfig.build.cjs.json

# Node loads an ES module graph file by file, and every test file loads it afresh: the ninety
# small modules tsc emits cost about 15 ms more per test file than a bundle (bench/setup-cost.mjs).
# The ES build's JavaScript is therefore one file per entry plus shared chunks, so every entry
# shares one copy of the engine; tsc's declaration files stay as emitted. Packages stay external:
# nock in particular must be the user's own nock, so their stubs and ours meet in one interceptor.
modules=dist/.esm-modules
mv dist/esm "$modules"
esbuild "$modules/index.js" "$modules/vitest.js" "$modules/jest.js" "$modules/factories/index.js" \
  --bundle --splitting --format=esm --platform=node --target=node22 --packages=external \
  --outbase="$modules" --outdir=dist/esm --chunk-names='chunks/[name]-[hash]' --log-level=warning
(cd "$modules" && find . -name '*.d.ts' -exec cp --parents {} ../esm/ \;)
rm -rf "$modules"
# The package is "type": "module"; this makes Node (and TypeScript) read dist/cjs as CommonJS.
printf '{\n  "type": "commonjs"\n}\n' > dist/cjs/package.json

# nock 15 ships only ES modules, and Jest's `require` (CommonJS projects under ts-jest or
# babel-jest) cannot load those. The CommonJS build therefore carries nock, with what it needs
# from @mswjs/interceptors, as one CommonJS file, which the CommonJS transport requires instead
# of the nock package. Their licences travel with it. The bundle
# schedules its own work on the real event loop (see scripts/vendor-banner.cjs): Jest's fake
# timers fake `process.nextTick` by default, and a faked one would stall every request in the
# interceptor, where a real server's answer would still arrive.
vendor=dist/cjs/vendor
mkdir -p "$vendor"
version_of() {
  node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' "node_modules/$1/package.json"
}
nock_version=$(version_of nock)
esbuild node_modules/nock/dist/index.js --bundle --platform=node --format=cjs --target=node22 \
  --outfile="$vendor/nock.js" --log-level=warning \
  --define:import.meta.url=__vendor.moduleUrl \
  --define:process.nextTick=__vendor.nextTick \
  --define:setImmediate=__vendor.setImmediate \
  --define:clearImmediate=__vendor.clearImmediate \
  --define:queueMicrotask=__vendor.queueMicrotask \
  --banner:js="/* nock $nock_version and its dependencies, bundled as CommonJS for Jest. MIT licences: see LICENSES.md beside this file. */
$(cat scripts/vendor-banner.cjs)"
# @mswjs/interceptors parses HTTP with llhttp compiled to WebAssembly, read from beside itself.
mkdir -p "$vendor/llhttp"
cp node_modules/@mswjs/interceptors/lib/node/llhttp/llhttp.wasm "$vendor/llhttp/"
{
  for pkg in nock @mswjs/interceptors; do
    licence=$(ls "node_modules/$pkg" | grep -i '^licen[cs]e' | head -1)
    pkg_version=$(version_of "$pkg")
    printf '# %s %s\n\n' "$pkg" "$pkg_version"
    cat "node_modules/$pkg/$licence"
    printf '\n\n'
  done
} > "$vendor/LICENSES.md"

# The one place the CommonJS build loads nock is transport/load-nock.js, which tsc compiled from
# the ES module source (it loads nock with `import.meta`): replace it with its CommonJS twin,
# which requires the bundle. Fail loudly if anything else ever loads nock or uses import.meta.
loader=dist/cjs/transport/load-nock.js
if ! grep -q 'import.meta.url' "$loader"; then
  echo "build: $loader is not the module this script expects to replace" >&2
  exit 1
fi
cp scripts/load-nock.cjs "$loader"
if grep -rlE 'require\("nock"\)|import\.meta' dist/cjs --include='*.js' --exclude-dir=vendor >/dev/null; then
  echo "build: dist/cjs still loads the ESM-only nock package, or uses import.meta, somewhere" >&2
  exit 1
fi
