// @ts-check
/**
 * What a kind's switch costs the page on `pages/big.html?n=200000` in Chromium (docs/hardening.md, "Toggling
 * on the huge page"): the page is cleaned with the built extension, then the popup's switch of KIND is
 * clicked twice (on, off) under a performance trace, and the page's main-thread tasks over 20 ms CPU are
 * printed with what took their time. With `--inline`, no extension step at all: the page's own script hides
 * and shows the same elements with an inline `display: none`, for comparison. A benchmark, not a test.
 * Chromium only: Firefox's popup page is opened in a tab here, which sends the page to the background.
 *
 *   node tests/e2e/measure-toggle.mjs [navigation|related|...] [--inline]
 */

import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { launchChromium } from "./lib/chromium.mjs";

const inline = process.argv.includes("--inline");
const kind = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "navigation";
const h = await launchChromium();
try {
  await h.goto("/pages/big.html?n=200000");
  await h.clickAction({ waitMs: 180_000 });
  await new Promise((r) => setTimeout(r, 2000));
  // The elements the switch hides, as the page's own script would hide them with --inline.
  const marked = await h.page((k) => document.querySelectorAll(`[data-blockwise="${k}"]`).length, kind);
  for (let i = 0; i < 2; i++) {
    const file = path.join(os.tmpdir(), `measure-toggle-${i}.json`);
    await h.startTrace?.(file);
    await h.page(() => performance.mark("measure-toggle"));
    if (inline) {
      await h.page(([k, show]) => {
        for (const e of document.querySelectorAll(`[data-blockwise="${k}"]`)) /** @type {HTMLElement} */ (e).style.display = show ? "" : "none";
      }, [kind, i === 1]);
    } else {
      await h.popup((k) => /** @type {HTMLInputElement} */ (document.querySelector(`input[data-kind="${k}"]`)).click(), kind);
    }
    await new Promise((r) => setTimeout(r, 1500));
    await h.stopTrace?.();
    /** @type {any[]} */
    const events = JSON.parse(readFileSync(file, "utf8")).traceEvents;
    const mark = events.find((e) => e.name === "measure-toggle" && e.cat?.includes("user_timing"));
    const main = `${mark.pid}:${mark.tid}`;
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X" && e.ts >= mark.ts);
    // Outermost tasks only (a RunTask holds ThreadControllerImpl::RunTask).
    let end = 0;
    const tasks = onMain.sort((a, b) => a.ts - b.ts || b.dur - a.dur).filter((e) => {
      if (!/RunTask$/.test(e.name) || e.ts < end) return false;
      end = e.ts + e.dur;
      return (e.tdur ?? e.dur) > 20_000;
    });
    const lines = tasks.map((t) => {
      /** @type {Map<string, number>} */
      const cpu = new Map();
      for (const e of onMain) if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) cpu.set(e.name, (cpu.get(e.name) ?? 0) + (e.tdur ?? e.dur));
      const top = [...cpu].filter(([n]) => !/RunTask$/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 4);
      return `task at +${Math.round((t.ts - mark.ts) / 1000)} ms: wall ${Math.round(t.dur / 1000)} ms, CPU ${Math.round((t.tdur ?? 0) / 1000)} ms (${top.map(([n, d]) => `${n} ${Math.round(d / 1000)}`).join(", ")})`;
    });
    console.log(`chromium ${kind} ${i ? "shown" : "hidden"} (${marked} elements) ${inline ? "by the page's inline style" : "by the popup's switch"}: ${lines.length ? lines.join("; ") : "no task over 20 ms CPU"}`);
  }
} finally {
  await h.close();
}
