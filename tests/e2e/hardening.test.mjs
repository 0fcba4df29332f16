// @ts-check
/**
 * Reader view safety (docs/hardening.md): tests/e2e/pages/xss.html holds 60+ XSS payloads between a
 * story's paragraphs; each payload, if it runs, fetches http://hit.test/<id>?<location.protocol>,
 * which the test server (every browser's proxy) logs. On the page itself many do run (proving they
 * are live); in the real reader view of the built extension none may: no hit from an extension
 * page, no CSS beacon after the reader opens, no script, handler, style or script URL in its DOM,
 * and every legitimate paragraph is there.
 */

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchChromium } from "./lib/chromium.mjs";
import { launchFirefox } from "./lib/firefox.mjs";

const PAGE = "/pages/xss.html";
const SETTLE_MS = 1500;
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Runs in the reader view: everything that could execute or load, and the text. */
const inspectReader = () => {
  const bad = [];
  const root = document.documentElement;
  for (const el of root.querySelectorAll("#doc *")) {
    const name = el.localName;
    if (/^(script|iframe|frame|object|embed|svg|math|style|link|base|meta|form|template|noscript|input|button|textarea)$/.test(name)) bad.push(`<${name}>`);
    for (const a of el.attributes) {
      const v = a.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
      if (/^on/i.test(a.name) || /^(style|srcdoc|formaction|action|xlink:href)$/i.test(a.name)) bad.push(`<${name} ${a.name}>`);
      if (/^(javascript|vbscript):/.test(v) || (v.startsWith("data:") && !v.startsWith("data:image/"))) bad.push(`<${name} ${a.name}="${a.value}">`);
    }
  }
  return {
    bad,
    ready: document.body.dataset.ready,
    title: document.title,
    text: (document.getElementById("content")?.textContent ?? "").replace(/\s+/g, " "),
    meta: ["byline", "site", "published"].map((id) => document.getElementById(id)?.textContent ?? ""),
  };
};

for (const [name, launch] of /** @type {const} */ ([["chromium", launchChromium], ["firefox", launchFirefox]])) {
  describe(`${name}: reader view safety`, () => {
    /** @type {import("./lib/scenarios.mjs").Harness} */
    let h;
    before(async () => { h = await launch(); });
    after(async () => { await h?.close(); });

    test("XSS corpus: nothing runs in the reader view, the story survives", { timeout: 60_000 }, async () => {
      const hits = (/** @type {number} */ from) => h.server.log.slice(from).filter((r) => new URL(r.url).hostname === "hit.test").map((r) => r.url);
      const start = h.server.log.length;
      await h.goto(PAGE);
      await sleep(SETTLE_MS);
      const onPage = hits(start);
      const legit = await h.page(() => [...document.querySelectorAll("p.legit")].map((p) => (p.textContent ?? "").replace(/\s+/g, " ").trim()));
      const payloads = await h.page(() => document.querySelectorAll("[data-payload]").length);
      assert.ok(payloads >= 50, `payloads on the page: ${payloads}`);
      assert.ok(legit.length >= 10);

      const from = h.server.log.length;
      await h.clickAction();
      await h.openReader();
      await sleep(SETTLE_MS);
      const r = await h.reader(inspectReader);
      await h.closeReader();
      const afterReader = hits(from);
      console.log(`${name}: ${payloads} payloads; ${new Set(onPage.map((u) => new URL(u).pathname)).size} fired on the page itself; ${afterReader.length} hits after the reader opened`);

      assert.deepEqual(afterReader.filter((u) => /extension:$/.test(decodeURIComponent(new URL(u).search))), [], "a payload ran in an extension page");
      assert.deepEqual(afterReader.filter((u) => /-css$/.test(new URL(u).pathname)), [], "a CSS beacon loaded from the reader view");
      assert.deepEqual(afterReader.filter((u) => !/\?http:$/.test(decodeURIComponent(u))), [], "only the page itself may hit (late handlers on the page)");
      assert.deepEqual(r.bad, [], "unsafe markup in the reader view");
      assert.equal(r.ready, "true");
      assert.ok(!/hit\.test/.test(r.title), `title: ${r.title}`);
      const missing = legit.filter((p) => !r.text.includes(p));
      assert.deepEqual(missing, [], "every legitimate paragraph is in the reader view");
    });
  });
}
