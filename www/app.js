// @ts-check
/**
 * The Blockwise playground: renders a page in a sandboxed iframe (no scripts), walks it with the
 * extension's own walker, runs the Wasm core on the snapshot and shows the decisions.
 *
 * Served from the repository root (`make serve`), so it imports the `--target web` package from
 * ../pkg/ and the extension's walker, marks and reader-DOM builder from ../extension/shared/ — one
 * walker, one stylesheet rule set, one reader builder, the same numbering as the extension. Page-derived strings are only ever put
 * into the DOM with createElement / textContent (never innerHTML).
 */

import init, { analyze, version } from "../pkg/blockwise.js";
import { snapshotSubtree } from "../extension/shared/content/snapshot.js";
import { ATTR_KIND, hidingCss } from "../extension/shared/content/page-marks.js";
import { KINDS } from "../extension/shared/common/settings.js";
import { appendReaderContent, safeUrl } from "../extension/shared/common/reader-dom.js";

/** One colour per kind, for outlines, the legend and the list. */
const COLOURS = Object.freeze({
  article: "#2e7d32",
  related: "#1565c0",
  promotion: "#ef6c00",
  sponsored: "#c62828",
  navigation: "#6a1b9a",
  comments: "#00838f",
});
const ATTR_SELECTED = "data-blockwise-selected";
const STYLE_ID = "blockwise-playground-style";
/** The rendered page may not fetch anything unless "remote" is ticked. */
const OFFLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";
const LABEL_CHARS = 90;
const DEFAULT_URL = "https://example.com/pasted-page.html";

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const frame = /** @type {HTMLIFrameElement} */ ($("page"));
const sampleSelect = /** @type {HTMLSelectElement} */ ($("sample"));
const urlInput = /** @type {HTMLInputElement} */ ($("url"));
const remoteBox = /** @type {HTMLInputElement} */ ($("remote"));

/**
 * @typedef {{ el: Element, index: number, kind: string, confidence: number, reasons: string[] }} Block
 */

/** @type {Block[]} */
let blocks = [];
/** @type {Set<string>} kinds switched off */
const hidden = new Set();
/** @type {Block | null} */
let selected = null;
/** @type {{ html: string, url: string } | null} the page on show, to re-render when "remote" changes */
let current = null;
let loadToken = 0;

/** Small DOM helper: element with text content and attributes (values are set, never parsed). */
function h(/** @type {string} */ tag, /** @type {Record<string, string>} */ attrs = {}, /** @type {(Node|string)[]} */ kids = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const k of kids) el.append(k);
  return el;
}

function setState(/** @type {string} */ state) {
  document.body.dataset.state = state;
}

function showError(/** @type {string | null} */ message) {
  const p = $("error");
  p.hidden = !message;
  p.textContent = message ?? "";
}

/* ---------- loading a page into the sandbox ---------- */

/**
 * The srcdoc for a page: parsed (scripts never run: DOMParser documents are inert) and re-serialized,
 * with a CSP that blocks every fetch unless remote resources are allowed, and no meta refresh.
 * @param {string} html
 */
function prepare(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const m of doc.querySelectorAll("meta[http-equiv]")) {
    const eq = (m.getAttribute("http-equiv") ?? "").toLowerCase();
    if (eq === "refresh" || eq === "content-security-policy") m.remove();
  }
  if (!remoteBox.checked) {
    const csp = doc.createElement("meta");
    csp.setAttribute("http-equiv", "Content-Security-Policy");
    csp.setAttribute("content", OFFLINE_CSP);
    doc.head.prepend(csp);
  }
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : "";
  return doctype + doc.documentElement.outerHTML;
}

