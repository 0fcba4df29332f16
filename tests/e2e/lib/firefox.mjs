// @ts-check
/**
 * The Firefox harness: Debian's firefox-esr driven by selenium-webdriver and geckodriver (started
 * with --allow-system-access, so the test may run code in the browser's privileged context), the
 * built extension installed as a temporary add-on, all traffic through the test server's proxy.
 * The toolbar button is clicked for real from the privileged context (the browser action's own
 * `triggerAction`, as a click does); the real popup cannot be scripted from outside, so the
 * popup's page is then opened in a tab for the given page's tab (`popup.html?tab=<id>`), where the
 * test clicks its switches and buttons.
 */

import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { distDir } from "./cases.mjs";
import { startServer } from "./server.mjs";
import { waitFor } from "./scenarios.mjs";

export const FIREFOX = process.env.FIREFOX_BIN ?? "/usr/bin/firefox-esr";
export const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");

/** Runs `fn(arg)` in the current window's page; selenium awaits a returned promise. */
const SCRIPT = "const [src, arg] = arguments; return (0, eval)('(' + src + ')')(arg);";

/** Privileged-context helpers (run with driver.setContext("chrome")). */
const CHROME_CLOSE_POPUPS = `
  const win = Services.wm.getMostRecentWindow("navigator:browser");
  let closed = 0;
  for (const panel of win.document.querySelectorAll("panel")) {
    if (panel.state === "open" || panel.state === "showing") { panel.hidePopup(); closed++; }
  }
  return closed;`;
// With a popup open, triggerAction only closes it (ext-browserAction.js), so close it first.
const CHROME_TRIGGER_ACTION = `
  const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
  const ext = ExtensionParent.GlobalManager.getExtension(arguments[0]);
  const win = Services.wm.getMostRecentWindow("navigator:browser");
  ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(win);
  return ExtensionParent.apiManager.global.tabTracker.getId(win.gBrowser.selectedTab);`;
const CHROME_EXTENSION_HOST = "return WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname;";

/**
 * @param {{ prefs?: Record<string, string | number | boolean> }} [opts] more preferences
 * @returns {Promise<import("./scenarios.mjs").Harness>}
 */
