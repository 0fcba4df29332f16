// @ts-check
/**
 * Measures how long the extension holds a huge page's main thread while cleaning it (docs/hardening.md,
 * "Limits"): the built extension in headless Chromium and Firefox on tests/e2e/pages/big.html. The
 * page's own setTimeout(0) ticker records when the page got to run; the longest gap between two ticks
 * from the click until the popup has the result is the longest the tab was frozen (Chromium's 'longtask'
 * entries are printed too). A benchmark, not a test: nothing is asserted.
 *
 *   node tests/e2e/measure-limits.mjs [chromium|firefox] [--trace DIR] [page query ...]
 *   node tests/e2e/measure-limits.mjs chromium n=200000 deep=20000
 *
 * `--trace DIR` (Chromium): also records a performance trace of each clean (DIR/<query>.json, opens in
 * DevTools' Performance panel) and prints the page's tasks longer than 50 ms with what they were made of.
 */

import { readFileSync } from "node:fs";
import path from "node:path";

import { launchChromium } from "./lib/chromium.mjs";
import { launchFirefox } from "./lib/firefox.mjs";
import { waitFor } from "./lib/scenarios.mjs";

const args = process.argv.slice(2);
const browsers = args.filter((a) => a === "chromium" || a === "firefox");
const traceAt = args.indexOf("--trace");
const traceDir = traceAt >= 0 ? args[traceAt + 1] : null;
const pages = args.filter((a, i) => a.includes("=") && i !== traceAt + 1);
/** Runs in the popup: the page's state, straight from the content script. */
const pageState = async () => {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  const param = new URLSearchParams(location.search).get("tab");
  const tabId = param ? Number(param) : (await api.tabs.query({ active: true, currentWindow: true }))[0].id;
  return (await api.tabs.sendMessage(tabId, { type: "bw:page-state" }, { frameId: 0 }))?.value;
};
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

for (const name of browsers.length ? browsers : ["chromium", "firefox"]) {
  const h = await (name === "chromium" ? launchChromium() : launchFirefox());
  try {
    for (const query of pages.length ? pages : ["n=50000", "n=100000", "n=200000", "deep=20000"]) {
      await h.goto(`/pages/big.html?${query}`);
      await sleep(500);
      const elements = await h.page(() => document.getElementsByTagName("*").length);
      const tracePath = traceDir && h.startTrace ? path.join(traceDir, `${h.name}-${query.replace(/[^\w=]+/g, "_")}.json`) : null;
      if (tracePath) await h.startTrace?.(tracePath);
      // The page's clock at a user-timing mark, to place the trace's events on it.
      const from = await h.page(() => (performance.mark("measure-limits"), performance.now()));
      if (name === "firefox") {
        // Firefox's popup page is opened in a tab, which sends the page to the background: let the
        // real popup (opened by the click) clean it while it is in front, and open that tab after.
        await h.clickAction({ pageOnly: true });
        await waitFor(() => h.page(() => document.querySelector("[data-blockwise]") !== null), Boolean, 120_000);
        await sleep(3000);
      }
      await h.clickAction({ waitMs: 120_000 });
      let to = await h.page(() => performance.now());
      await sleep(300); // long-task entries are delivered after the task
      const st = await h.popup(() => ({ ...document.body.dataset, status: document.getElementById("status")?.textContent ?? "" }));
      const timings = (await h.popup(pageState))?.timings;
      // The clean itself, and what the browser does right after it (style, layout); AFTER_MS widens that.
      if (timings?.spans) to = Math.min(to, timings.spans.apply[1] + Number(process.env.AFTER_MS ?? 500));
      else if (timings) to = Math.min(to, from + timings.total + 1000); // versions without spans
      const page = await h.page((span) => {
        const w = /** @type {any} */ (window);
        // The first tick after the span too: a freeze that begins in it and ends after it counts.
        const next = w.__ticks.find((/** @type {number} */ t) => t > span[1]);
        const ticks = [...w.__ticks.filter((/** @type {number} */ t) => t >= span[0] && t <= span[1]), ...(next === undefined ? [] : [next])];
        let gap = 0;
        let at = 0;
        /** @type {number[][]} every gap over 50 ms: [start, length] */
        const over = [];
        for (let i = 1; i < ticks.length; i++) {
          const d = ticks[i] - ticks[i - 1];
          if (d > 50) over.push([ticks[i - 1], d]);
          if (d > gap) [gap, at] = [d, ticks[i - 1]];
        }
        const long = w.__longTasks.filter((/** @type {number[]} */ [s]) => s >= span[0] - 50 && s <= span[1]);
        return { ticks: ticks.length, gap, at, over, longest: Math.max(0, ...long.map((/** @type {number[]} */ e) => e[1])), longCount: long.length };
      }, [from, to]);
      const t0 = timings?.spans?.snapshot[0] ?? from;
      const rel = (/** @type {number} */ t) => Math.round(t - t0);
      const phase = timings?.spans
        ? `${rel(page.at)}..${rel(page.at + page.gap)} ms; walk ${timings.spans.snapshot.map(rel).join("..")}, classify ..${rel(timings.spans.classify[1])}, apply ${timings.spans.apply.map(rel).join("..")}`
        : `${rel(page.at)}..${rel(page.at + page.gap)} ms after the click`;
      if (tracePath) {
        await h.stopTrace?.();
        for (const line of longTasks(tracePath, from, t0, [from, to])) console.log(`  ${line}`);
      }
      console.log(`${name} ${query} (${elements} elements): clean ${Math.round(timings?.total ?? to - from)} ms; longest gap between page ticks ${Math.round(page.gap)} ms (${phase}) over ${page.ticks} ticks` +
        (name === "chromium" ? `; longest 'longtask' ${Math.round(page.longest)} ms of ${page.longCount}` : "") +
        (timings ? `; walk ${Math.round(timings.snapshot)} ms in ${timings.slices ?? 1} slice(s), classify ${Math.round(timings.classify)} ms, apply ${Math.round(timings.apply)} ms` : "") +
        `; engine ${st.engine || "-"}; ${st.status}`);
      if (page.over.length > 1) console.log(`  gaps over 50 ms: ${page.over.map(([at, d]) => `${Math.round(d)} at ${rel(at)}`).join(", ")}`);
    }
  } finally {
    await h.close();
  }
}

