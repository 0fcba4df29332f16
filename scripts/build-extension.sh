#!/usr/bin/env bash
# Assembles the browser extension by copying (never symlinking):
#   extension/shared/*  +  extension/platform/<browser>/manifest.json  +  pkg/blockwise{.js,_bg.wasm}
#   + pkg/snippets/ (src/result.js, which rebuilds the core's answer and words its reasons) -> core/
# into dist/chromium/ and dist/firefox/, then zips each into dist/blockwise-<browser>.zip (store-ready:
# manifest.json at the zip's root). BLOCKWISE_PKG=dir takes the Wasm package from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=${BLOCKWISE_PKG:-pkg}
for f in blockwise.js blockwise_bg.wasm; do
  if [ ! -f "$pkg/$f" ]; then
    echo "build-extension: $pkg/$f is missing; build the core first: bash scripts/build-wasm.sh" >&2
    exit 1
  fi
done
command -v zip >/dev/null || { echo "build-extension: zip is missing (bash scripts/deps.sh installs it)" >&2; exit 1; }

mkdir -p dist
for browser in chromium firefox; do
  out=dist/$browser
  rm -rf "$out" "dist/blockwise-$browser.zip"
  mkdir -p "$out/core"
  cp -R extension/shared/. "$out/"
  cp "extension/platform/$browser/manifest.json" "$out/manifest.json"
  cp "$pkg/blockwise.js" "$pkg/blockwise_bg.wasm" "$out/core/"
  if [ -d "$pkg/snippets" ]; then cp -R "$pkg/snippets" "$out/core/"; fi
  (cd "$out" && zip -q -r -X "../blockwise-$browser.zip" .)
  echo "build-extension: $out and dist/blockwise-$browser.zip ($(du -sh "dist/blockwise-$browser.zip" | cut -f1))"
done
