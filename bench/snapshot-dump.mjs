// @ts-check
/**
 * `node bench/snapshot-dump.mjs PAGE.html[.gz] OUT.json`: the snapshot the content script sends for a
 * page, as `make bench` serves it (scripts stripped, <noscript> unwrapped, at the address its set gives it
 * when it has one, no other origin), taken in headless Chromium by extension/shared/content/snapshot.js
 * itself, written as JSON (the wire's fields, typed arrays as lists). `cargo run --release --example
 * wire_reader -- OUT.json` reads it back natively: to find why the browser path keeps other text than the
 * native parser on the same HTML.
 *
 * `node bench/snapshot-dump.mjs DIR OUT.jsonl`: every page of DIR (a `bench/stage.sh` folder) so, each read
 * back at once by `target/release/examples/wire_reader --text` (build it first), one line per page
 * `{id, article_text}`: the first walk's reader text, which `cargo run --release --example wcxb_gap --
 * OUT.jsonl` compares with the native path's (about a second a page, where `make bench` takes ten or more;
 * no click, so not the reader after a clean). For a before/after: `SNAPSHOT_JS_DIR` (another checkout's
 * `extension/shared`) and `WIRE_READER` (another build's `wire_reader`).
 */

import { appendFileSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../tests/e2e/lib/chromium.mjs";
import { listPages, pageAddress, servedPage, startServer } from "./run.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.SNAPSHOT_JS_DIR ?? path.join(ROOT, "extension/shared");
const WIRE_READER = process.env.WIRE_READER ?? path.join(ROOT, "target/release/examples/wire_reader");
const [input, out] = process.argv.slice(2);
if (!input || !out) throw new Error("usage: node bench/snapshot-dump.mjs PAGE.html[.gz] OUT.json | DIR OUT.jsonl");
const many = statSync(input).isDirectory();
const pages = many ? listPages(input) : [{ id: "page", file: input }];

const { server, origin } = await startServer(new Map(pages.map((p) => [p.id, p.file])));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
try {
  // The page's CSP forbids every script; the walk is a module the page imports, so the CSP is bypassed.
  const context = await browser.newContext({ bypassCSP: true });
  /** The page being read: its file, and its address when its set gives one. */
  let current = { file: "", address: /** @type {string | null} */ (null) };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin && url.pathname.startsWith("/ext/")) {
      const rel = path.normalize(url.pathname.slice("/ext/".length)).replace(/^(\.\.[/\\])+/, "");
      const body = readFileSync(path.join(SHARED, rel));
      return route.fulfill({ body, contentType: "text/javascript" });
    }
    const { address, file } = current;
    if (address && route.request().resourceType() === "document" && url.href.split("#")[0] === address.split("#")[0]) {
      const { body, headers } = servedPage(file, false);
      return route.fulfill({ status: 200, headers, body });
    }
    return url.origin === origin ? route.continue() : route.abort();
  });
  if (many) writeFileSync(out, "");
  const wireFile = many ? `${out}.wire.json` : out;
  for (const p of pages) {
    current = { file: p.file, address: pageAddress(p.file) };
    const page = await context.newPage();
    try {
      await page.goto(current.address ?? `${origin}/p/${encodeURIComponent(p.id)}.html`, { waitUntil: "load", timeout: 30_000 });
      // (From the local server: the page's <base href> would send a relative import elsewhere.)
      const wire = await page.evaluate(async (origin) => {
        const m = await import(`${origin}/ext/content/snapshot.js`);
        const { wire } = await m.snapshotPageSliced({ sliceMs: 1e9, pause: async () => {} });
        /** @type {Record<string, unknown>} */
        const o = {};
        for (const [k, v] of Object.entries(wire)) o[k] = ArrayBuffer.isView(v) ? Array.from(/** @type {any} */ (v)) : v;
        return o;
      }, origin);
      writeFileSync(wireFile, JSON.stringify(wire));
      if (!many) {
        console.log(`snapshot-dump: ${/** @type {number[]} */ (wire.names).length} nodes → ${out}`);
        continue;
      }
      // (wire_reader ends its text with a line break; the bench's article_text does not.)
      const text = execFileSync(WIRE_READER, [wireFile, "--text"], { maxBuffer: 1 << 28 }).toString().replace(/\n$/, "");
      appendFileSync(out, JSON.stringify({ id: p.id, article_text: text }) + "\n");
    } catch (e) {
      if (!many) throw e;
      appendFileSync(out, JSON.stringify({ id: p.id, error: String(e).split("\n")[0] }) + "\n");
    } finally {
      await page.close();
    }
  }
  if (many) console.log(`snapshot-dump: ${pages.length} pages → ${out}`);
} finally {
  await browser.close();
  server.close();
}
