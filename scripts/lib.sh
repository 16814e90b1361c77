# Shared by the scripts in this folder; source it, don't run it.

# The oldest Node openai-mock supports (package.json "engines": nock 15 needs 22.20).
NODE_FLOOR=22.20.0

# Exits with a hint, naming the caller WHO, unless the `node` on PATH is NODE_FLOOR or newer.
# npm scripts put the project's own Node (the `node` devDependency) first on PATH.
require_node_floor() {
  local who=$1
  if ! node -e '
    const have = process.versions.node.split(".").map(Number);
    const need = process.argv[1].split(".").map(Number);
    const cmp = have[0] - need[0] || have[1] - need[1] || have[2] - need[2];
    process.exit(cmp >= 0 ? 0 : 1);
  ' "$NODE_FLOOR"; then
    echo "$who: Node $(node --version) is too old; Node $NODE_FLOOR or newer is needed." >&2
    echo "$who: run 'npm ci', then the npm script at the repository root, which uses the project's Node." >&2
    exit 1
  fi
}

# Installs node@VERSION from the npm registry into DIR (its binary: DIR/node_modules/.bin/node).
# The node package's install script fetches the binary for this platform, and npm 11 runs a
# dependency's install scripts only when package.json approves them (it refuses --allow-scripts
# for such installs), so DIR gets a package.json that does.
install_node() {
  local version=$1 dir=$2
  mkdir -p "$dir"
  printf '{ "private": true, "allowScripts": { "node": true } }\n' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=warn "node@$version"
}
