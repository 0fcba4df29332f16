// @ts-check
/**
 * The Chromium harness: Debian's chromium driven by playwright-core with the built extension loaded,
 * all traffic through the test server's proxy. The toolbar button is clicked for real with the
 * DevTools command `Extensions.triggerAction`, which opens the real popup; the popup is then driven
 * over a DevTools session attached to its target.
 */

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { distDir } from "./cases.mjs";
import { startServer } from "./server.mjs";
import { waitFor } from "./scenarios.mjs";

export const CHROMIUM = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";

/**
 * Chromium's flags with the unpacked extension in DIR loaded and `Extensions.triggerAction` allowed
 * (shared/DESIGN.md); also used by the benchmark (bench/run.mjs). @param {string} dir
 */
export const extensionArgs = (dir) => [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
  // Chromium's own calls home would show up in the request log next to the extension's.
  "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
  `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, "--enable-unsafe-extension-debugging",
];

/**
 * A copy of the unpacked extension in `dir` whose manifest requires its optional host permissions: an
 * unpacked extension loaded with --load-extension is granted the host permissions it requires, where an
 * optional one would need permissions.request's dialog, which nothing answers in a headless browser.
 * The options page's request for them then resolves true at once (prepare.test.mjs, bench/run.mjs).
 * @param {string} dir @returns {string} the copy, in a new temporary directory
 */
export function grantedCopy(dir) {
  const copy = mkdtempSync(path.join(os.tmpdir(), "blockwise-granted-"));
  cpSync(dir, copy, { recursive: true });
  const file = path.join(copy, "manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  manifest.host_permissions = manifest.optional_host_permissions;
  delete manifest.optional_host_permissions;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return copy;
}

/** @param {Function} fn @param {any} arg */
const expression = (fn, arg) => `(${fn.toString()})(${JSON.stringify(arg ?? null)})`;

/**
 * @param {{ dir?: string }} [opts] `dir`: another build of the extension to load (prepare.test.mjs
 *   loads a copy of dist/chromium granted the host permission)
 * @returns {Promise<import("./scenarios.mjs").Harness>}
 */
export async function launchChromium(opts = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: bash scripts/deps.sh installs chromium`);
  const dir = opts.dir ?? distDir("chromium");
  const server = await startServer();
  const context = await chromium.launchPersistentContext("", {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below: the new headless mode loads extensions
    args: [
      ...extensionArgs(dir),
      `--proxy-server=http://127.0.0.1:${server.port}`, "--proxy-bypass-list=<-loopback>",
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extensionId = new URL(worker.url()).host;
  const browser = /** @type {import("playwright-core").Browser} */ (context.browser());
  const cdp = await browser.newBrowserCDPSession();
  const page = context.pages()[0] ?? (await context.newPage());
  /** @type {import("playwright-core").Page | null} */
  let readerPage = null;

  /** @type {string | null} */
  let popupSession = null;
  let nextId = 1;
  /** @type {Map<number, (v: any) => void>} */
  const pending = new Map();
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    if (e.sessionId !== popupSession) return;
    const msg = JSON.parse(e.message);
    pending.get(msg.id)?.(msg);
    pending.delete(msg.id);
  });

  const targets = async () => (await cdp.send("Target.getTargets", { filter: [{}] })).targetInfos;
  const popupUrl = `chrome-extension://${extensionId}/popup/popup.html`;

  /** Evaluates in the popup over the attached session (awaits promises, returns by value). */
  async function popupEval(/** @type {Function} */ fn, /** @type {any} */ arg) {
    if (!popupSession) throw new Error("no popup is open");
    const id = nextId++;
    const reply = new Promise((resolve) => pending.set(id, resolve));
    await cdp.send("Target.sendMessageToTarget", {
      sessionId: popupSession,
      message: JSON.stringify({ id, method: "Runtime.evaluate", params: { expression: expression(fn, arg), awaitPromise: true, returnByValue: true } }),
    });
    const msg = /** @type {any} */ (await reply);
    if (msg.error) throw new Error(msg.error.message);
    if (msg.result.exceptionDetails) throw new Error(`in the popup: ${msg.result.exceptionDetails.exception?.description ?? msg.result.exceptionDetails.text}`);
    return msg.result.result.value;
  }

  async function closePopup() {
    for (const t of await targets()) if (t.url.startsWith(popupUrl)) await cdp.send("Target.closeTarget", { targetId: t.targetId }).catch(() => {}); // already closing
    popupSession = null;
  }

  return {
    name: "chromium",
    server,
    async goto(path, { eager = false } = {}) {
      await closePopup();
      await page.goto(server.origin + path, { waitUntil: eager ? "domcontentloaded" : "load" });
    },
    page: (fn, arg) => page.evaluate(/** @type {any} */ (fn), arg),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    // pageOnly (Firefox: do not open the popup's page in a tab) changes nothing here: the real popup
    // leaves the page in front.
    async clickAction({ waitMs } = {}) {
      await closePopup();
      const tab = (await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] })).targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
      const popup = await waitFor(async () => (await targets()).find((t) => t.url.startsWith(popupUrl)), Boolean);
      if (!popup) throw new Error("the toolbar button opened no popup");
      popupSession = (await cdp.send("Target.attachToTarget", { targetId: popup.targetId, flatten: false })).sessionId;
      const ready = await waitFor(() => popupEval(() => document.body?.dataset.ready ?? null).catch(() => null), (v) => v === "true", waitMs);
      if (ready !== "true") throw new Error("the popup did not finish loading");
    },
    popup: popupEval,
    async openReader() {
      const opened = context.waitForEvent("page");
      await popupEval(() => /** @type {HTMLButtonElement} */ (document.getElementById("reader")).click());
      readerPage = await opened;
      await readerPage.waitForSelector("body[data-ready=true]");
    },
    reader: (fn, arg) => {
      if (!readerPage) throw new Error("no reader view is open");
      return readerPage.evaluate(/** @type {any} */ (fn), arg);
    },
    async closeReader() {
      await readerPage?.close();
      readerPage = null;
    },
    ext: (fn, arg) => worker.evaluate(/** @type {any} */ (fn), arg),
    async clickOption(selector) {
      const options = await context.newPage();
      try {
        await options.goto(`chrome-extension://${extensionId}/options/options.html`);
        await options.waitForSelector("body[data-ready=true]");
        await options.evaluate(() => { delete document.body.dataset.ready; });
        await options.click(selector); // a real click: the page's handler runs with the user's gesture
        await options.waitForSelector("body[data-ready=true]");
        return await options.evaluate((sel) => /** @type {HTMLInputElement} */ (document.querySelector(sel)).checked, selector);
      } finally {
        await options.close();
      }
    },
    // A performance trace of the whole browser (all processes) into `path`, for measure-limits.mjs.
    startTrace: (path) => browser.startTracing(undefined, {
      path, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.gc", "blink.user_timing", "toplevel", ...(process.env.TRACE_CATEGORIES?.split(",") ?? [])],
    }),
    stopTrace: async () => {
      await browser.stopTracing();
    },
    async close() {
      await context.close();
      await server.close();
    },
  };
}
