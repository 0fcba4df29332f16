// @ts-check
/**
 * The reader view: a page of the extension built from the core's reader document
 * (docs/snapshot-format.md: title, byline, published, siteName, lang, dir, leadImage, content).
 * Everything is built with createElement / textContent (the body by ../common/reader-dom.js, which
 * checks tags and attributes again against the core's allowlist), so page-derived text is never
 * parsed as markup.
 */

import { api } from "../common/api.js";
import { localize, t } from "../common/i18n.js";
import { appendReaderContent, safeUrl } from "../common/reader-dom.js";
import { loadSettings, READER_FONT_SIZE_PX, updateSettings } from "../common/settings.js";

const FONT_STEP_PX = 1;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {import("../common/settings.js").ReaderSettings} r */
function applyTypography(r) {
  const root = document.documentElement;
  root.dataset.theme = r.theme;
  root.dataset.font = r.font;
  root.dataset.width = r.width;
  root.style.setProperty("--size", `${r.fontSize}px`);
  /** @type {HTMLSelectElement} */ ($("width")).value = r.width;
  /** @type {HTMLSelectElement} */ ($("font")).value = r.font;
  /** @type {HTMLSelectElement} */ ($("theme")).value = r.theme;
}

/** @param {(r: import("../common/settings.js").ReaderSettings) => void} change */
async function changeTypography(change) {
  const s = await updateSettings(api.storage.local, (s) => change(s.reader));
  applyTypography(s.reader);
}

/** @param {any} doc @param {string} pageUrl */
function render(doc, pageUrl) {
  const article = $("doc");
  article.setAttribute("dir", doc.dir === "rtl" ? "rtl" : "ltr");
  if (doc.lang) article.setAttribute("lang", String(doc.lang));
  document.title = String(doc.title || "Blockwise");
  $("title").textContent = String(doc.title ?? "");
  $("site").textContent = String(doc.siteName ?? "");
  $("byline").textContent = String(doc.byline ?? "");
  const published = $("published");
  published.textContent = String(doc.published ?? "");
  if (doc.published) published.setAttribute("datetime", String(doc.published));
  $("words").textContent = doc.words ? t("readerWords", doc.words) : "";
  const lead = doc.leadImage ? safeUrl(String(doc.leadImage), pageUrl) : null;
  if (lead) {
    $("lead-img").setAttribute("src", lead);
    $("lead").hidden = false;
  }
  appendReaderContent($("content"), doc.content, pageUrl);
}

async function main() {
  localize(document);
  const settings = await loadSettings(api.storage.local);
  applyTypography(settings.reader);
  const key = new URLSearchParams(location.search).get("doc") ?? "";
  const stored = key ? (await api.storage.session.get(key))[key] : undefined;

  $("back").addEventListener("click", async () => {
    if (stored?.tabId !== undefined) await api.tabs.update(stored.tabId, { active: true }).catch(() => {});
    const self = await api.tabs.getCurrent();
    if (self?.id !== undefined) await api.tabs.remove(self.id);
  });
  $("print").addEventListener("click", () => print());
  $("smaller").addEventListener("click", () =>
    changeTypography((r) => { r.fontSize = Math.max(READER_FONT_SIZE_PX.min, r.fontSize - FONT_STEP_PX); }));
  $("larger").addEventListener("click", () =>
    changeTypography((r) => { r.fontSize = Math.min(READER_FONT_SIZE_PX.max, r.fontSize + FONT_STEP_PX); }));
  for (const id of /** @type {const} */ (["width", "font", "theme"])) {
    $(id).addEventListener("change", (e) =>
      changeTypography((r) => { r[id] = /** @type {HTMLSelectElement} */ (e.target).value; }));
  }

  if (!stored?.doc) {
    $("doc").hidden = true;
    $("message").textContent = t("readerMissing");
    $("message").hidden = false;
    return;
  }
  render(stored.doc, stored.url);
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  $("message").textContent = String(e?.message ?? e);
  $("message").hidden = false;
});