export async function launchFirefox(opts = {}) {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: bash scripts/deps.sh installs firefox-esr`);
  if (!existsSync(GECKODRIVER)) throw new Error(`${GECKODRIVER} is missing: bash scripts/deps.sh installs geckodriver`);
  const dir = distDir("firefox");
  const server = await startServer();
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless").setPageLoadStrategy("eager");
  for (const [k, v] of Object.entries({
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": server.port,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": server.port,
    "network.proxy.allow_hijacking_localhost": true, "network.proxy.no_proxies_on": "",
    // Firefox's own calls home would show up in the request log next to the extension's.
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "network.captive-portal-service.enabled": false, "network.connectivity-service.enabled": false,
    "browser.safebrowsing.update.enabled": false, "browser.safebrowsing.provider.mozilla.updateURL": "",
    "app.normandy.enabled": false, "extensions.update.enabled": false, "extensions.getAddons.cache.enabled": false,
    "browser.region.network.url": "", "browser.topsites.contile.enabled": false, "media.gmp-manager.url": "",
    // The popup is opened as a tab, which sends the page to the background; a real popup leaves it in
    // front. Timers of a background tab are throttled to once a second, which would hide what a page
    // feels while it is cleaned (limits.test.mjs, measure-limits.mjs watch the page's own timer).
    "dom.min_background_timeout_value": 4, "dom.timeout.enable_budget_timer_throttling": false,
    ...opts.prefs,
  })) options.setPreference(k, v);
  const service = new firefox.ServiceBuilder(GECKODRIVER)
    .addArguments("--allow-system-access")
    // Release builds ignore services.settings.server unless this is set (services-settings/Utils.sys.mjs).
    .setEnvironment({ ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" });
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  /** @type {string} */
  let extId;
  /** @type {string} */
  let extHost;
  try {
    extId = await driver.installAddon(dir, true);
    await driver.setContext("chrome");
    extHost = await driver.executeScript(CHROME_EXTENSION_HOST, extId);
    await driver.setContext("content");
  } catch (e) {
    await driver.quit();
    await server.close();
    throw e;
  }
  const pageHandle = await driver.getWindowHandle();
  /** @type {string | null} */ let popupHandle = null;
  /** @type {string | null} */ let readerHandle = null;

  /** @param {string} handle @param {Function} fn @param {any} arg */
  async function run(handle, fn, arg) {
    await driver.switchTo().window(handle);
    return driver.executeScript(SCRIPT, fn.toString(), arg ?? null);
  }
  async function closeTab(/** @type {string | null} */ handle) {
    if (handle && (await driver.getAllWindowHandles()).includes(handle)) {
      await driver.switchTo().window(handle);
      await driver.close();
    }
    await driver.switchTo().window(pageHandle);
  }
  /** Opens an extension page in a new tab and returns its handle. @param {string} rel */
  async function openExtensionTab(rel) {
    await driver.switchTo().newWindow("tab");
    await driver.get(`moz-extension://${extHost}/${rel}`);
    return driver.getWindowHandle();
  }

  return {
    name: "firefox",
    server,
    async goto(p, { eager = false } = {}) {
      await closeTab(popupHandle);
      popupHandle = null;
      await driver.get(server.origin + p);
      if (!eager) await waitFor(() => run(pageHandle, () => document.readyState), (s) => s === "complete");
    },
    page: (fn, arg) => run(pageHandle, fn, arg),
    async type(selector, text) {
      await driver.switchTo().window(pageHandle);
      await driver.findElement({ css: selector }).sendKeys(text);
    },
    async clickAction({ waitMs, pageOnly = false } = {}) {
      await closeTab(popupHandle);
      popupHandle = null;
      await driver.setContext("chrome");
      if (await driver.executeScript(CHROME_CLOSE_POPUPS)) await new Promise((r) => setTimeout(r, 100));
      const tabId = await driver.executeScript(CHROME_TRIGGER_ACTION, extId);
      await driver.setContext("content");
      if (pageOnly) return;
      popupHandle = await openExtensionTab(`popup/popup.html?tab=${tabId}`);
      const ready = await waitFor(() => run(/** @type {string} */ (popupHandle), () => document.body?.dataset.ready ?? null), (v) => v === "true", waitMs);
      if (ready !== "true") throw new Error("the popup did not finish loading");
    },
    popup: (fn, arg) => {
      if (!popupHandle) throw new Error("no popup is open");
      return run(popupHandle, fn, arg);
    },
    async openReader() {
      const before = new Set(await driver.getAllWindowHandles());
      await run(/** @type {string} */ (popupHandle), () => /** @type {HTMLButtonElement} */ (document.getElementById("reader")).click());
      const handles = await waitFor(async () => (await driver.getAllWindowHandles()).filter((x) => !before.has(x)), (a) => a.length > 0);
      if (!handles.length) throw new Error("the reader view did not open");
      readerHandle = handles[0];
      const ready = await waitFor(() => run(/** @type {string} */ (readerHandle), () => document.body?.dataset.ready ?? null), (v) => v === "true");
      if (ready !== "true") throw new Error("the reader view did not finish loading");
    },
    reader: (fn, arg) => {
      if (!readerHandle) throw new Error("no reader view is open");
      return run(readerHandle, fn, arg);
    },
    async closeReader() {
      await closeTab(readerHandle);
      readerHandle = null;
    },
    async ext(fn, arg) {
      const handle = await openExtensionTab("options/options.html");
      try {
        return await run(handle, fn, arg);
      } finally {
        await closeTab(handle);
      }
    },
    async clickOption(selector) {
      const handle = await openExtensionTab("options/options.html");
      try {
        await waitFor(() => run(handle, () => document.body?.dataset.ready ?? null), (v) => v === "true");
        await run(handle, () => { delete document.body.dataset.ready; });
        // A WebDriver click is the user's input: Firefox grants permissions.request only from one.
        await driver.findElement({ css: selector }).click();
        await waitFor(() => run(handle, () => document.body?.dataset.ready ?? null), (v) => v === "true");
        return await run(handle, (sel) => /** @type {HTMLInputElement} */ (document.querySelector(sel)).checked, selector);
      } finally {
        await closeTab(handle);
      }
    },
    async close() {
      await driver.quit();
      await server.close();
    },
  };
}
