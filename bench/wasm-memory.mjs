// @ts-check
/**
 * The Wasm core's memory after `analyze` on synthetic pages of growing size, in Node (no browser): the
 * size of the module's linear memory (it never shrinks, so this is the peak so far) after each call.
 * Pages are `body > div.card > (h2 > a, p)` repeated, 6 nodes a card; sizes in cards. Compares
 * allocators or builds (docs/benchmarks.md, "The .wasm's size: the cuts (issue 6, fourth pass)"):
 *
 *   node bench/wasm-memory.mjs pkg                 # the package scripts/build-wasm.sh made
 *   node bench/wasm-memory.mjs DIR [CARDS ...]     # any wasm-bindgen --target web output
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { page } from "./synthetic-page.mjs";

const dir = path.resolve(process.argv[2] || "pkg");
const sizes = process.argv.slice(3).map(Number);
const core = await import(pathToFileURL(path.join(dir, "blockwise.js")).href);
const wasm = core.initSync({ module: readFileSync(path.join(dir, "blockwise_bg.wasm")) });

for (const n of sizes.length ? sizes : [1000, 20000, 1000, 40000, 5000, 40000, 40000]) {
  const [strings, names, parents, texts, attrs] = page(n);
  const r = core.analyze("https://example.com/story", strings, names, parents, texts, attrs, new Uint8Array(0), new Float32Array(0), 1);
  console.log(`${n} cards (${names.length} nodes): memory ${(wasm.memory.buffer.byteLength / 1048576).toFixed(1)} MiB, ${r.blocks.length} block(s)`);
}
