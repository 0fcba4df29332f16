// @ts-check
/**
 * Where a clean's time goes, by function: `node bench/profile.mjs --pages DIR [--limit N] [--reps N]
 * [--top N] [--interval US] [--prepared 1 | --late 1]`. The bench's own harness (bench/run.mjs: the built extension in headless
 * Chromium, pages served without their scripts, the real toolbar click), with V8's sampling profiler
 * (DevTools `Profiler` domain) on the page's renderer while the clicks run: after a warm-up click,
 * REPS clicks with a restore between them, as `make bench` times them. Prints the self time of the
 * functions that cost the most, summed over the pages, and the share of the content script's own
 * code, the Wasm core, the DOM calls the walk makes and the garbage collector. With `--prepared 1`, the
 * click on a page prepared before it instead ("get pages ready before I click" on): REPS times the page
 * loaded afresh, its preparation waited for, then the profiler started and the first click made, as
 * `make bench` times `prepared`. With `--late 1`, the late-content path instead: the page cleaned once, then
 * REPS times the bench's late widget inserted (`insertLateWidget`) and its batch waited for, as `make bench`
 * times `late` (the phases are then timings.late's). A measuring tool, not a test: nothing is asserted.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import { insertLateWidget, launch, listPages, startServer } from "./run.mjs";
import { Msg } from "../extension/shared/common/messages.js";
import { HIDEABLE_KINDS, defaultSettings } from "../extension/shared/common/settings.js";

const USAGE = "usage: node bench/profile.mjs --pages DIR [--limit N] [--reps N] [--top N] [--interval US] [--prepared 1 | --late 1]";

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const a = {};
  for (let i = 0; i < argv.length; i += 2) {
    const m = /^--([a-z]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) throw new Error(USAGE);
    a[m[1]] = argv[i + 1];
  }
  if (!a.pages) throw new Error(USAGE);
  return {
    pages: a.pages, limit: Number(a.limit || 5), reps: Math.max(1, Number(a.reps || 10)),
    top: Number(a.top || 30), interval: Number(a.interval || 50), prepared: a.prepared === "1", late: a.late === "1",
  };
}

/**
 * The name a profile node is counted under: the function and where it is defined (file:line for
 * JavaScript, "wasm" for the core, "native" for the browser's own functions).
 * @param {{ functionName: string, url: string, lineNumber: number }} f
 */
function frameName(f) {
  const name = f.functionName || "(anonymous)";
  if (/\.wasm$/.test(f.url) || /^\$|^wasm-function/.test(name)) return `${name} [wasm]`;
  if (!f.url) return `${name} [native]`;
  return `${name} [${path.basename(f.url)}:${f.lineNumber + 1}]`;
}

