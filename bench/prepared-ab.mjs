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
 *
 * With `--late 1`, one late widget instead (preparation left off, as `make bench` measures `late`): per page,
 * loaded and cleaned once in each browser, then a warm-up and REPS rounds, each inserting the bench's late
 * widget (`insertLateWidget`) into both pages in turn, alternating as above, and reading the content
 * script's own figures for it (PageState timings.late: `work`, `snapshot`, `classify`, `apply`) and the
 * kind it gave the widget.
 */

import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { insertLateWidget, launch, listPages, median, startServer } from "./run.mjs";
import { Msg } from "../extension/shared/common/messages.js";
import { HIDEABLE_KINDS, defaultSettings } from "../extension/shared/common/settings.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: node bench/prepared-ab.mjs --pages DIR --a DIR_A --b DIR_B --out FILE [--reps N] [--limit N] [--late 1]";
const READABILITY_SRC = readFileSync(path.join(ROOT, "node_modules/@mozilla/readability/Readability.js"), "utf8");

/** The command line's options (node:util's parser). */
function options() {
  const { values: v } = parseArgs({ options: Object.fromEntries(["pages", "a", "b", "out", "reps", "limit", "late"].map((k) => [k, { type: "string" }])) });
  if (!v.pages || !v.a || !v.b || !v.out) throw new Error(USAGE);
  return { pages: v.pages, a: v.a, b: v.b, out: v.out, reps: Math.max(1, Number(v.reps || 3)), limit: Number(v.limit || 0), late: v.late === "1" };
}

/**
 * A browser with build `dir`, every kind but article hidden, and "get pages ready before I click" on
 * (off with `prepare` false). @param {string} dir @param {string} origin @param {boolean} prepare
 */
async function browserWith(dir, origin, prepare) {
  process.env.BENCH_EXTENSION_DIR = dir;
  const b = await launch(origin);
  await new Promise((r) => setTimeout(r, 300)); // onInstalled's settings migration first
  const settings = { ...defaultSettings(), hiddenKinds: [...HIDEABLE_KINDS] };
  await b.inWorker((s) => chrome.storage.local.set({ settings: s }), settings);
  if (prepare && !(await b.setPrepare(settings, true))) throw new Error(`${dir}: no preparing content script registered`);
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

/** Inserts late widget `i` into the cleaned page and waits for its batch: timings.late's figures and the widget's kind. @param {Awaited<ReturnType<typeof launch>>} b @param {number} i */
async function lateWidget(b, i) {
  const before = (await b.askPage(Msg.PAGE_STATE)).timings?.late?.batch ?? 0;
  await b.page.evaluate(insertLateWidget, i);
  const deadline = performance.now() + 30_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const late = (await b.askPage(Msg.PAGE_STATE)).timings?.late;
    if ((late?.batch ?? 0) > before) {
      const kind = await b.page.evaluate(() => {
        const box = /** @type {any} */ (window).__bwLateWidget;
        const k = box?.getAttribute("data-blockwise") ?? box?.querySelector("[data-blockwise]")?.getAttribute("data-blockwise") ?? null;
        box?.remove();
        return k;
      });
      return { work: late.work, snapshot: late.snapshot, classify: late.classify, apply: late.apply, kind };
    }
    if (performance.now() > deadline) throw new Error("the late widget was not classified in time");
  }
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
  const builds = { a: await browserWith(args.a, origin, !args.late), b: await browserWith(args.b, origin, !args.late) };
  writeFileSync(args.out, "");
  for (const [i, p] of pages.entries()) {
    const url = `${origin}/p/${encodeURIComponent(p.id)}.html`;
    /** @type {Record<string, Record<string, any[]>>} */
    const line = { a: {}, b: {} };
    try {
      if (args.late) {
        for (const b of Object.values(builds)) {
          await b.closePopup();
          await b.page.goto(url, { waitUntil: "load", timeout: 30_000 });
          await b.click();
          await b.closePopup();
        }
      }
      // With --late, round 0 is the warm-up widget, not kept.
      for (let r = 0; r < args.reps + (args.late ? 1 : 0); r++) {
        for (const k of r % 2 === 0 ? ["a", "b"] : ["b", "a"]) {
          const b = builds[/** @type {"a" | "b"} */ (k)];
          const c = args.late ? await lateWidget(b, r) : await preparedClick(b, url);
          if (args.late && r === 0) continue;
          for (const [f, v] of Object.entries(c)) (line[k][f] ??= []).push(v);
        }
      }
      if (!args.late) for (const k of ["a", "b"]) line[k].parse = await parseTimes(builds[/** @type {"a" | "b"} */ (k)], url, args.reps);
      appendFileSync(args.out, JSON.stringify({ id: p.id, ...line }) + "\n");
      const m = (/** @type {string} */ k) => args.late
        ? `late ${median(line[k].work).toFixed(2)} ms (${line[k].kind[0]})`
        : `${median(line[k].total).toFixed(2)} ms (parse ${median(line[k].parse).toFixed(2)})`;
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
