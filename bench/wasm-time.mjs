// @ts-check
/**
 * `analyze` of two builds of the Wasm core side by side in one Node process (V8, as Chromium), on the
 * synthetic page of bench/synthetic-page.mjs: CALLS calls per package per round, the packages taking
 * turns (docs/benchmarks.md, "The core natively, fifth pass (issue 6)"). Run it twice with the two
 * directories swapped: the package that runs first in a round may be favoured.
 *
 *   node bench/wasm-time.mjs BEFORE_PKG_DIR AFTER_PKG_DIR [CARDS=300] [CALLS=40] [ROUNDS=3]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { page } from "./synthetic-page.mjs";

const dirs = process.argv.slice(2, 4).map((d) => path.resolve(d));
if (dirs.length !== 2) {
  console.error("usage: node bench/wasm-time.mjs BEFORE_PKG_DIR AFTER_PKG_DIR [CARDS] [CALLS] [ROUNDS]");
  process.exit(2);
}
const [cards, calls, rounds] = [process.argv[4] || 300, process.argv[5] || 40, process.argv[6] || 3].map(Number);
const cores = [];
for (const dir of dirs) {
  const core = await import(pathToFileURL(path.join(dir, "blockwise.js")).href);
  core.initSync({ module: readFileSync(path.join(dir, "blockwise_bg.wasm")) });
  cores.push(core);
}
const [strings, names, parents, texts, attrs] = page(cards);
const run = (/** @type {any} */ core) =>
  core.analyze("https://example.com/story", strings, names, parents, texts, attrs, new Uint8Array(0), new Float32Array(0), 1);
for (const core of cores) run(core); // one warm-up call each
for (let r = 1; r <= rounds; r++) {
  const times = cores.map((core, k) => {
    const t = performance.now();
    for (let i = 0; i < calls; i++) run(core);
    return `${dirs[k]} ${(performance.now() - t).toFixed(1)} ms`;
  });
  console.log(`round ${r} (${calls} calls, ${cards} cards): ${times.join(", ")}`);
}