/** @param {string} name */
function category(name) {
  if (/^\((idle|program|garbage collector|root)\)/.test(name)) return name.replace(/ \[.*$/, "");
  if (name.endsWith("[wasm]") || /blockwise\.js:/.test(name)) return "Wasm core and its JS glue";
  if (name.endsWith("[native]")) return "browser functions (DOM calls, builtins)";
  return "extension JavaScript";
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pages = listPages(args.pages).slice(0, args.limit);
  const { server, origin } = await startServer(new Map(pages.map((p) => [p.id, p.file])));
  const b = await launch(origin);
  await new Promise((r) => setTimeout(r, 300)); // onInstalled's settings migration writes first
  await b.inWorker((s) => chrome.storage.local.set({ settings: s }), { ...defaultSettings(), hiddenKinds: [...HIDEABLE_KINDS] });
  /** @type {Map<string, number>} self time in µs by function */
  const self = new Map();
  /** @type {Record<string, number>} */
  const phases = { total: 0, snapshot: 0, classify: 0, apply: 0 };
  let clicks = 0;
  /** Adds one profile's samples to `self`. @param {any} profile */
  const count = (profile) => {
    /** @type {Map<number, string>} */
    const names = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, frameName(n.callFrame)]));
    const deltas = profile.timeDeltas ?? [];
    const samples = profile.samples ?? [];
    for (let i = 0; i < samples.length; i++) {
      // A sample's weight is the time until the next sample.
      const dt = deltas[i + 1] ?? args.interval;
      const name = /** @type {string} */ (names.get(samples[i]));
      self.set(name, (self.get(name) ?? 0) + dt);
    }
  };
  /** Starts V8's sampling profiler on the page's renderer; the returned function stops it and counts. */
  const profiling = async () => {
    const cdp = await b.page.context().newCDPSession(b.page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: args.interval });
    await cdp.send("Profiler.start");
    return async () => {
      const { profile } = await cdp.send("Profiler.stop");
      await cdp.detach();
      count(profile);
    };
  };
  /** @param {any} r */
  const timed = (r) => {
    for (const k of Object.keys(phases)) phases[k] += r.state.timings[k];
    clicks++;
  };
  const settings = { ...defaultSettings(), hiddenKinds: [...HIDEABLE_KINDS] };
  if (args.prepared && !(await b.setPrepare(settings, true))) throw new Error("this build has no preparation");
  for (const p of pages) {
    const url = `${origin}/p/${encodeURIComponent(p.id)}.html`;
    if (args.prepared) {
      // Each click the first on a freshly loaded, prepared page; only the click is profiled.
      for (let i = 0; i < args.reps; i++) {
        await b.closePopup();
        await b.page.goto(url, { waitUntil: "load" });
        await b.prepared();
        const stop = await profiling();
        const r = await b.click();
        await stop();
        if (!r.state.timings.prepared) process.stderr.write(`${p.id}: a click found the page not prepared\n`);
        timed(r);
      }
    } else if (args.late) {
      await b.closePopup();
      await b.page.goto(url, { waitUntil: "load" });
      await b.click();
      await b.closePopup();
      for (let i = 0; i <= args.reps; i++) {
        const before = (await b.askPage(Msg.PAGE_STATE)).timings?.late?.batch ?? 0;
        // The first widget is a warm-up, not profiled; the harness asks for the state every 50 ms.
        const stop = i > 0 ? await profiling() : null;
        await b.page.evaluate(insertLateWidget, i);
        let late = null;
        while (!late) {
          await new Promise((r) => setTimeout(r, 50));
          const t = (await b.askPage(Msg.PAGE_STATE)).timings?.late;
          if ((t?.batch ?? 0) > before) late = t;
        }
        await stop?.();
        await b.page.evaluate(() => /** @type {any} */ (window).__bwLateWidget?.remove());
        if (i > 0) timed({ state: { timings: { total: late.work, snapshot: late.snapshot, classify: late.classify, apply: late.apply } } });
      }
    } else {
      await b.closePopup();
      await b.page.goto(url, { waitUntil: "load" });
      await b.click(); // warm-up: injection, module loading, Wasm compilation
      const stop = await profiling();
      for (let i = 0; i < args.reps; i++) {
        await b.askPage(Msg.PAGE_RESTORE);
        timed(await b.click());
      }
      await stop();
    }
    process.stderr.write(`${p.id}: ${args.reps} ${args.late ? "late widgets" : "clicks"} profiled\n`);
  }
  await b.context.close();
  server.closeAllConnections();
  server.close();

  const busy = [...self].filter(([n]) => !/^\((idle|root)\)/.test(n));
  const busyTotal = busy.reduce((s, [, t]) => s + t, 0);
  /** @type {Map<string, number>} */
  const cats = new Map();
  for (const [n, t] of busy) cats.set(category(n), (cats.get(category(n)) ?? 0) + t);
  const perClick = (/** @type {number} */ us) => (us / 1000 / clicks).toFixed(2);
  console.log(`${pages.length} pages × ${args.reps} clicks; the content script's own timings, mean per click: ` +
    Object.entries(phases).map(([k, v]) => `${k} ${(v / clicks).toFixed(2)} ms`).join(", "));
  console.log(`\nrenderer busy (not idle), ms per click: ${perClick(busyTotal)}`);
  for (const [c, t] of [...cats].sort((x, y) => y[1] - x[1])) console.log(`  ${perClick(t).padStart(7)}  ${(100 * t / busyTotal).toFixed(1).padStart(5)} %  ${c}`);
  console.log(`\ntop ${args.top} functions by self time, ms per click:`);
  for (const [n, t] of busy.sort((x, y) => y[1] - x[1]).slice(0, args.top)) console.log(`  ${perClick(t).padStart(7)}  ${(100 * t / busyTotal).toFixed(1).padStart(5)} %  ${n}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`profile: ${e?.message ?? e}`);
    process.exit(1);
  });
}
