#!/usr/bin/env bash
# Builds pkg/: cargo (wasm32, release) -> wasm-bindgen --target web -> wasm-opt (npm's binaryen).
# Prints the .wasm size raw and gzipped. BLOCKWISE_OPT_LEVEL (default z) sets cargo's opt-level for a
# size/speed comparison (docs/benchmarks.md); what ships is z.
set -euo pipefail
cd "$(dirname "$0")/.."
# Panic locations (the file, line and column of every bounds check and unwrap, about 470 of them) are
# 11 KB of the .wasm: the shipped build leaves them out with -Zlocation-detail=none (RUSTC_BOOTSTRAP=1
# lets stable Rust take the flag, as for the fuzz build); a panic still prints its message in the console.
# BLOCKWISE_PANIC_LOCATIONS=1 keeps them, for debugging.
# The shipped build is also without the standard library (feature `bare`, src/bare.rs: no panic message
# formatting, a small allocator); BLOCKWISE_PANIC_LOCATIONS=1 builds with std and its panic hook instead.
# Last, core and alloc are rebuilt from the rust-src component (-Zbuild-std) with the immediate-abort
# panic strategy: a panic is a trap where it happens, so no panic message is ever built and core::fmt,
# `slice_error_fail`, `char`'s `Debug` and the printability tables leave the .wasm (2.4 KB raw, 2.4 KB
# gzipped; docs/benchmarks.md, "sixth pass"). core and alloc at opt-level 3 (as the prebuilt ones are)
# come out smaller after LTO than at the dependencies' `s`. The first build compiles them (about a
# minute); BLOCKWISE_PANIC_LOCATIONS=1 skips all of this.
features=(--no-default-features --features bare)
if [ "${BLOCKWISE_PANIC_LOCATIONS:-0}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
  features+=(-Zbuild-std=core,alloc -Zpanic-immediate-abort
    --config 'profile.release.package.core.opt-level=3' --config 'profile.release.package.alloc.opt-level=3'
    --config 'profile.release.package.compiler_builtins.opt-level=3')
else
  features=()
fi
CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
  CARGO_PROFILE_RELEASE_OPT_LEVEL="${BLOCKWISE_OPT_LEVEL:-z}" \
  cargo build --quiet --release --lib --target wasm32-unknown-unknown "${features[@]}"
rm -rf pkg
wasm-bindgen --target web --no-typescript --out-dir pkg target/wasm32-unknown-unknown/release/blockwise.wasm
# The core searches substrings with src/text.rs (find, contains, split_once, replace): one `&str`
# pattern anywhere (`s.contains("x")`, `find`, `split_once`, `replace`, a non-ASCII `char`) brings the
# standard two-way searcher back, 2.4 KB. The names are still in the file here (wasm-opt strips them).
if grep -aq 'StrSearcher' pkg/blockwise_bg.wasm; then
  echo "build-wasm.sh: note: a &str pattern brought back the standard substring searcher (2.4 KB); use text::find, text::contains, text::split_once or text::replace" >&2
fi
# Likewise an ASCII `char` pattern (`split('/')`, `find(':')`, `split_once('?')`) brings the standard
# char searcher and its memchr back (0.7 KB; with a `&str` pattern beside it, 3 KB came back in the
# seventh pass): use text::find_byte, text::split_byte, text::before_either, text::rfind_byte.
if grep -aq 'CharSearcher' pkg/blockwise_bg.wasm; then
  echo "build-wasm.sh: note: a char pattern brought back the standard char searcher (0.7 KB); use text::find_byte, text::split_byte, text::before_either or text::rfind_byte" >&2
fi
# Flattened and re-looped twice before -Oz (docs/benchmarks.md, "fifth pass"): about 1 KB smaller than
# -Oz alone. --low-memory-unused lets binaryen assume nothing below address 1,024 is read or written
# (0.6 KB): the stack (wasm-ld puts it first, 1 MiB, growing down toward 0) never gets near, 3.8 KiB deep
# at most on 20,000-deep pages of 14 shapes (docs/benchmarks.md, "sixth pass", measures it).
node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz --flatten --rereloop -Oz -Oz --low-memory-unused --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/blockwise_bg.wasm -o pkg/blockwise_bg.opt.wasm
mv pkg/blockwise_bg.opt.wasm pkg/blockwise_bg.wasm
raw=$(stat -c %s pkg/blockwise_bg.wasm)
gz=$(gzip -9 -c pkg/blockwise_bg.wasm | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "pkg/blockwise_bg.wasm: %d bytes raw (%.1f KB), %d bytes gzipped (%.1f KB)\n", r, r/1024, g, g/1024 }'