/** Renders `html` in the iframe and analyses it once loaded. @param {string} html @param {string} url */
async function loadPage(html, url) {
  const token = ++loadToken;
  current = { html, url };
  urlInput.value = url;
  setState("loading");
  showError(null);
  const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
  frame.srcdoc = prepare(html);
  await loaded;
  if (token !== loadToken) return; // a newer page replaced this one
  try {
    analyzeFrame(url);
    document.body.dataset.analyses = String(Number(document.body.dataset.analyses ?? 0) + 1);
    setState("ready");
  } catch (e) {
    showError(`Analysis failed: ${e instanceof Error ? e.message : String(e)}`);
    setState("error");
  }
}

async function loadSample(/** @type {any} */ sample) {
  setState("loading");
  try {
    const res = await fetch(sample.path);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    await loadPage(await res.text(), sample.url ?? DEFAULT_URL);
  } catch (e) {
    showError(`Could not load ${sample.path}: ${e instanceof Error ? e.message : String(e)}`);
    setState("error");
  }
}

/** @param {File} file */
async function loadFile(file) {
  sampleSelect.value = "";
  const url = urlInput.value && !current ? urlInput.value : `https://example.com/${encodeURIComponent(file.name)}`;
  await loadPage(await file.text(), url);
}

/* ---------- analysis ---------- */

/** Walks the iframe's document, runs the core, marks the blocks and renders the panels. @param {string} url */
function analyzeFrame(url) {
  const doc = /** @type {Document} */ (frame.contentDocument);
  const w0 = performance.now();
  const snap = snapshotSubtree(doc.documentElement); // <html> has no ancestors: the whole document
  const wire = { ...snap.wire, url };
  const t0 = performance.now();
  const result = analyze(wire.url, wire.strings, wire.names, wire.parents, wire.texts, wire.attrs, wire.flags, wire.rects, 1);
  const t1 = performance.now();

  blocks = [];
  selected = null;
  for (const b of result.blocks) {
    const el = snap.nodes[b.node];
    if (!el || el.nodeType !== Node.ELEMENT_NODE) continue;
    const element = /** @type {Element} */ (el);
    element.setAttribute(ATTR_KIND, b.kind);
    blocks.push({ el: element, index: b.node, kind: b.kind, confidence: b.confidence, reasons: [...b.reasons] });
  }

  const style = doc.createElement("style");
  style.id = STYLE_ID;
  (doc.head ?? doc.documentElement).append(style);
  updateStyle();
  doc.addEventListener("click", onFrameClick, true);
  doc.addEventListener("dragover", onDragOver);
  doc.addEventListener("drop", onDrop);

  $("timing").textContent =
    `classified in ${(t1 - t0).toFixed(1)} ms (walk ${(t0 - w0).toFixed(1)} ms, ${snap.nodes.length} nodes)`;
  $("timing").dataset.ms = String(t1 - t0);
  renderLegend();
  renderBlocks();
  renderDetails();
  renderReader(result.reader, url);
}

/** The one injected stylesheet: outlines per kind, the selected block, and the hidden kinds. */
function updateStyle() {
  const style = frame.contentDocument?.getElementById(STYLE_ID);
  if (!style) return;
  const outlines = KINDS.map(
    (k) => `[${ATTR_KIND}="${k}"] { outline: 2px solid ${COLOURS[k]} !important; outline-offset: -2px !important; }`,
  );
  style.textContent =
    `${outlines.join("\n")}\n` +
    `[${ATTR_KIND}] { cursor: pointer; }\n` +
    `[${ATTR_SELECTED}][${ATTR_SELECTED}] { outline-width: 4px !important; outline-style: double !important;` +
    ` box-shadow: inset 0 0 0 100vmax rgba(255, 214, 0, .16) !important; }\n` +
    hidingCss([...hidden]);
}

/* ---------- panels ---------- */

function renderLegend() {
  const legend = $("legend");
  legend.replaceChildren();
  for (const kind of KINDS) {
    const count = blocks.filter((b) => b.kind === kind).length;
    const box = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", "aria-label": `show ${kind}` }));
    box.checked = !hidden.has(kind);
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(kind);
      else hidden.add(kind);
      li.classList.toggle("off", !box.checked);
      updateStyle();
    });
    const li = h("li", { "data-kind": kind }, [
      h("label", {}, [
        box,
        h("span", { class: "swatch", style: `--kind: ${COLOURS[kind]}` }),
        h("span", { class: "name" }, [kind]),
        h("span", { class: "count" }, [String(count)]),
      ]),
    ]);
    li.classList.toggle("off", hidden.has(kind));
    legend.append(li);
  }
}

