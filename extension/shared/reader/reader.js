// @ts-check
/**
 * The reader view: a page of the extension built from the core's reader document
 * (docs/snapshot-format.md: title, byline, published, siteName, lang, dir, leadImage, content).
 * Everything is built with createElement / textContent; tags and attributes are checked again
 * against the core's allowlist, so page-derived text is never parsed as markup.
 */

import { api } from "../common/api.js";
import { localize, t } from "../common/i18n.js";
import { loadSettings, READER_FONT_SIZE_PX, updateSettings } from "../common/settings.js";

/** The core's allowlist of tags and attributes (docs/snapshot-format.md). */
const ALLOWED_TAGS = new Set([
  "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "table",
  "thead", "tbody", "tr", "th", "td", "caption", "pre", "code", "em", "strong", "a", "br", "hr", "sub", "sup",
  "dl", "dt", "dd", "q", "cite", "small", "b", "i", "u", "s", "mark",
]);
const ALLOWED_ATTRS = new Set(["href", "src", "alt", "title", "colspan", "rowspan"]);
const URL_ATTRS = new Set(["href", "src"]);
/** Deeper reader trees are cut rather than risking the stack. */
const MAX_DEPTH = 200;
const FONT_STEP_PX = 1;

/** @param {string} value @param {string} base */
function safeUrl(value, base) {
  try {
    const u = new URL(value, base);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    if (u.protocol === "data:" && /^data:image\//i.test(value)) return value;
  } catch {
    // not a URL
  }
  return null;
}

/**
 * @param {any} node a ReaderNode @param {string} base @param {number} depth
 * @returns {Node | null}
 */
function build(node, base, depth) {
  if (typeof node === "string") return document.createTextNode(node);
  if (!node || typeof node !== "object" || depth > MAX_DEPTH) return null;
  const tag = String(node.t);
  if (!ALLOWED_TAGS.has(tag)) return null;
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(node.a ?? {})) {
    if (!ALLOWED_ATTRS.has(k)) continue;
    const value = URL_ATTRS.has(k) ? safeUrl(String(v), base) : String(v);
    if (value !== null) el.setAttribute(k, value);
  }
  if (tag === "a") el.setAttribute("rel", "noopener noreferrer");
  for (const c of Array.isArray(node.c) ? node.c : []) {
    const child = build(c, base, depth + 1);
    if (child) el.append(child);
  }
  return el;
}

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
  const content = $("content");
  for (const n of Array.isArray(doc.content) ? doc.content : []) {
    const el = build(n, pageUrl, 0);
    if (el) content.append(el);
  }
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
