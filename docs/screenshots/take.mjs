// @ts-check
/**
 * Takes the README's extension screenshots, the way the end-to-end tests drive the extension: Debian's
 * chromium (headless=new) with dist/chromium loaded, the seed page served from 127.0.0.1 by the test
 * server (which is also the browser's proxy, so nothing is fetched from the internet: the page's
 * images from ksl.com stay empty), the toolbar clicked with `Extensions.triggerAction`.
 *
 *   node docs/screenshots/take.mjs      (after bash scripts/build-wasm.sh && bash scripts/build-extension.sh)
 *
 * Writes, next to this file:
 *   page-before-after.png  the seed page as the site made it, and after the click (side by side)
 *   popup.png              the popup's page for that tab: the switches with counts, the blocks and why
 *   reader.png             the reader view of the seed page
 */

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CASES, distDir, requireSeed } from "../../tests/e2e/lib/cases.mjs";
import { CHROMIUM, extensionArgs } from "../../tests/e2e/lib/chromium.mjs";
import { waitFor } from "../../tests/e2e/lib/scenarios.mjs";
import { startServer } from "../../tests/e2e/lib/server.mjs";

const OUT = path.dirname(fileURLToPath(import.meta.url));
const VIEWPORT = { width: 1200, height: 900 };
/** The most of a page the before/after picture shows (CSS px from the top). */
const PAGE_CLIP_HEIGHT = 4800;