/** A short label for a block: its tag and the start of its text. @param {Element} el */
function labelOf(el) {
  const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS)}…` : text;
}

/** @param {Element} el */
function tagOf(el) {
  let s = el.localName;
  if (el.id) s += `#${el.id}`;
  const cls = (el.getAttribute("class") ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
  if (cls.length) s += `.${cls.join(".")}`;
  return s;
}

function renderBlocks() {
  const list = $("blocks");
  list.replaceChildren();
  $("block-count").textContent = `(${blocks.length})`;
  blocks.forEach((b, i) => {
    const button = h("button", { type: "button", class: "block", "data-kind": b.kind, "data-i": String(i) }, [
      h("span", { class: "chip", style: `--kind: ${COLOURS[b.kind] ?? "#777"}` }, [b.kind]),
      h("span", { class: "conf" }, [`${Math.round(b.confidence * 100)}%`]),
      h("code", { class: "tag" }, [tagOf(b.el)]),
      h("span", { class: "label" }, [labelOf(b.el) || "(no text)"]),
    ]);
    button.addEventListener("click", () => select(b, true));
    list.append(h("li", {}, [button]));
  });
}

function renderDetails() {
  const box = $("details");
  box.replaceChildren();
  if (!selected) {
    box.append(h("p", { class: "hint" }, ["Click a block in the page or in the list below."]));
    return;
  }
  const b = selected;
  const reasons = h("ul", { class: "reasons" });
  for (const r of b.reasons) reasons.append(h("li", {}, [r]));
  if (!b.reasons.length) reasons.append(h("li", { class: "hint" }, ["(no reasons given)"]));
  box.append(
    h("p", { class: "headline" }, [
      h("span", { class: "chip", style: `--kind: ${COLOURS[b.kind] ?? "#777"}` }, [b.kind]),
      " confidence ",
      h("strong", { class: "confidence" }, [b.confidence.toFixed(2)]),
      hidden.has(b.kind) ? h("span", { class: "hint" }, [" (hidden)"]) : "",
    ]),
    h("p", { class: "where" }, [h("code", {}, [tagOf(b.el)]), ` · node ${b.index}`]),
    h("p", { class: "excerpt" }, [labelOf(b.el) || "(no text)"]),
    h("h3", {}, ["Reasons"]),
    reasons,
  );
}

/** @param {Block} b @param {boolean} scroll */
function select(b, scroll) {
  selected?.el.removeAttribute(ATTR_SELECTED);
  selected = b;
  b.el.setAttribute(ATTR_SELECTED, "");
  if (scroll) b.el.scrollIntoView({ block: "start", behavior: "smooth" });
  for (const li of $("blocks").querySelectorAll(".block.current")) li.classList.remove("current");
  const i = blocks.indexOf(b);
  const item = $("blocks").querySelector(`.block[data-i="${i}"]`);
  item?.classList.add("current");
  if (!scroll) item?.scrollIntoView({ block: "nearest" });
  renderDetails();
}

/** Clicks inside the rendered page choose a block; links never navigate the sandbox. @param {MouseEvent} e */
function onFrameClick(e) {
  const target = /** @type {any} */ (e.target);
  if (!target || typeof target.closest !== "function") return;
  e.preventDefault();
  const el = target.closest(`[${ATTR_KIND}]`);
  const b = el && blocks.find((x) => x.el === el);
  if (b) select(b, false);
}

/* ---------- reader preview ---------- */

