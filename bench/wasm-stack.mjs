// @ts-check
/**
 * The Wasm core's deepest stack use, in Node (no browser): the shipped build's stack is the first 1 MiB
 * of linear memory (wasm-ld's stack-first layout), growing down from address 1,048,576 toward 0, and
 * scripts/build-wasm.sh's `--low-memory-unused` assumes nothing below address 1,024 is ever touched.
 * Before each `analyze` the free stack is filled with a pattern; afterwards the lowest byte no longer
 * holding it is the low-water mark. Pages: 20,000 levels deep in 14 shapes, text every 50 levels, in
 * the three modes (blocks, blocks + reader, late widget). Exits 1 if any page comes within 64 KiB of 0.
 *
 *   node bench/wasm-stack.mjs pkg        # the package scripts/build-wasm.sh made
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.argv[2] || "pkg");
const core = await import(pathToFileURL(path.join(dir, "blockwise.js")).href);
const wasm = core.initSync({ module: readFileSync(path.join(dir, "blockwise_bg.wasm")) });
const TOP = 1 << 20;
const PATTERN = 0xa5;

/** The wire arrays of a page `depth` levels deep, the tags of `shape` in turn. @param {string[]} shape @param {number} depth */
function deep(shape, depth) {
  const strs = ["html", "body", "#text", ...new Set(shape)];
  /** Each node as [name, parent, text]. @type {number[][]} */ const nodes = [];
  const add = (/** @type {number[]} */ ...node) => nodes.push(node.length === 3 ? node : [...node, 0xffffffff]) - 1;
  let p = add(1, add(0, -1));
  for (let i = 0; i < depth; i++) {
    p = add(strs.indexOf(shape[i % shape.length]), p);
    if (i % 50 === 0) {
      strs.push(`Some words of text at level ${i}, a sentence long enough to read as prose.`);
      add(2, p, strs.length - 1);
    }
  }
  strs.push("The deepest paragraph of the story, with a few words to read.");
  add(2, p, strs.length - 1);
  const column = (/** @type {number} */ i) => nodes.map((n) => n[i]);
  return [strs.join("\0"), new Uint32Array(column(0)), new Int32Array(column(1)), new Uint32Array(column(2)), new Uint32Array(0)];
}

const shapes = [["div"], ["blockquote", "ul", "li"], ["span"], ["section"], ["article"], ["aside"], ["nav"], ["footer"],
  ["ul", "li"], ["a"], ["h2"], ["table", "tbody", "tr", "td"], ["b", "i", "em"], ["p"]];
let lowest = TOP;
for (const shape of shapes) {
  for (const mode of [0, 1, 2]) {
    const page = deep(shape, 20000);
    // Between calls the stack pointer is back at TOP: everything below it is free (the top 256 bytes spared).
    new Uint8Array(wasm.memory.buffer).fill(PATTERN, 0, TOP - 256);
    core.analyze("https://example.com/story", ...page, new Uint8Array(0), new Float32Array(0), mode);
    const mem = new Uint8Array(wasm.memory.buffer);
    let lo = 0;
    while (lo < TOP - 256 && mem[lo] === PATTERN) lo++;
    lowest = Math.min(lowest, lo);
    console.log(`${shape.join("/")} (mode ${mode}): stack down to address ${lo}, ${((TOP - lo) / 1024).toFixed(1)} KiB used`);
  }
}
console.log(`deepest: address ${lowest}, ${((TOP - lowest) / 1024).toFixed(1)} KiB of the 1 MiB stack`);
process.exit(lowest < 65536 ? 1 : 0);