requireSeed();
const dir = distDir("chromium");
const server = await startServer();
const context = await chromium.launchPersistentContext("", {
  executablePath: CHROMIUM,
  headless: false, // --headless=new is in extensionArgs: the new headless mode loads extensions
  viewport: VIEWPORT,
  args: [...extensionArgs(dir), `--proxy-server=http://127.0.0.1:${server.port}`, "--proxy-bypass-list=<-loopback>"],
});

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extensionId = new URL(worker.url()).host;
  const popupUrl = `chrome-extension://${extensionId}/popup/popup.html`;
  const browser = /** @type {import("playwright-core").Browser} */ (context.browser());
  const cdp = await browser.newBrowserCDPSession();
  const page = context.pages()[0] ?? (await context.newPage());

  /** The whole page, and its height. */
  const shootPage = async () => ({
    png: await page.screenshot({ fullPage: true }),
    height: await page.evaluate(() => document.documentElement.scrollHeight),
  });

  await page.goto(server.origin + CASES.seed.path, { waitUntil: "load" });
  const before = await shootPage();

  // The toolbar click, as tests/e2e/lib/chromium.mjs makes it: it opens the real popup, which cleans the page.
  const tab = (await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] })).targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
  const targets = async () => (await cdp.send("Target.getTargets", { filter: [{}] })).targetInfos;
  const popup = await waitFor(async () => (await targets()).find((t) => t.url.startsWith(popupUrl)), Boolean);
  if (!popup) throw new Error("the toolbar button opened no popup");

  // The popup cleans the page when it opens; it is asked over a session attached to its target.
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: popup.targetId, flatten: false });
  let nextId = 1;
  /** @type {Map<number, (v: any) => void>} */
  const pending = new Map();
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message);
    pending.get(msg.id)?.(msg);
    pending.delete(msg.id);
  });
  /** @param {string} method @param {object} [params] */
  const inPopup = async (method, params = {}) => {
    const id = nextId++;
    const reply = new Promise((resolve) => pending.set(id, resolve));
    await cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) });
    const msg = /** @type {any} */ (await reply);
    if (msg.error) throw new Error(`${method}: ${msg.error.message}`);
    return msg.result;
  };
  /** @param {string} expression */
  const popupEval = async (expression) =>
    (await inPopup("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })).result?.value;

  const ready = await waitFor(() => popupEval("document.body?.dataset.ready ?? null").catch(() => null), (v) => v === "true");
  if (ready !== "true") throw new Error("the popup did not finish loading");
  const state = await popupEval("({ ...document.body.dataset, status: document.getElementById('status').textContent })");
  if (state.cleaned !== "true" || state.error) throw new Error(`the page was not cleaned: ${state.status}`);
  await waitFor(() => page.evaluate((sel) => !document.querySelector(sel)?.checkVisibility(), CASES.seed.hidden.sponsored), Boolean);
  await new Promise((r) => setTimeout(r, 300)); // let the page lay itself out again
  const after = await shootPage();

  // The popup's page for that tab. The real popup above cannot be resized from outside (a headless
  // popup is 379x510 and scrolls), so its page is opened in a tab of its own as popup.html?tab=<id>, as
  // the Firefox end-to-end tests do: the same page, showing the same state (it never cleans twice).
  await cdp.send("Target.closeTarget", { targetId: popup.targetId });
  const tabId = await worker.evaluate(async (url) => {
    const tabs = await /** @type {any} */ (globalThis).chrome.tabs.query({});
    return (tabs.find((/** @type {any} */ t) => t.url === url) ?? tabs.find((/** @type {any} */ t) => t.active))?.id;
  }, page.url());
  if (tabId === undefined) throw new Error("the seed page's tab was not found");
  const popupPage = await context.newPage();
  await popupPage.setViewportSize({ width: 800, height: 1200 }); // room enough for no scrollbars
  await popupPage.goto(`${popupUrl}?tab=${tabId}`);
  await popupPage.waitForSelector("body[data-ready=true]");
  const again = await popupPage.evaluate(() => ({ ...document.body.dataset }));
  if (again.cleaned !== "true" || again.analyses !== state.analyses) throw new Error(`the popup's page shows another state: ${JSON.stringify(again)}`);
  const body = await popupPage.evaluate(() => document.body.getBoundingClientRect().toJSON());
  await popupPage.setViewportSize({ width: Math.ceil(body.right), height: Math.ceil(body.bottom) });
  await popupPage.screenshot({ path: path.join(OUT, "popup.png") });

  // Reader view: the popup's button opens it in a tab of its own.
  const opened = context.waitForEvent("page");
  await popupPage.click("#reader");
  const reader = await opened;
  await reader.setViewportSize(VIEWPORT);
  await reader.waitForSelector("body[data-ready=true]");
  await reader.screenshot({ path: path.join(OUT, "reader.png") });

  // Before and after, side by side, each whole (up to PAGE_CLIP_HEIGHT), at half size, captured from
  // a small page of their own.
  const px = (/** @type {number} */ n) => `${n.toLocaleString("en")} px`;
  const caption = (/** @type {number} */ h) => `${px(h)} long${h > PAGE_CLIP_HEIGHT ? `; the top ${px(PAGE_CLIP_HEIGHT)}` : ""}`;
  const img = (/** @type {Buffer} */ b) => `data:image/png;base64,${b.toString("base64")}`;
  const compose = await context.newPage();
  await compose.setViewportSize({ width: 1240, height: 200 });
  await compose.setContent(`<!doctype html><meta charset="utf-8">
    <style>
      body { margin: 0; padding: 16px; background: #e9e7f2; font: 15px/1.3 system-ui, sans-serif; color: #2a2140; }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
      figure { margin: 0; min-width: 0; }
      figcaption { margin: 0 0 8px; } figcaption b { display: block; font-size: 18px; }
      .pair > figure:first-child .frame { aspect-ratio: ${VIEWPORT.width} / ${Math.min(before.height, PAGE_CLIP_HEIGHT)}; }
      .pair > figure:last-child .frame { aspect-ratio: ${VIEWPORT.width} / ${Math.min(after.height, PAGE_CLIP_HEIGHT)}; }
      .frame { overflow: hidden; position: relative; border: 1px solid #b9b3cc; background: #fff; }
      .frame img { width: 100%; display: block; }
      .more::after { content: ""; position: absolute; inset: auto 0 0 0; height: 60px; background: linear-gradient(transparent, #e9e7f2); }
    </style>
    <div class="pair">
      <figure><figcaption><b>Before: the page as the site made it</b>${caption(before.height)}</figcaption>
        <div class="frame ${before.height > PAGE_CLIP_HEIGHT ? "more" : ""}"><img src="${img(before.png)}"></div></figure>
      <figure><figcaption><b>After one click on the Blockwise button</b>${caption(after.height)}</figcaption>
        <div class="frame ${after.height > PAGE_CLIP_HEIGHT ? "more" : ""}"><img src="${img(after.png)}"></div></figure>
    </div>`);
  await compose.waitForFunction(() => [...document.images].every((i) => i.complete));
  // The viewport as tall as the picture, so no scrollbar takes its share of the width.
  await compose.setViewportSize({ width: 1240, height: await compose.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)) });
  await compose.screenshot({ path: path.join(OUT, "page-before-after.png") });
  await compose.close();

  console.log(`wrote ${["page-before-after.png", "popup.png", "reader.png"].map((f) => path.join(OUT, f)).join(", ")}`);
} finally {
  await context.close();
  await server.close();
}
