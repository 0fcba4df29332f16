# Blockwise. `make` installs what is missing, builds the CLI, the Wasm package and the extension,
# and runs the CLI on the seed page. `make test` runs every test.
SHELL := /bin/bash
SEED := www/samples/ksl-north-korea.html
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: all deps cli wasm extension demo test test-rust test-wasm test-e2e test-www test-hardening fuzz serve clean bench score test-bench

all: deps cli wasm extension demo

deps:
	@bash scripts/deps.sh

cli:
	cargo build --release --bin blockwise

wasm: deps
	bash scripts/build-wasm.sh

extension: wasm
	@if [ -f scripts/build-extension.sh ]; then bash scripts/build-extension.sh; else echo "extension: scripts/build-extension.sh not present yet"; fi

demo: cli
	./target/release/blockwise classify $(SEED) --url https://www.ksl.com/article/51166297/

# Every test: native unit + golden + quality, the same core under Wasm in Chromium and Firefox,
# and the extension end to end in both browsers.
test: deps test-rust test-wasm extension test-e2e test-www test-bench test-hardening

test-rust:
	cargo test --release

test-wasm:
	CHROMEDRIVER=$$(command -v chromedriver) cargo test --release --target wasm32-unknown-unknown --test wasm
	GECKODRIVER=$$(command -v geckodriver) cargo test --release --target wasm32-unknown-unknown --test wasm

test-e2e:
	node --test tests/e2e/

test-www: wasm
	node --test tests/www/

# The extension in headless Chromium against Readability.js on every page of DIR (docs/benchmarks.md):
#   make bench PAGES=DIR OUT=FILE [LIMIT=N] [REPS=N] [STEPS=quality];   bench/stage.sh links a shared set into a DIR
bench: extension
	@[ -n "$(PAGES)" ] && [ -n "$(OUT)" ] || { echo "usage: make bench PAGES=DIR OUT=FILE [LIMIT=N] [REPS=N] [STEPS=quality]"; exit 2; }
	node bench/run.mjs --pages "$(PAGES)" --out "$(OUT)" $(if $(LIMIT),--limit $(LIMIT)) $(if $(REPS),--reps $(REPS)) $(if $(STEPS),--steps $(STEPS))

# Scores bench output against the shared sets' ground truth; writes docs/benchmarks.md and its plot.
#   make score OUT="FILE [FILE...]"
score:
	@[ -n "$(OUT)" ] || { echo "usage: make score OUT=\"FILE [FILE...]\""; exit 2; }
	python3 bench/score.py --doc docs/benchmarks.md --plot $${TMPDIR:-/tmp}/blockwise-bench-time.svg $(OUT)
	node bench/plot.mjs $${TMPDIR:-/tmp}/blockwise-bench-time.svg docs/plots/bench-time.png

test-bench: extension
	node --test tests/bench/

# Hardening (docs/hardening.md): the fuzz targets' code for a few seconds on stable Rust, the size
# limits natively and under Wasm in Chromium. The XSS corpus runs in test-e2e (hardening.test.mjs).
test-hardening:
	cargo test --release --test hardening
	CHROMEDRIVER=$$(command -v chromedriver) cargo test --release --target wasm32-unknown-unknown --test hardening_wasm

# The long fuzz runs: each cargo-fuzz target for FUZZ_RUNS executions (libFuzzer; stable Rust with
# RUSTC_BOOTSTRAP=1, see docs/hardening.md). Corpus growth goes to target/fuzz-corpus, not the repo.
FUZZ_RUNS ?= 1000000
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.1
	cd fuzz && for t in wire html_pipeline; do mkdir -p ../target/fuzz-corpus/$$t && \
	  RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=../target/fuzz cargo fuzz run -O -s none $$t ../target/fuzz-corpus/$$t corpus/$$t -- \
	    -runs=$(FUZZ_RUNS) -timeout=5 -max_len=8192 -print_final_stats=1 || exit 1; done

serve:
	@echo "serving http://127.0.0.1:8000/www/ (Ctrl-C to stop)"
	python3 -m http.server 8000 --bind 127.0.0.1

clean:
	rm -rf target pkg dist node_modules
