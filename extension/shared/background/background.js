// @ts-check
/**
 * The background: a service worker in Chromium, an event page in Firefox (both ES modules).
 *
 * - Injects the content script into a tab (activeTab from the toolbar button, a shortcut or the
 *   context menu; a granted host permission for auto-clean) and relays the popup's requests.
 * - Owns the one hiding stylesheet of each tab (`scripting.insertCSS`, user origin: nothing is added
 *   to the page's DOM, and page styles cannot override it) and the badge.
 * - Runs the core for content scripts that may not compile Wasm (Chromium, strict-CSP pages).
 * - Opens the reader view with the document the content script built.
 * - Registers the preparing content script (content/prepare.js, "get pages ready before I click")
 *   while that setting is on and the optional host permission granted, and drops it otherwise.
 */

import { api } from "../common/api.js";
import { analyzeWire } from "../common/core.js";
import { Msg, READER_KEY_PREFIX, listen, sendToTab } from "../common/messages.js";
import { PREPARE_ORIGINS, SETTINGS_KEY, loadSettings, updateSettings } from "../common/settings.js";
import { WireAssembler, wireFromMessage } from "../common/wire.js";

/**
 * Waiting for the content module to answer after injection: the loader's result is the module's
 * loading, which executeScript awaits, so the first ping normally answers; these are the fallback.
 */
const INJECT_POLL_MS = 4;
const INJECT_TIMEOUT_MS = 5000;
const MENU_HIDE = "bw-hide-block";
const BADGE_COLOR = "#5a3fc0";
/** The id of the registered preparing content script. */
const PREPARE_SCRIPT = "bw-prepare";

/** Makes sure the content module runs in the tab's top frame. @param {number} tabId */
async function ensureInjected(tabId) {
  try {
    await sendToTab(tabId, { type: Msg.PAGE_PING });
    return;
  } catch {
    // not there yet
  }
  await api.scripting.executeScript({ target: { tabId }, files: ["content/loader.js"] });
  const deadline = Date.now() + INJECT_TIMEOUT_MS;
  for (;;) {
    try {
      await sendToTab(tabId, { type: Msg.PAGE_PING });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`the page did not answer: ${/** @type {Error} */ (e).message}`);
      await new Promise((r) => setTimeout(r, INJECT_POLL_MS));
    }
  }
}

/**
 * PAGE_CLEAN carries the settings, read here while the content script is injected, so the clean
 * never waits on storage (an await in the middle of a clean lets the page's queued tasks in).
 * @param {number} tabId
 */
async function cleanTab(tabId) {
  const settings = loadSettings(api.storage.local);
  settings.catch(() => {}); // the content script reads them itself then
  await ensureInjected(tabId);
  return sendToTab(tabId, { type: Msg.PAGE_CLEAN, settings: await settings.catch(() => undefined) });
}

/** Clean if not cleaned, else restore (the keyboard shortcut). @param {number} tabId */
async function toggleTab(tabId) {
  await ensureInjected(tabId);
  const st = await sendToTab(tabId, { type: Msg.PAGE_STATE });
  return st.cleaned ? sendToTab(tabId, { type: Msg.PAGE_RESTORE }) : cleanTab(tabId);
}

/** @param {number} tabId */
async function openReader(tabId) {
  await ensureInjected(tabId);
  const doc = await sendToTab(tabId, { type: Msg.PAGE_READER });
  const tab = await api.tabs.get(tabId);
  const key = `${READER_KEY_PREFIX}${crypto.randomUUID()}`;
  await api.storage.session.set({ [key]: { doc, tabId, url: tab.url ?? "" } });
  const url = api.runtime.getURL(`reader/reader.html?doc=${encodeURIComponent(key)}`);
  const created = await api.tabs.create({ url, index: tab.index + 1, openerTabId: tabId, windowId: tab.windowId });
  return { readerTabId: created.id };
}

/** @param {chrome.tabs.Tab | undefined} tab */
async function activeTabId(tab) {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) throw new Error("no active tab");
  return active.id;
}

/** @param {Promise<unknown>} p @param {string} what */
function report(p, what) {
  p.catch((e) => console.warn(`Blockwise: ${what} failed:`, e?.message ?? e));
}

/**
 * Large snapshots being sent in pieces, by transfer id. A frame sends one at a time: a new one from
 * the same frame drops an unfinished one (its page went away or its clean gave up).
 * @type {Map<string, { from: string, assembler: WireAssembler }>}
 */
const transfers = new Map();

/** The wire of an ANALYZE message: inline, or the pieces of a transfer. @param {any} msg */
function wireOf(msg) {
  if (msg.transfer === undefined) return wireFromMessage(msg.wire);
  const t = transfers.get(msg.transfer);
  transfers.delete(msg.transfer);
  if (!t) throw new Error("unknown snapshot transfer");
  return t.assembler.wire();
}

