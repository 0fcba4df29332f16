// @ts-check
/**
 * The popup: opening it (the toolbar click) cleans the page; it then shows a switch per kind with its
 * count, the hidden blocks (click one to peek at it, correct it), reader view, restore and auto-clean.
 * It works on the active tab, or on `?tab=<id>` when opened as a page.
 */

import { api } from "../common/api.js";
import { h, localize, t } from "../common/i18n.js";
import { Msg, send, sendToTab } from "../common/messages.js";
import { HIDEABLE_KINDS, loadSettings, siteOf, updateSettings } from "../common/settings.js";

/** @typedef {import("../common/messages.js").PageState} PageState */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const storage = api.storage.local;

/** @type {number} */
let tabId;
/** @type {URL | null} */
let pageUrl = null;
/** @type {PageState | null} */
let page = null;

async function targetTab() {
  const param = new URLSearchParams(location.search).get("tab");
  const tab = param ? await api.tabs.get(Number(param)) : (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) throw new Error("no tab");
  return tab;
}

/** @param {string} text @param {boolean} [isError] */
function status(text, isError = false) {
  const el = $("status");
  el.textContent = text;
  el.classList.toggle("error", isError);
}

async function showNotice() {
  const settings = await loadSettings(storage);
  $("notice").hidden = !settings.notice;
  if (settings.notice) $("notice-text").textContent = t(settings.notice);
}

/** @param {PageState} st */
async function render(st) {
  page = st;
  // The page's state, also read by the end-to-end tests.
  Object.assign(document.body.dataset, {
    cleaned: st.cleaned, engine: st.engine ?? "", analyses: st.analyses, error: st.error ?? "", tooLarge: st.tooLarge ?? "",
  });
  $("clean").hidden = st.cleaned;
  $("restore").hidden = !st.cleaned;
  if (st.tooLarge) status(t("popupTooLarge", st.tooLarge.toLocaleString()), true);
  else if (st.error) status(t("popupCoreError", st.error), true);
  else status(st.cleaned ? t("popupHiddenCount", st.hiddenCount) : t("popupNotCleaned"));

  const settings = await loadSettings(storage);
  const kinds = $("kinds");
  kinds.replaceChildren(
    ...HIDEABLE_KINDS.map((kind) => {
      const box = h("input", { type: "checkbox", "data-kind": kind });
      box.checked = st.hiddenKinds.includes(kind);
      box.addEventListener("change", () => setKind(kind, box.checked));
      return h("li", {}, [h("label", {}, [box, " ", t(`kind_${kind}`)]), h("span", { class: "count", "data-count": kind }, [String(st.counts[kind] ?? 0)])]);
    }),
  );
  /** @type {HTMLInputElement} */ ($("site-only")).checked = st.siteOverride;
  /** @type {HTMLInputElement} */ ($("auto-clean")).checked = Boolean(settings.sites[st.host]?.autoClean);

  const list = st.blocks.filter((b) => b.kind !== "article" && (b.hidden || b.user || b.kind));
  $("blocks").replaceChildren(
    ...(list.length ? list.map(blockItem) : [h("li", {}, [t("popupNoBlocks")])]),
  );
}

/** @param {PageState["blocks"][number]} b */
function blockItem(b) {
  const kindName = b.kind ? t(`kind_${b.kind}`) : t("kind_user");
  const peek = h("button", { class: "peek", "data-index": String(b.index) }, [
    h("span", { class: "meta" }, [kindName, " · ", t("popupConfidence", Math.round(b.confidence * 100))]),
    h("span", { class: "label" }, [b.label || "—"]),
  ]);
  peek.addEventListener("click", () => act(sendToTab(tabId, { type: Msg.PAGE_PEEK, index: b.index })));
  const action = b.user ? "undo" : b.hidden ? "show" : "hide";
  const label = { undo: "popupUndo", show: "popupWronglyHidden", hide: "popupShouldHide" }[action];
  const fix = h("button", { class: "correct", "data-action": action, "data-index": String(b.index) }, [t(label)]);
  fix.addEventListener("click", () => act(sendToTab(tabId, { type: Msg.PAGE_CORRECT, index: b.index, action }).then(render)));
  return h("li", { class: b.hidden ? "hidden" : "shown", "data-kind": b.kind }, [
    peek,
    h("span", { class: "reasons" }, [b.reasons.join("; ")]),
    " ",
    fix,
  ]);
}

