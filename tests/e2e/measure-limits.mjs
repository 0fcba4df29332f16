// @ts-check
/**
 * Measures how long the extension holds a huge page's main thread while cleaning it (docs/hardening.md,
 * "Limits"): the built extension in headless Chromium and Firefox on tests/e2e/pages/big.html. The
 * page's own setTimeout(0) ticker records when the page got to run; the longest gap between two ticks
 * from the click until the popup has the result is the longest the tab was frozen (Chromium's 'longtask'
 * entries are printed too). A benchmark, not a test: nothing is asserted.
 *
 *   node tests/e2e/measure-limits.mjs [chromium|firefox] [page query ...]
 *   node tests/e2e/measure-limits.mjs chromium n=200000 deep=20000
 */

import { launchChromium } from "./lib/chromium.mjs";
import { launchFirefox } from "./lib/firefox.mjs";

const args = process.argv.slice(2);
const browsers = args.filter((a) => a === "chromium" || a === "firefox");
const pages = args.filter((a) => a.includes("="));
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
      const from = await h.page(() => performance.now());
      await h.clickAction({ waitMs: 120_000 });
      const to = await h.page(() => performance.now());
      await sleep(300); // long-task entries are delivered after the task
      const st = await h.popup(() => ({ ...document.body.dataset, status: document.getElementById("status")?.textContent ?? "" }));
      const timings = (await h.popup(pageState))?.timings;
      const page = await h.page((span) => {
        const w = /** @type {any} */ (window);
        const ticks = w.__ticks.filter((/** @type {number} */ t) => t >= span[0] && t <= span[1]);
        let gap = 0;
        let at = 0;
        for (let i = 1; i < ticks.length; i++) if (ticks[i] - ticks[i - 1] > gap) [gap, at] = [ticks[i] - ticks[i - 1], ticks[i - 1]];
        const long = w.__longTasks.filter((/** @type {number[]} */ [s]) => s >= span[0] - 50 && s <= span[1]);
        return { ticks: ticks.length, gap, at, longest: Math.max(0, ...long.map((/** @type {number[]} */ e) => e[1])), longCount: long.length };
      }, [from, to]);
      const phase = Object.entries(timings?.spans ?? {}).filter(([, [a, b]]) => page.at + page.gap > a && page.at < b).map(([k]) => k).join("+") || "outside the clean's phases";
      console.log(`${name} ${query} (${elements} elements): clean ${Math.round(to - from)} ms; longest gap between page ticks ${Math.round(page.gap)} ms (${phase}) over ${page.ticks} ticks` +
        (name === "chromium" ? `; longest 'longtask' ${Math.round(page.longest)} ms of ${page.longCount}` : "") +
        (timings ? `; walk ${Math.round(timings.snapshot)} ms in ${timings.slices} slices, classify ${Math.round(timings.classify)} ms, apply ${Math.round(timings.apply)} ms` : "") +
        `; engine ${st.engine || "-"}; ${st.status}`);
    }
  } finally {
    await h.close();
  }
}
