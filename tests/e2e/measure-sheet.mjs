// @ts-check
/**
 * What adding one stylesheet costs on a huge page, by the form of its selector (docs/hardening.md,
 * "Firefox: one long restyle"): on `pages/big.html?n=200000` (no extension involved), a constructed sheet of
 * one rule that matches nothing is adopted and the style, then the layout, are flushed; printed per
 * selector form, in ms. A benchmark, not a test: nothing is asserted.
 *
 *   node tests/e2e/measure-sheet.mjs [chromium|firefox] [n=200000]
 */

import { launchChromium } from "./lib/chromium.mjs";
import { launchFirefox } from "./lib/firefox.mjs";

const args = process.argv.slice(2);
const browsers = args.filter((a) => a === "chromium" || a === "firefox");
const query = args.find((a) => a.includes("=")) ?? "n=200000";
/** Selector forms: what the hiding sheet uses, and a class selector beside them. */
const FORMS = [
  ["class", ".bw-probe-none { display: none !important; }"],
  ["attribute", '[data-bw-probe="related"] { display: none !important; }'],
  ["root attribute + descendant", ':root[data-bw-probe-hide~="related"] [data-bw-probe="related"] { display: none !important; }'],
];

for (const name of browsers.length ? browsers : ["chromium", "firefox"]) {
  const h = await (name === "chromium" ? launchChromium() : launchFirefox());
  try {
    await h.goto(`/pages/big.html?${query}`);
    await new Promise((r) => setTimeout(r, 1000));
    const out = await h.page((forms) => {
      /** @type {Record<string, number[]>} */
      const r = {};
      // A warm-up: an empty sheet adopted and everything flushed (the first adoption costs extra).
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, new CSSStyleSheet()];
      void document.documentElement.offsetHeight;
      for (const [form, css] of forms) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        const t0 = performance.now();
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        void getComputedStyle(document.documentElement).display;
        const t1 = performance.now();
        void document.documentElement.offsetHeight;
        r[form] = [Math.round(t1 - t0), Math.round(performance.now() - t1)];
      }
      return { r, elements: document.getElementsByTagName("*").length };
    }, FORMS);
    for (const [form, [style, layout]] of Object.entries(out.r)) {
      console.log(`${name} ${query} (${out.elements} elements): a sheet of one ${form} rule: style flush ${style} ms, layout flush ${layout} ms`);
    }
  } finally {
    await h.close();
  }
}