listen({
  [Msg.CLEAN_TAB]: (msg) => cleanTab(msg.tabId),
  [Msg.TOGGLE_TAB]: (msg) => toggleTab(msg.tabId),
  [Msg.OPEN_READER]: (msg) => openReader(msg.tabId),
  [Msg.ANALYZE]: async (msg) => {
    // Stamped on the wall clock both sides share (performance.timeOrigin + now()), so the content
    // script can split its round trip into sending, the work here, and the answer's way back.
    const received = performance.timeOrigin + performance.now();
    const result = await analyzeWire(wireOf(msg), Number(msg.mode));
    return { ...result, at: [received, performance.timeOrigin + performance.now()] };
  },
  [Msg.ANALYZE_START]: (msg, sender) => {
    const from = `${sender.tab?.id}/${sender.frameId}`;
    for (const [id, t] of transfers) if (t.from === from) transfers.delete(id);
    const id = crypto.randomUUID();
    transfers.set(id, { from, assembler: new WireAssembler(msg.header) });
    return id;
  },
  [Msg.ANALYZE_PART]: (msg) => {
    const t = transfers.get(msg.transfer);
    if (!t) throw new Error("unknown snapshot transfer");
    t.assembler.add(msg.part);
    return true;
  },
  [Msg.SET_STYLE]: async (msg, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error("SET_STYLE comes from a tab");
    const target = { tabId, frameIds: [sender.frameId ?? 0] };
    if (msg.insert) await api.scripting.insertCSS({ target, css: msg.insert, origin: "USER" });
    if (msg.remove) await api.scripting.removeCSS({ target, css: msg.remove, origin: "USER" });
    return true;
  },
  [Msg.SET_BADGE]: async (msg, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error("SET_BADGE comes from a tab");
    await api.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await api.action.setBadgeText({ tabId, text: msg.count ? String(msg.count) : "" });
    return true;
  },
});

api.runtime.onInstalled.addListener(() => {
  // Reads, migrates (or resets, with a notice) and writes back the stored settings on install and update.
  report(loadSettings(api.storage.local), "settings migration");
  report(
    Promise.resolve(api.contextMenus.removeAll()).then(() =>
      api.contextMenus.create({
        id: MENU_HIDE,
        title: api.i18n.getMessage("menuHideBlock"),
        contexts: ["page", "image", "link", "selection"],
      }),
    ),
    "context menu",
  );
});

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_HIDE || tab?.id === undefined) return;
  const tabId = tab.id;
  report(ensureInjected(tabId).then(() => sendToTab(tabId, { type: Msg.PAGE_HIDE_TARGET, targetElementId: /** @type {any} */ (info).targetElementId })), "hide from the context menu");
});

api.commands.onCommand.addListener((command, tab) => {
  if (command === "toggle-clean") report(activeTabId(tab).then(toggleTab), "clean/restore shortcut");
  if (command === "open-reader") report(activeTabId(tab).then(openReader), "reader shortcut");
});

// Auto-clean: sites the user switched on, once the page has loaded, if the permission is still granted.
api.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status !== "complete" || !tab.url || !/^https?:/.test(tab.url)) return;
  const url = new URL(tab.url);
  report(
    (async () => {
      const settings = await loadSettings(api.storage.local);
      if (!settings.sites[url.hostname]?.autoClean) return;
      if (!(await api.permissions.contains({ origins: [`${url.protocol}//${url.hostname}/*`] }))) return;
      await cleanTab(tabId);
    })(),
    "auto-clean",
  );
});

/* ---------- "get pages ready before I click" ---------- */

/** The last registration check; the next one waits for it (two at once could register twice). */
let prepareSync = Promise.resolve();

/**
 * Registers content/prepare.js on every http(s) page (top frames, once the page is idle: document_idle)
 * while the setting is on and the host permission granted; unregisters it otherwise. Asked at every
 * start of the background (persistAcrossSessions keeps the registration across browser restarts; this
 * check drops it if the permission went meanwhile), and whenever the setting or the permission changes.
 */
function syncPrepareScript() {
  prepareSync = prepareSync.then(async () => {
    const settings = await loadSettings(api.storage.local);
    const want = settings.prepare && (await api.permissions.contains({ origins: [...PREPARE_ORIGINS] }));
    const have = (await api.scripting.getRegisteredContentScripts({ ids: [PREPARE_SCRIPT] })).length > 0;
    if (want && !have) {
      await api.scripting.registerContentScripts([{
        id: PREPARE_SCRIPT, matches: [...PREPARE_ORIGINS], js: ["content/prepare.js"],
        runAt: "document_idle", allFrames: false, persistAcrossSessions: true,
      }]);
    } else if (!want && have) {
      await api.scripting.unregisterContentScripts({ ids: [PREPARE_SCRIPT] });
    }
  }).catch((e) => console.warn("Blockwise: preparing pages could not be set up:", e?.message ?? e));
  return prepareSync;
}

syncPrepareScript();
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && SETTINGS_KEY in changes) syncPrepareScript();
});
api.permissions.onAdded.addListener(() => syncPrepareScript());
api.permissions.onRemoved.addListener((removed) => {
  // The user took the access back (here or in the browser's own settings): the setting goes off with it.
  if (removed.origins?.some((o) => PREPARE_ORIGINS.includes(o))) {
    report(updateSettings(api.storage.local, (s) => { s.prepare = false; }).then(syncPrepareScript), "preparation off");
  } else {
    syncPrepareScript();
  }
});
