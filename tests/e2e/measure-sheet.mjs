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
import { blockHidingCss } from "../../extension/shared/content/page-marks.js";
import { KINDS } from "../../extension/shared/common/settings.js";

const args = process.argv.slice(2);
const browsers = args.filter((a) => a === "chromium" || a === "firefox");
const query = args.find((a) => a.includes("=")) ?? "n=200000";
const HIDE = "{ display: none !important; }";
/**
 * Selector forms: what the hiding sheet used, and others beside them. None matches anything on the page
 * (the page's own tags and classes are `aside`, `li`, `.card`; these probe attributes and classes are
 * on no element), so each figure is what the browser does to find out what the new sheet may change.
 */
const FORMS = [
  ["class", `.bw-probe-none ${HIDE}`],
  ["attribute", `[data-bw-probe="related"] ${HIDE}`],
  ["presence-only attribute", `[data-bw-probe] ${HIDE}`],
  ["root attribute + descendant attribute", `:root[data-bw-probe-hide~="related"] [data-bw-probe="related"] ${HIDE}`],
  ["tag-qualified attribute (a tag on the page)", `aside[data-bw-probe="related"] ${HIDE}`],
  ["tag-qualified attribute (a tag not on the page)", `section[data-bw-probe="related"] ${HIDE}`],
  [":where(attribute)", `:where([data-bw-probe="related"]) ${HIDE}`],
  [":where(class)", `:where(.bw-probe-none) ${HIDE}`],
  ["class + attribute on the left", `[data-bw-probe="related"] .bw-probe-none ${HIDE}`],
  ["root attribute + descendant class:not(attribute)", `:root[data-bw-probe-hide~="related"] .bw-probe-related:not([data-bw-probe-user="show"]) ${HIDE}`],
  ["attribute + :not(class)", `[data-bw-probe="related"]:not(.bw-probe-show) ${HIDE}`],
  ["class and attribute in one compound", `:root[data-bw-probe-hide~="related"] .bw-probe-none[data-bw-probe="related"]:not([data-bw-probe-user="show"]) ${HIDE}`],
  ["id", `#bw-probe-none ${HIDE}`],
  ["six kinds, root attribute + descendant attribute; user hide; peek (the old hiding sheet)",
    ["article", "related", "promotion", "sponsored", "navigation", "comments"]
      .map((k) => `:root[data-bw-probe-hide~="${k}"] [data-bw-probe="${k}"]:not([data-bw-probe-user="show"])`)
      .concat('[data-bw-probe-user="hide"]').join(",\n") + ` ${HIDE}\n` +
    `:root [data-bw-probe-peek][data-bw-probe-peek][data-bw-probe-peek][data-bw-probe-peek] { display: revert !important; outline: 3px solid red !important; }`],
  ["the hiding sheet as it is (blockHidingCss of every kind: the class and the attribute in each rule's last compound)", blockHidingCss(KINDS)],
  ...[["div", "aside", "section"], ["div", "section", "aside", "nav", "header", "footer", "ul", "ol", "li", "article", "main", "p", "span", "table", "form", "figure", "a", "iframe", "my-widget"]].map((tags) => [
    `six kinds, root attribute + descendant tag-qualified attribute, ${tags.length} tags; user hide; peek`,
    ["article", "related", "promotion", "sponsored", "navigation", "comments"]
      .flatMap((k) => tags.map((t) => `:root[data-bw-probe-hide~="${k}"] ${t}[data-bw-probe="${k}"]:not([data-bw-probe-user="show"])`))
      .concat(tags.map((t) => `${t}[data-bw-probe-user="hide"]`)).join(",\n") + ` ${HIDE}\n` +
    tags.map((t) => `:root ${t}[data-bw-probe-peek][data-bw-probe-peek][data-bw-probe-peek]`).join(",\n") +
    ` { display: revert !important; outline: 3px solid red !important; }`]),
  ...[["div", "aside", "section"]].map((tags) => [
    `peek as :is(${tags.length} tags)[attribute]`,
    `:root :is(${tags.join(", ")})[data-bw-probe-peek] { outline: 3px solid red !important; }`]),
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
      const w0 = performance.now();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, new CSSStyleSheet()];
      void getComputedStyle(document.documentElement).display;
      const w1 = performance.now();
      void document.documentElement.offsetHeight;
      r["first adoption: an empty sheet,"] = [Math.round(w1 - w0), Math.round(performance.now() - w1)];
      for (const [form, css] of forms) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        const t0 = performance.now();
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        void getComputedStyle(document.documentElement).display;
        const t1 = performance.now();
        void document.documentElement.offsetHeight;
        r[form] = [Math.round(t1 - t0), Math.round(performance.now() - t1)];
        // Taken off again (not measured), so every form is measured against the same sheets.
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        void document.documentElement.offsetHeight;
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
