#!/usr/bin/env bash
# Proves the packed openai-mock against every supported combination: the official `openai` SDK
# at majors 4-7, Vitest 3-5 and Jest 29-30, on the newest Node (the one npm scripts run on, the
# root's `node` devDependency) and on the Node floor (22.20.0, from the npm registry).
#
# One scratch project per runner (scripts/matrix/project.mjs) installs the runner, the tarball,
# TypeScript and every SDK major side by side under npm aliases, with one generated test file per
# major; one runner invocation per Node version then fills a row, from the runner's JSON report.
# A type-level cell per runner and Node compiles the matchers with `tsc --noEmit`. The table
# (scripts/matrix/table.mjs) ends with `matrix: N passed, M failed`; the exit status is non-zero
# if any cell failed. Everything is installed into a scratch folder, removed on exit.
#
# Use it through `npm run matrix`. OPENAI_MOCK_TARBALL reuses a packed tarball (see pack.sh);
# MATRIX_NODE_FLOOR picks another floor; MATRIX_RUN_TIMEOUT bounds each runner invocation
# (seconds, default 60; a healthy one takes under 5); MATRIX_KEEP=1 keeps the scratch folder
# (projects, logs, reports) for a look after the run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/scripts/matrix"
source "$root/scripts/lib.sh"
floor_version="${MATRIX_NODE_FLOOR:-$NODE_FLOOR}"
run_timeout="${MATRIX_RUN_TIMEOUT:-60}"
started=$SECONDS

# The newest Node is the project's own (the `node` devDependency), first on PATH under npm run.
if [[ -x $root/node_modules/.bin/node ]]; then
  PATH="$root/node_modules/.bin:$PATH"
fi
require_node_floor matrix
newest_node="$(command -v node)"
newest_version="$(node --version)"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/openai-mock-matrix.XXXXXX")"
cleanup() {
  # Stop this script's own background jobs (installs, runs) if it ends early.
  local pid
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
  [[ ${MATRIX_KEEP:-} == 1 ]] || rm -rf "$scratch"
}
trap cleanup EXIT
[[ ${MATRIX_KEEP:-} != 1 ]] || echo "matrix: MATRIX_KEEP=1, so $scratch stays after the run"
logs="$scratch/logs"
results="$scratch/results"
mkdir -p "$logs" "$results/newest" "$results/floor"

echo "matrix: newest Node $newest_version ($newest_node)"
tarball="$(bash "$root/scripts/pack.sh" "$scratch")"
echo "matrix: packed openai-mock: $tarball"

mapfile -t runners < <(node "$here/config.mjs" runners)

# --- Installs, all at once: the floor Node and one project per runner. -----------------------
floor_dir="$scratch/node-floor"
npm_install() {
  npm install --prefix "$1" --no-audit --no-fund --loglevel=warn "${@:2}"
}
install_node "$floor_version" "$floor_dir" > "$logs/install-node-floor.log" 2>&1 &
floor_pid=$!

declare -A install_pid
for runner in "${runners[@]}"; do
  node "$here/project.mjs" "$runner" "$scratch/projects/$runner" "$tarball"
  npm_install "$scratch/projects/$runner" > "$logs/install-$runner.log" 2>&1 &
  install_pid[$runner]=$!
done
echo "matrix: installing node@$floor_version and ${#runners[@]} projects (${runners[*]}) from the npm registry"

if wait "$floor_pid"; then floor_rc=0; else floor_rc=$?; fi
floor_node="$floor_dir/node_modules/.bin/node"
floor_actual=""
if [[ $floor_rc -eq 0 && -x $floor_node ]]; then
  floor_actual="$("$floor_node" --version || true)"
fi
if [[ $floor_actual != "v$floor_version" ]]; then
  echo "matrix: expected Node v$floor_version in $floor_dir, got '${floor_actual:-nothing}'; its install log ends:" >&2
  tail -n 20 "$logs/install-node-floor.log" >&2
  floor_actual="v$floor_version"
  floor_node=""
fi
for runner in "${runners[@]}"; do
  if wait "${install_pid[$runner]}"; then rc=0; else rc=$?; fi
  echo "$rc" > "$results/install-$runner.rc"
done
echo "matrix: installs done after $((SECONDS - started)) s"

# --- Runs: one invocation per runner and Node, then the type-level cells. ---------------------
# Jest runs its test files one after another in one process (--maxWorkers=1), as it does by
# default on a 2-core machine and as any suite with more files than workers does: the four SDK
# files then share a worker, whatever the machine.
# coreutils' timeout stops a runner that hangs (124, or 137 if it had to be killed).
limit=()
if command -v timeout >/dev/null; then
  limit=(timeout --kill-after=10 "$run_timeout")
else
  echo "matrix: no 'timeout' command here, so a runner that hangs is not stopped" >&2
fi
run_cells() { # label node_binary node_version
  local label="$1" node_bin="$2" version="$3" runner project json log status path
  export MATRIX_NODE_VERSION="$version" # the suite's first test checks it runs on this Node
  path="$(dirname "$node_bin"):$PATH"
  for runner in "${runners[@]}"; do
    project="$scratch/projects/$runner"
    json="$results/$label/$runner.json"
    log="$logs/run-$label-$runner.log"
    [[ $(cat "$results/install-$runner.rc") -eq 0 && -n $node_bin ]] || continue
    case "$runner" in
      vitest-*) set -- node_modules/vitest/vitest.mjs run --reporter=default --reporter=json "--outputFile.json=$json" ;;
      jest-*) set -- node_modules/jest/bin/jest.js --ci --maxWorkers=1 --json "--outputFile=$json" ;;
    esac
    if (cd "$project" && NO_COLOR=1 FORCE_COLOR=0 PATH="$path" "${limit[@]}" "$node_bin" "$@") > "$log" 2>&1; then status=0; else status=$?; fi
    echo "$status" > "$results/$label/$runner.rc"
    [[ $status -ne 124 && $status -ne 137 ]] || echo "matrix: $runner on Node $version was stopped after $run_timeout s" >> "$log"

    log="$logs/types-$label-$runner.log"
    case "$runner" in
      vitest-*) set -- tsconfig.json ;;
      jest-*) set -- tsconfig.json tsconfig.globals.json ;;
    esac
    status=0
    for tsconfig in "$@"; do
      echo "\$ tsc -p $tsconfig" >> "$log"
      (cd "$project" && PATH="$path" "$node_bin" node_modules/typescript/bin/tsc -p "$tsconfig") >> "$log" 2>&1 || status=$?
    done
    echo "$status" > "$results/$label/$runner.types.rc"
  done
}

# The two Node versions run side by side (each with its own logs and reports): a runner that
# hangs then costs its time limit once, not once per Node.
echo "matrix: running the tests and type checks on Node $newest_version and Node $floor_actual"
run_cells newest "$newest_node" "$newest_version" &
newest_pid=$!
run_cells floor "$floor_node" "v$floor_version" &
floor_runs_pid=$!
wait "$newest_pid" || true
wait "$floor_runs_pid" || true
echo "matrix: runs done after $((SECONDS - started)) s"
echo

# The table's last line is `matrix: N passed, M failed`; its exit status is 1 if any cell failed.
node "$here/table.mjs" "$scratch" "$((SECONDS - started))" "newest=$newest_version" "floor=$floor_actual"
