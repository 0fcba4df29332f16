#!/usr/bin/env bash
# Installs what `make` and `make test` need and are missing: Debian's browsers and drivers, the wasm32
# target and the standard library's source (rust-src: the shipped .wasm rebuilds core and alloc), the wasm-bindgen CLI at the exact version Cargo.lock pins, geckodriver, and the npm tools
# (including npm's binaryen for wasm-opt: Debian's binaryen 108 corrupts current wasm-bindgen output).
# Each step is skipped only when what it installs is already present, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

GECKODRIVER_VERSION=0.37.1
say() { printf 'deps: %s\n' "$*"; }

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v gzip >/dev/null || need_apt+=(gzip)
command -v zip >/dev/null || need_apt+=(zip)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" != 0 ]; then
    say "missing Debian packages: ${need_apt[*]}; run as root or: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  say "installing Debian packages: ${need_apt[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
else
  say "chromium, chromedriver, firefox-esr, zip, node, npm present"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component (scripts/build-wasm.sh builds core and alloc from it)"
  rustup component add rust-src
fi

[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

if ! command -v geckodriver >/dev/null; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 4 minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

# Node.js and npm are the machine's (the tests and the bench run on them). The npm tools are pinned to
# versions whose declared engines take Node.js 20 (selenium-webdriver 4.47 and later ask for 22).
NODE_MAJOR_MIN=20
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt "$NODE_MAJOR_MIN" ]; then
  say "Node.js $(node --version) is too old: the tests and the npm tools need Node.js $NODE_MAJOR_MIN or later (Debian 13's nodejs, or NodeSource's)" >&2
  exit 1
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (package-lock.json)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
say "ready"