/** @param {any} reader @param {string} base */
function renderReader(reader, base) {
  const box = $("reader");
  box.replaceChildren();
  if (!reader) {
    box.append(h("p", { class: "hint" }, ["The core found no article to build a reader view from."]));
    return;
  }
  box.setAttribute("dir", reader.dir === "rtl" ? "rtl" : "ltr");
  if (reader.lang) box.setAttribute("lang", String(reader.lang));
  else box.removeAttribute("lang");
  if (reader.siteName) box.append(h("p", { class: "site" }, [String(reader.siteName)]));
  box.append(h("h1", {}, [String(reader.title ?? "")]));
  const meta = [reader.byline, reader.published].filter(Boolean).map(String);
  meta.push(`${reader.words} words`);
  box.append(h("p", { class: "meta" }, [meta.join(" · ")]));
  if (reader.excerpt) box.append(h("p", { class: "excerpt" }, [String(reader.excerpt)]));
  const lead = reader.leadImage ? safeUrl(String(reader.leadImage), base) : null;
  if (lead && remoteBox.checked) box.append(h("img", { class: "lead", src: lead, alt: "" }));
  const body = h("div", { class: "content" });
  // Links open outside the sandbox; without "remote" an image is its alt text, and nothing is fetched.
  const imagePlaceholder = remoteBox.checked ? undefined : (/** @type {string} */ alt) => h("span", { class: "img-placeholder" }, [`[image${alt ? `: ${alt}` : ""}]`]);
  appendReaderContent(body, reader.content, base, { newTab: true, imagePlaceholder });
  box.append(body);
}

/* ---------- input: samples, paste, drop ---------- */

/** @param {DragEvent} e */
function onDragOver(e) {
  if (!e.dataTransfer || ![...e.dataTransfer.types].includes("Files")) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
  $("drop").hidden = false;
}

/** @param {DragEvent} e */
function onDrop(e) {
  e.preventDefault();
  $("drop").hidden = true;
  const file = e.dataTransfer?.files[0];
  if (file) loadFile(file);
}

async function main() {
  setState("starting");
  await init();
  $("version").textContent = `core ${version()}`;

  /** @type {any[]} */
  const samples = await (await fetch("samples.json")).json();
  sampleSelect.append(h("option", { value: "" }, ["(your own page)"]));
  for (const s of samples) sampleSelect.append(h("option", { value: s.id }, [s.label ?? s.id]));
  sampleSelect.addEventListener("change", () => {
    const s = samples.find((x) => x.id === sampleSelect.value);
    if (s) {
      history.replaceState(null, "", `#sample=${encodeURIComponent(s.id)}`);
      loadSample(s);
    }
  });

  const dialog = /** @type {HTMLDialogElement} */ ($("paste-dialog"));
  const text = /** @type {HTMLTextAreaElement} */ ($("paste-text"));
  $("paste-open").addEventListener("click", () => dialog.showModal());
  dialog.addEventListener("close", () => {
    if (dialog.returnValue !== "ok" || !text.value.trim()) return;
    sampleSelect.value = "";
    loadPage(text.value, urlInput.value || DEFAULT_URL);
  });
  $("file").addEventListener("change", (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    if (input.files?.[0]) loadFile(input.files[0]);
    input.value = "";
  });
  window.addEventListener("dragover", onDragOver);
  window.addEventListener("dragleave", (e) => {
    if (!e.relatedTarget) $("drop").hidden = true;
  });
  window.addEventListener("drop", onDrop);
  urlInput.addEventListener("change", () => {
    if (current) loadPage(current.html, urlInput.value || DEFAULT_URL);
  });
  remoteBox.addEventListener("change", () => {
    if (current) loadPage(current.html, current.url);
  });

  const wanted = new URLSearchParams(location.hash.slice(1)).get("sample");
  const first = samples.find((s) => s.id === wanted) ?? samples[0];
  if (first) {
    sampleSelect.value = first.id;
    await loadSample(first);
  }
}

main().catch((e) => {
  showError(`The playground could not start: ${e instanceof Error ? e.message : String(e)}`);
  setState("error");
});
