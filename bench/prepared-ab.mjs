// @ts-check
/**
 * The prepared click, two builds side by side: `node bench/prepared-ab.mjs --pages DIR --a DIR_A --b DIR_B
 * --out FILE [--reps N] [--limit N]`. DIR_A and DIR_B are two builds of dist/chromium (e.g. main's and a
 * branch's, copied aside); each runs in a browser of its own, launched as `make bench` launches one
 * (bench/run.mjs), both open at once. For every page, REPS rounds, each round loading the page afresh in
 * both browsers in turn (A then B, B then A in the next round, so the machine's load falls on both alike),
 * waiting for its preparation and making the first click, as `make bench` times `prepared`; then
 * Readability.js's `parse()` on the page in each browser (a warm-up and REPS runs, on a fresh clone of
 * the freshly loaded page). One JSON line per page: per build the click's `total`, `apply` and `wait`, the
 * preparation's `thread` and `warm`, how many clicks found the page prepared, and `parse()`, each a list
 * over the rounds (ms). Prints medians as it goes. A measuring tool, not a test: nothing is asserted; far
 * lighter than `make bench` (no default click, no strict-CSP page, no toggles), for a before/after of the
 * prepared click on a loaded machine.
 */

import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launch, listPages, median, startServer } from "./run.mjs";
import { Msg } from "../extension/shared/common/messages.js";
import { HIDEABLE_KINDS, defaultSettings } from "../extension/shared/common/settings.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: node bench/prepared-ab.mjs --pages DIR --a DIR_A --b DIR_B --out FILE [--reps N] [--limit N]";
const READABILITY_SRC = readFileSync(path.join(ROOT, "node_modules/@mozilla/readability/Readability.js"), "utf8");

/** The command line's options (node:util's parser). */
function options() {
  const { values: v } = parseArgs({ options: Object.fromEntries(["pages", "a", "b", "out", "reps", "limit"].map((k) => [k, { type: "string" }])) });
  if (!v.pages || !v.a || !v.b || !v.out) throw new Error(USAGE);
  return { pages: v.pages, a: v.a, b: v.b, out: v.out, reps: Math.max(1, Number(v.reps || 3)), limit: Number(v.limit || 0) };
}

/** A browser with build `dir`, "get pages ready before I click" on and every kind but article hidden. @param {string} dir @param {string} origin */
async function browserWith(dir, origin) {
  process.env.BENCH_EXTENSION_DIR = dir;
  const b = await launch(origin);
  await new Promise((r) => setTimeout(r, 300)); // onInstalled's settings migration first
  const settings = { ...defaultSettings(), hiddenKinds: [...HIDEABLE_KINDS] };
  await b.inWorker((s) => chrome.storage.local.set({ settings: s }), settings);
  if (!(await b.setPrepare(settings, true))) throw new Error(`${dir}: no preparing content script registered`);
  return b;
}

/** One prepared click on `url` loaded afresh. @param {Awaited<ReturnType<typeof launch>>} b @param {string} url */
async function preparedClick(b, url) {
  await b.closePopup();
  await b.page.goto(url, { waitUntil: "load", timeout: 30_000 });
  const ready = await b.prepared();
  const r = await b.click();
  let tm = r.state.timings;
  // A throwaway build's step times may include one taken in the next frame: asked again after it.
  if (tm.steps) {
    await new Promise((res) => setTimeout(res, 100));
    tm = (await b.askPage(Msg.PAGE_STATE)).timings;
  }
  return {
    total: tm.total, apply: tm.apply, wait: tm.prepared?.wait ?? 0, used: tm.prepared ? 1 : 0,
    thread: ready.prepared.timings?.thread ?? null, warm: ready.prepared.timings?.warm ?? null,
    // A throwaway build's own step times (`timings.steps`, ms), if it has them: kept as s_<step>.
    ...Object.fromEntries(Object.entries(tm.steps ?? {}).map(([k, v]) => [`s_${k}`, v])),
  };
}

/** Readability's parse() on a fresh clone of the freshly loaded page, a warm-up and `n` runs. @param {Awaited<ReturnType<typeof launch>>} b @param {string} url @param {number} n */
async function parseTimes(b, url, n) {
  await b.closePopup();
  await b.page.goto(url, { waitUntil: "load", timeout: 30_000 });
  return b.page.evaluate(([src, k]) => {
    const w = /** @type {any} */ (window);
    w.__bwReadability ??= new Function(`${src}\nreturn Readability;`)();
    const out = [];
    for (let i = 0; i <= k; i++) {
      const doc = document.cloneNode(true);
      const t = performance.now();
      new w.__bwReadability(doc).parse();
      if (i > 0) out.push(performance.now() - t);
    }
    return out;
  }, /** @type {[string, number]} */ ([READABILITY_SRC, n]));
}

async function main() {
  const args = options();
  let pages = listPages(args.pages);
  if (args.limit > 0) pages = pages.slice(0, args.limit);
  const { server, origin } = await startServer(new Map(pages.map((p) => [p.id, p.file])));
  const builds = { a: await browserWith(args.a, origin), b: await browserWith(args.b, origin) };
  writeFileSync(args.out, "");
  for (const [i, p] of pages.entries()) {
    const url = `${origin}/p/${encodeURIComponent(p.id)}.html`;
    /** @type {Record<string, Record<string, number[]>>} */
    const line = { a: {}, b: {} };
    try {
      for (let r = 0; r < args.reps; r++) {
        for (const k of r % 2 === 0 ? ["a", "b"] : ["b", "a"]) {
          const c = await preparedClick(builds[/** @type {"a" | "b"} */ (k)], url);
          for (const [f, v] of Object.entries(c)) (line[k][f] ??= []).push(/** @type {number} */ (v));
        }
      }
      for (const k of ["a", "b"]) line[k].parse = await parseTimes(builds[/** @type {"a" | "b"} */ (k)], url, args.reps);
      appendFileSync(args.out, JSON.stringify({ id: p.id, ...line }) + "\n");
      const m = (/** @type {string} */ k) => `${median(line[k].total).toFixed(2)} ms (parse ${median(line[k].parse).toFixed(2)})`;
      process.stderr.write(`[${i + 1}/${pages.length}] ${p.id}: a ${m("a")}, b ${m("b")}\n`);
    } catch (e) {
      appendFileSync(args.out, JSON.stringify({ id: p.id, error: String(/** @type {any} */ (e)?.message ?? e).split("\n")[0] }) + "\n");
      process.stderr.write(`[${i + 1}/${pages.length}] ${p.id}: error ${e}\n`);
    }
  }
  for (const b of Object.values(builds)) await b.context.close();
  server.closeAllConnections();
  server.close();
}

main().catch((e) => {
  console.error(`prepared-ab: ${e?.message ?? e}`);
  process.exit(1);
});