/** Runs an action; failures land in the status line. @param {Promise<unknown>} p */
function act(p) {
  p.catch((e) => status(String(e?.message ?? e), true));
}

/** @param {string} kind @param {boolean} hidden */
async function setKind(kind, hidden) {
  if (!page) return;
  const host = page.host;
  const siteOnly = /** @type {HTMLInputElement} */ ($("site-only")).checked;
  /** @param {readonly string[]} list */
  const next = (list) => HIDEABLE_KINDS.filter((k) => (k === kind ? hidden : list.includes(k)));
  await updateSettings(storage, (s) => {
    if (siteOnly) siteOf(s, host).hiddenKinds = next(s.sites[host]?.hiddenKinds ?? s.hiddenKinds);
    else s.hiddenKinds = next(s.hiddenKinds);
  });
  await render(await sendToTab(tabId, { type: Msg.PAGE_SETTINGS }));
}

/** @param {boolean} on */
async function setSiteOnly(on) {
  if (!page) return;
  const host = page.host;
  await updateSettings(storage, (s) => {
    if (on) siteOf(s, host).hiddenKinds = [...(s.sites[host]?.hiddenKinds ?? s.hiddenKinds)];
    else delete siteOf(s, host).hiddenKinds;
  });
  await render(await sendToTab(tabId, { type: Msg.PAGE_SETTINGS }));
}

/** Auto-clean needs the site's host permission; ask first, in the click's own turn (user gesture). */
function onAutoClean() {
  const box = /** @type {HTMLInputElement} */ ($("auto-clean"));
  if (!pageUrl || !page) return;
  const host = page.host;
  const origins = [`${pageUrl.protocol}//${pageUrl.hostname}/*`];
  const asked = box.checked ? api.permissions.request({ origins }) : api.permissions.remove({ origins }).then(() => false);
  act(
    Promise.resolve(asked).then((granted) => {
      box.checked = Boolean(granted);
      return updateSettings(storage, (s) => {
        siteOf(s, host).autoClean = Boolean(granted);
      });
    }),
  );
}

async function main() {
  localize(document);
  const tab = await targetTab();
  tabId = /** @type {number} */ (tab.id);
  pageUrl = tab.url ? new URL(tab.url) : null;
  $("host").textContent = pageUrl?.hostname ?? "";
  await showNotice();
  $("notice-dismiss").addEventListener("click", () =>
    act(updateSettings(storage, (s) => { s.notice = null; }).then(showNotice)));
  $("site-only").addEventListener("change", (e) => act(setSiteOnly(/** @type {HTMLInputElement} */ (e.target).checked)));
  $("auto-clean").addEventListener("change", onAutoClean);
  $("restore").addEventListener("click", () => act(sendToTab(tabId, { type: Msg.PAGE_RESTORE }).then(render)));
  $("clean").addEventListener("click", () => act(send({ type: Msg.CLEAN_TAB, tabId }).then(render)));
  $("reader").addEventListener("click", () => act(send({ type: Msg.OPEN_READER, tabId }).then(() => window.close())));
  try {
    await render(await send({ type: Msg.CLEAN_TAB, tabId }));
  } catch (e) {
    status(t("popupCannotRun", String(/** @type {any} */ (e)?.message ?? e)), true);
    $("controls").hidden = true;
    document.body.dataset.cleaned = "false";
  }
  document.body.dataset.ready = "true";
}

main().catch((e) => status(String(e?.message ?? e), true));