/**
 * The renderer main thread's tasks longer than 50 ms (wall clock or thread CPU time) in a trace, between
 * `span` (page clock), each with its start relative to `t0` and the event names that took most of its CPU
 * time (self time). CPU time is what the task itself cost; on a busy machine the wall clock adds the time
 * the thread waited for a core.
 * @param {string} file @param {number} markNow the page's performance.now() at the "measure-limits" mark
 * @param {number} t0 @param {number[]} span
 */
function longTasks(file, markNow, t0, span) {
  /** @type {any[]} */
  const events = JSON.parse(readFileSync(file, "utf8")).traceEvents;
  const mark = events.find((e) => e.name === "measure-limits" && e.cat?.includes("user_timing"));
  if (!mark) return ["(no mark in the trace)"];
  const thread = (/** @type {any} */ e) => `${e.pid}:${e.tid}`;
  const main = thread(mark);
  const toPage = (/** @type {number} */ ts) => markNow + (ts - mark.ts) / 1000;
  const onMain = events.filter((e) => thread(e) === main && e.ph === "X" && typeof e.dur === "number").sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const cpu = (/** @type {any} */ e) => e.tdur ?? e.dur;
  const lines = [];
  let taskEnd = 0;
  for (const task of onMain) {
    // Outermost tasks only (RunTask holds ThreadControllerImpl::RunTask).
    if (!/RunTask$/.test(task.name) || task.ts < taskEnd) continue;
    taskEnd = task.ts + task.dur;
    const start = toPage(task.ts);
    if ((task.dur < 50_000 && cpu(task) < 50_000) || start < span[0] || start > span[1]) continue;
    // CPU self time by name among the events inside this task (children subtracted from parents).
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= taskEnd && !/RunTask$/.test(e.name));
    /** @type {Map<string, number>} */
    const self = new Map();
    /** @type {any[]} */
    const stack = [];
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      self.set(e.name, (self.get(e.name) ?? 0) + cpu(e));
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - cpu(e));
      stack.push(e);
    }
    const top = [...self].filter(([, d]) => d > 2000).sort((a, b) => b[1] - a[1]).slice(0, 5);
    lines.push(`task at ${Math.round(start - t0)} ms: wall ${Math.round(task.dur / 1000)} ms, CPU ${Math.round(cpu(task) / 1000)} ms: ` +
      top.map(([n, d]) => `${n} ${Math.round(d / 1000)}`).join(", "));
  }
  return lines.length ? lines : ["(no task over 50 ms on the page's main thread)"];
}
