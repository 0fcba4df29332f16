// @ts-check
/**
 * `node bench/snapshot-dump.mjs PAGE.html[.gz] OUT.json`: the snapshot the content script sends for a
 * page, as `make bench` serves it (scripts stripped, <noscript> unwrapped, at the address its set gives it
 * when it has one, no other origin), taken in
 * headless Chromium by extension/shared/content/snapshot.js itself, written as JSON (the wire's fields,
 * typed arrays as lists). `cargo run --release --example wire_reader -- OUT.json` reads it back
 * natively: to find why the browser path keeps other text than the native parser on the same HTML.
 */

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../tests/e2e/lib/chromium.mjs";
import { pageAddress, servedPage, startServer } from "./run.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error("usage: node bench/snapshot-dump.mjs PAGE.html[.gz] OUT.json");

const { server, origin } = await startServer(new Map([["page", file]]));
const address = pageAddress(file);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
try {
  // The page's CSP forbids every script; the walk is a module the page imports, so the CSP is bypassed.
  const context = await browser.newContext({ bypassCSP: true });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin && url.pathname.startsWith("/ext/")) {
      const rel = path.normalize(url.pathname.slice("/ext/".length)).replace(/^(\.\.[/\\])+/, "");
      const body = readFileSync(path.join(ROOT, "extension/shared", rel));
      return route.fulfill({ body, contentType: "text/javascript" });
    }
    if (address && route.request().resourceType() === "document" && url.href.split("#")[0] === address.split("#")[0]) {
      const { body, headers } = servedPage(file, false);
      return route.fulfill({ status: 200, headers, body });
    }
    return url.origin === origin ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(address ?? `${origin}/p/page.html`, { waitUntil: "load" });
  // (From the local server: the page's <base href> would send a relative import elsewhere.)
  const wire = await page.evaluate(async (origin) => {
    const m = await import(`${origin}/ext/content/snapshot.js`);
    const { wire } = await m.snapshotPageSliced({ sliceMs: 1e9, pause: async () => {} });
    /** @type {Record<string, unknown>} */
    const o = {};
    for (const [k, v] of Object.entries(wire)) o[k] = ArrayBuffer.isView(v) ? Array.from(/** @type {any} */ (v)) : v;
    return o;
  }, origin);
  writeFileSync(out, JSON.stringify(wire));
  console.log(`snapshot-dump: ${/** @type {number[]} */ (wire.names).length} nodes → ${out}`);
} finally {
  await browser.close();
  server.close();
}
