// @ts-check
/**
 * `make bench PAGES=DIR OUT=FILE [LIMIT=N] [REPS=N]`: the built extension (dist/chromium) in headless
 * Chromium against Readability.js 0.6.0, on the same pages, in the same tab, in one run.
 *
 * - Serves every `*.html` / `*.html.gz` of DIR from 127.0.0.1 with the page's scripts removed (script
 *   elements except ld+json, on* attributes, meta refresh and CSP) and a `script-src 'none' 'wasm-unsafe-eval'`
 *   CSP as a safety net; every request to any other origin is aborted.
 * - Sets the extension's settings so every kind but `article` is hidden.
 * - Per page: clicks the toolbar button exactly as the e2e tests do (DevTools `Extensions.triggerAction`
 *   opens the real popup, which sends CLEAN_TAB → background injects the content script → PAGE_CLEAN),
 *   once as a warm-up and REPS more times (restored in between with PAGE_RESTORE, as the popup's
 *   *Show everything* does); the times are the content script's own (PageState.timings), medians.
 * - Then runs Readability.js on `document.cloneNode(true)` in the page, warm-up + REPS, timing the
 *   clone and `parse()` apart.
 * - Then inserts one late widget (a related-links box, after the story) into the cleaned page, warm-up +
 *   REPS times (removed in between), and reads what the content script's late-content path took from
 *   PageState.timings.late: `ms.late` (its own work, from the batch's start to the widget's marks
 *   written) and `ms.late_wait` (from the mutation being seen to the batch's start: the deliberate batch
 *   delay), medians; `late_kind` is the kind the widget got (else that of the first block inside it).
 * - Then, with "get pages ready before I click" switched on (the extension is loaded as a copy whose
 *   manifest requires the host permission, so it is granted without a dialog; the setting is on only for
 *   this step, so every figure above is measured as before): REPS times, loads the page afresh, waits
 *   until the content script reports its preparation over, and clicks (no warm-up: each is the first
 *   click on a freshly loaded page, as a user's is). `prepared.ms` holds that click's figures (medians),
 *   `prepared.cost` what the preparation itself held the page's thread for (PageState.prepared.timings),
 *   `prepared.used` how many clicks found the page prepared (a page left alone, e.g. over 25,000 nodes,
 *   is cleaned as usual and counted as such).
 * - Writes one JSON line per page to OUT (fields: docs/benchmarks.md); a failing page gets `error`.
 *
 * Also `node bench/run.mjs --pages DIR --out FILE [--limit N] [--reps N]`.
 */

import { createServer } from "node:http";
import { existsSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { HIDEABLE_KINDS, defaultSettings } from "../extension/shared/common/settings.js";
import { Msg } from "../extension/shared/common/messages.js";
import { BACKGROUND_NODES } from "../extension/shared/common/wire.js";
import { CHROMIUM, extensionArgs, grantedCopy } from "../tests/e2e/lib/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PAGE_TIMEOUT_MS = 30_000;
const POLL_MS = 2;
const PREPARE_TIMEOUT_MS = 15_000;
/** The strict-CSP pages' policy: no 'wasm-unsafe-eval', so no Wasm in the content script (Chromium). */
const STRICT_CSP = "script-src 'self'";

/* ---------- arguments ---------- */

/**
 * `--steps all` (the default) measures everything below; `--steps quality` only what `make score`'s quality
 * figures need (the clicks, the reader, Readability.js's text and `parse()`), skipping the late widget, the
 * toggles, the strict-CSP page and the prepared click: about a third of the time per page, for a whole set
 * (e.g. all 1,497 WCXB dev pages). Its lines have no `late`, `toggle`, `strict` or `prepared` figures.
 */
const STEPS = ["all", "quality"];

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) throw new Error(`usage: node bench/run.mjs --pages DIR --out FILE [--limit N] [--reps N] [--steps all|quality] (at ${argv[i]})`);
    a[m[1]] = argv[++i];
  }
  if (!a.pages || !a.out) throw new Error("usage: node bench/run.mjs --pages DIR --out FILE [--limit N] [--reps N] [--steps all|quality]");
  const steps = a.steps ?? "all";
  if (!STEPS.includes(steps)) throw new Error(`--steps must be one of ${STEPS.join(", ")}, not ${steps}`);
  return { pages: a.pages, out: a.out, limit: Number(a.limit || 0), reps: Math.max(1, Number(a.reps || 5)), steps };
}

/* ---------- pages, served without their scripts ---------- */

/** Page files of DIR, sorted, as {id, file}. @param {string} dir */
export function listPages(dir) {
  const pages = readdirSync(dir)
    .filter((f) => /\.html(\.gz)?$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.html(\.gz)?$/, ""), file: path.join(dir, f) }));
  // A link left dangling (its target moved) would be served as "not found" and measured as a page.
  const missing = pages.filter((p) => !existsSync(p.file));
  if (missing.length) {
    throw new Error(`${missing.length} of ${pages.length} page files in ${dir} are missing or dangling links (first: ${missing[0].file}); stage the set again with bench/stage.sh`);
  }
  return pages;
}

/**
 * Removes what would run: script elements (but ld+json, which is data), on* attributes, meta refresh;
 * unwraps <noscript> (its content is what the page shows without scripts);
 * and a page's own CSP meta (the server's header is the policy, so every page runs the core the same way).
 * Works on the bytes read as latin1, so any ASCII-compatible encoding passes through unchanged.
 * @param {string} html
 */
export function stripScripts(html) {
  return html
    // One pass, so a kept ld+json element keeps its opening tag (a second pass over stray openers once
    // removed it and turned its JSON into visible page text). An unterminated script runs to the end
    // of the file, as a browser reads it.
    .replace(/<script\b([^>]*)>[\s\S]*?(?:<\/script\s*>|$)/gi, (m, attrs) =>
      /application\/ld\+json/i.test(attrs) && /<\/script\s*>$/i.test(m) ? m : "")
    // With its scripts gone the page shows what it keeps for browsers without them: <noscript> content
    // (Discourse forums print their whole thread there), as the native parser reads it.
    .replace(/<\/?noscript\b[^>]*>/gi, "")
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?(refresh|content-security-policy)[^>]*>/gi, "")
    .replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ""));
}

/**
 * The page's Content-Type. Bytes that are valid UTF-8 are served as UTF-8 whatever the page's own
 * `<meta charset>` says: the shared sets were saved as decoded text (every page file of WCXB dev, L3S-GN1
 * and the Readability pages is valid UTF-8) and kept their original declaration (iso-8859-1 on a third
 * of L3S, gb2312, windows-1252), which the browser would otherwise obey and read the text as mojibake
 * ("donâ€™t"), where the native path and the ground truths read UTF-8. The original server's header,
 * which we do not have, said what the saved bytes are; a header's charset takes precedence over the
 * page's `<meta>`, as it did there. Other bytes keep the page's `<meta>` (or the browser's default).
 * @param {Buffer} bytes
 */
export function contentType(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text/html; charset=utf-8";
  } catch {
    return "text/html";
  }
}

/**
 * A page file as served: its scripts stripped, its headers. `strict`: the CSP without
 * 'wasm-unsafe-eval' (Chromium then classifies the snapshot in the background).
 * @param {string} file @param {boolean} strict
 */
export function servedPage(file, strict) {
  let bytes = readFileSync(file);
  if (file.endsWith(".gz")) bytes = gunzipSync(bytes);
  const body = Buffer.from(stripScripts(bytes.toString("latin1")), "latin1");
  const headers = {
    "content-type": contentType(body),
    "content-security-policy": strict ? STRICT_CSP : "script-src 'none' 'wasm-unsafe-eval'",
    "cache-control": "no-store",
  };
  return { body, headers };
}

/** @type {Map<string, Map<string, string>>} a set's url-mapping.txt, read once */
const urlMappings = new Map();

/**
 * The address a page of a shared set was published at, when the set says it: WCXB's ground truth
 * (`html/ID.html.gz` → `ground-truth/ID.json`'s `url`), L3S-GN1's `url-mapping.txt` (`original/UUID.html`);
 * else null. The link staged into the bench's folder is followed to its file. The native path reads
 * WCXB pages with this address: the core compares links' hosts with the page's (a box of links to
 * the page's own site reads otherwise than one to other sites) and knows a forum by its address.
 * @param {string} file
 */
export function pageAddress(file) {
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  const dir = path.dirname(real), set = path.dirname(dir), name = path.basename(real);
  /** @param {unknown} u */
  const valid = (u) => (typeof u === "string" && /^https?:\/\/[^/]/i.test(u) ? new URL(u).href : null);
  try {
    if (path.basename(dir) === "html") {
      const truth = path.join(set, "ground-truth", name.replace(/\.html(\.gz)?$/, ".json"));
      return existsSync(truth) ? valid(JSON.parse(readFileSync(truth, "utf8")).url) : null;
    }
    if (path.basename(dir) === "original" && existsSync(path.join(set, "url-mapping.txt"))) {
      let map = urlMappings.get(set);
      if (!map) {
        map = new Map();
        for (const line of readFileSync(path.join(set, "url-mapping.txt"), "utf8").split("\n")) {
          const m = /^<urn:uuid:([^>]+)>\s+(\S+)/.exec(line);
          if (m) map.set(m[1], m[2]);
        }
        urlMappings.set(set, map);
      }
      return valid(map.get(name.replace(/\.html$/, "")));
    }
  } catch {
    return null;
  }
  return null;
}

/** An address as the route handler matches it: without its scheme (an HSTS upgrade) and fragment. @param {string} u */
const addressKey = (u) => u.replace(/^https?:/i, "").split("#")[0];

/** @param {Map<string, string>} files id → path */
export async function startServer(files) {
  const server = createServer((req, res) => {
    // /p/ID.html: the CSP lets the content script compile the Wasm; /s/ID.html: a strict one that
    // does not (Chromium then classifies the snapshot in the background).
    const m = /^\/([ps])\/([^/?]+)\.html$/.exec(req.url ?? "");
    const file = m && files.get(decodeURIComponent(m[2]));
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    try {
      const { body, headers } = servedPage(file, m[1] === "s");
      res.writeHead(200, headers).end(body);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const addr = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { server, origin: `http://127.0.0.1:${addr.port}` };
}

/* ---------- numbers ---------- */

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round = (/** @type {number} */ x) => Math.round(x * 1000) / 1000;

/* ---------- the browser ---------- */

export async function launch(/** @type {string} */ origin) {
  // BENCH_EXTENSION_DIR: another build of the extension (an older content script, for a before/after).
  const dir = process.env.BENCH_EXTENSION_DIR ?? path.join(ROOT, "dist/chromium");
  if (!existsSync(path.join(dir, "manifest.json"))) throw new Error("dist/chromium is missing: bash scripts/build-wasm.sh && bash scripts/build-extension.sh");
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  // Granted the host permission "get pages ready before I click" asks for (`measurePrepared`).
  const granted = grantedCopy(dir);
  const context = await chromium.launchPersistentContext("", {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below: the new headless mode loads extensions
    // BENCH_CHROMIUM_ARGS: extra flags for an experiment (e.g. V8's --js-flags), never for the figures.
    args: [...extensionArgs(granted), ...(process.env.BENCH_CHROMIUM_ARGS?.split(" ").filter(Boolean) ?? [])],
  });
  context.on("close", () => rmSync(granted, { recursive: true, force: true }));
  // Only the page server answers, and the harness itself for a page served at its own address (the
  // document alone); everything else on the network is aborted.
  /** The page served at its own address now (`key`: its addressKey; empty: none). */
  const hosted = { key: "", file: "", strict: false };
  await context.route("**/*", (route) => {
    const req = route.request();
    const url = req.url();
    if (hosted.key && req.resourceType() === "document" && addressKey(url) === hosted.key) {
      try {
        const { body, headers } = servedPage(hosted.file, hosted.strict);
        return route.fulfill({ status: 200, headers, body });
      } catch (e) {
        return route.fulfill({ status: 500, contentType: "text/plain", body: String(e) });
      }
    }
    if (!/^(https?|wss?):/.test(url) || url.startsWith(origin + "/")) return route.continue();
    return route.abort();
  });
  /**
   * Where the page is loaded: at its own address when it has one (served by the route above), else
   * from the local server. `strict`: with the strict CSP. @param {{ id: string, file: string, address: string | null }} p @param {boolean} strict
   */
  function pageUrl(p, strict) {
    if (!p.address) return `${origin}/${strict ? "s" : "p"}/${encodeURIComponent(p.id)}.html`;
    Object.assign(hosted, { key: addressKey(p.address), file: p.file, strict });
    return p.address;
  }
  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extensionId = new URL(worker.url()).host;
  const browser = /** @type {import("playwright-core").Browser} */ (context.browser());
  const cdp = await browser.newBrowserCDPSession();
  const page = context.pages()[0] ?? (await context.newPage());
  const popupUrl = `chrome-extension://${extensionId}/popup/popup.html`;

  /** Evaluates in the background (a new handle if the service worker was restarted). @param {Function} fn @param {any} arg */
  async function inWorker(fn, arg) {
    try {
      return await worker.evaluate(/** @type {any} */ (fn), arg);
    } catch (e) {
      if (!/closed|destroyed|detached/i.test(String(e))) throw e;
      worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
      return worker.evaluate(/** @type {any} */ (fn), arg);
    }
  }

  const tabId = await inWorker(async () => (await chrome.tabs.query({}))[0]?.id);

  /** Sends a page message to the content script, as the popup and background do. @param {string} type */
  const askPage = (type) =>
    inWorker(async ([id, t]) => {
      const r = await chrome.tabs.sendMessage(id, { type: t });
      if (!r) throw new Error("no answer");
      if (!r.ok) throw new Error(r.error);
      return r.value;
    }, [tabId, type]);

  const targets = async () => (await cdp.send("Target.getTargets", { filter: [{}] })).targetInfos;
  async function closePopup() {
    for (const t of await targets()) if (t.url.startsWith(popupUrl)) await cdp.send("Target.closeTarget", { targetId: t.targetId }).catch(() => {});
  }

  /** The toolbar click; resolves when the page says it is cleaned, with its state and the wall clock. */
  async function click() {
    await closePopup();
    const tab = (await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] })).targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    const t0 = performance.now();
    await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
    const deadline = t0 + PAGE_TIMEOUT_MS;
    for (;;) {
      const st = await askPage(Msg.PAGE_STATE).catch(() => null); // not injected yet
      if (st?.error) throw new Error(`the classifier failed: ${st.error}`);
      if (st?.cleaned && st.timings) return { state: st, wall: performance.now() - t0 };
      if (performance.now() > deadline) throw new Error("the page was not cleaned in time");
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Whether the preparing content script is registered now. */
  const registered = () => inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.id === "bw-prepare"));

  /**
   * Switches "get pages ready before I click" on or off (`settings` with `prepare`), as the options page
   * does, and waits for the background to (un)register its content script. False if it never does (a
   * build from before the setting). @param {object} settings @param {boolean} on
   */
  async function setPrepare(settings, on) {
    await inWorker((s) => chrome.storage.local.set({ settings: s }), { ...settings, prepare: on });
    const deadline = performance.now() + 5000;
    while ((await registered()) !== on) {
      if (performance.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  /** Waits until the freshly loaded page's preparation is over; its PageState. */
  async function prepared() {
    // Two idle waits of at most 2 s each, the Wasm's compilation, the walk and the core: far less than this.
    const deadline = performance.now() + PREPARE_TIMEOUT_MS;
    for (;;) {
      const st = await askPage(Msg.PAGE_STATE).catch(() => null); // not loaded yet
      if (st?.prepared && !["waiting", "running"].includes(st.prepared.state)) return st;
      if (performance.now() > deadline) throw new Error(`the page was not prepared in time (${st?.prepared?.state ?? "no content script"})`);
      // Not every 2 ms: each question is a task on the page's thread while it is being prepared.
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return { context, page, inWorker, askPage, click, closePopup, setPrepare, prepared, pageUrl, canPrepare: true };
}

/* ---------- one page ---------- */

/**
 * Whether a click expected to run the core in the content script ran it in the background because the
 * page is that large (content.js sends a snapshot of over wire.js's BACKGROUND_NODES nodes there, to keep the
 * page's thread free): the page's elements and text nodes are counted, an upper bound of the snapshot's.
 * @param {Awaited<ReturnType<typeof launch>>} b @param {string} expected @param {string} ran
 */
async function sentForItsSize(b, expected, ran) {
  if (expected !== "content" || ran !== "background") return false;
  const nodes = await b.page.evaluate(() => {
    const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let n = 1;
    while (w.nextNode()) n++;
    return n;
  });
  return nodes > BACKGROUND_NODES;
}

/**
 * A warm-up click and `reps` timed ones, restored in between; the core must have run in `engine` (or, for
 * "content", in the background when the page is over content.js's size limit for running it in the page).
 * Times per phase (and the background's split, when it ran there), the warm-up's apart as `first`.
 * @param {Awaited<ReturnType<typeof launch>>} b @param {number} reps @param {"content" | "background"} engine
 */
async function clicks(b, reps, engine) {
  const outerHtml = () => b.page.evaluate(() => document.documentElement.outerHTML);
  // Undo must be exact: each restore gives back the page's outerHTML as it was before the first click.
  const original = await outerHtml();
  const restores = { done: 0, exact: 0 };
  /** @type {Record<string, number[]>} */
  const t = { total: [], snapshot: [], classify: [], apply: [] };
  /** @type {Record<string, number[]>} */
  const background = { bytes: [], send: [], classify: [], return: [], total: [] };
  const walls = [];
  let state = null;
  /** @type {Record<string, number>} */
  let first = {};
  for (let i = 0; i <= reps; i++) {
    if (i > 0) {
      await b.askPage(Msg.PAGE_RESTORE);
      restores.done++;
      if ((await outerHtml()) === original) restores.exact++;
    }
    const r = await b.click();
    state = r.state;
    if (state.engine !== engine && !(await sentForItsSize(b, engine, state.engine))) throw new Error(`the core ran in the ${state.engine}, not the ${engine}`);
    if (i === 0) {
      // warm-up: injection, module loading, Wasm compilation, cold JIT; kept apart as `first`
      first = Object.fromEntries(Object.keys(t).map((k) => [k, round(r.state.timings[k])]));
      continue;
    }
    walls.push(r.wall);
    for (const k of Object.keys(t)) t[k].push(r.state.timings[k]);
    const bg = r.state.timings.background;
    if (bg) for (const k of Object.keys(background)) if (typeof bg[k] === "number") background[k].push(bg[k]);
  }
  await b.closePopup();
  return { t, first, state: /** @type {any} */ (state), walls, background, restores, original, outerHtml };
}

/**
 * Toggles one kind (related) off and on again `reps` times, as the popup's switch does (settings
 * written, then PAGE_SETTINGS); returns the content script's `timings.toggle` of each change: from
 * the event that brought it to the page hiding the new choice.
 * @param {Awaited<ReturnType<typeof launch>>} b @param {number} reps
 */
async function toggles(b, reps) {
  const all = [...HIDEABLE_KINDS];
  const out = [];
  for (let i = 0; i < 2 * reps; i++) {
    const hiddenKinds = i % 2 === 0 ? all.filter((k) => k !== "related") : all;
    await b.inWorker((s) => chrome.storage.local.set({ settings: s }), { ...defaultSettings(), hiddenKinds });
    const st = await b.askPage(Msg.PAGE_SETTINGS);
    if (st.hiddenKinds.join() !== hiddenKinds.join()) throw new Error(`the toggle was not applied: ${st.hiddenKinds}`);
    // A content script from before 2026-11-27 does not time toggles (a before/after run).
    if (typeof st.timings?.toggle === "number") out.push(st.timings.toggle);
  }
  return out;
}

const READABILITY_SRC = readFileSync(path.join(ROOT, "node_modules/@mozilla/readability/Readability.js"), "utf8");

/**
 * @param {Awaited<ReturnType<typeof launch>>} b @param {{ id: string, file: string, address: string | null }} p
 * @param {number} reps
 */
async function measure(b, p, reps, steps = "all") {
  const { page } = b;
  const url = b.pageUrl(p, false);
  await b.closePopup();
  await page.goto(url, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
  const elements = await page.evaluate(() => document.getElementsByTagName("*").length);

  const { t, first, state, walls, restores } = await clicks(b, reps, "content");
  const hidden = new Set(state.hiddenKinds);
  if (HIDEABLE_KINDS.some((k) => !hidden.has(k))) throw new Error(`not every kind but article is hidden: ${state.hiddenKinds}`);

  const reader = await b.askPage(Msg.PAGE_READER).catch(() => null); // a page without an article
  const after = await page.evaluate(() => ({
    visible: document.body?.innerText ?? "",
    html: document.documentElement.outerHTML,
  }));

  const ra = await page.evaluate(
    ([src, n]) => {
      const w = /** @type {any} */ (window);
      w.__bwReadability ??= new Function(`${src}\nreturn Readability;`)();
      const clone = [], parse = [];
      let text = "";
      for (let i = 0; i <= n; i++) {
        const a = performance.now();
        const doc = document.cloneNode(true);
        const b = performance.now();
        const article = new w.__bwReadability(doc).parse();
        const c = performance.now();
        if (i > 0) clone.push(b - a), parse.push(c - b);
        text = article?.textContent ?? "";
      }
      return { clone, parse, text };
    },
    /** @type {[string, number]} */ ([READABILITY_SRC, reps]),
  );

  // The clicks' phases and Readability's times, medians: every line has them.
  const clickMs = {
    total: round(median(t.total)), snapshot: round(median(t.snapshot)), classify: round(median(t.classify)),
    apply: round(median(t.apply)), readability: round(median(ra.parse)), readability_clone: round(median(ra.clone)),
  };
  if (steps === "quality") {
    return {
      elements,
      ms: clickMs,
      first,
      engine: state.engine,
      kinds: state.counts,
      restores,
      ...texts(reader, ra, after),
      wall: median(walls),
    };
  }

  // Before the toggles and the strict page: the widget goes into this cleaned page.
  const late = await measureLate(b, reps);
  const toggle = await toggles(b, reps);

  // The same page under a strict CSP: the snapshot goes to the background's core.
  await b.closePopup();
  await page.goto(b.pageUrl(p, true), { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
  const strict = await clicks(b, reps, "background");
  // And a last restore of the strict page, after its last clean.
  await b.askPage(Msg.PAGE_RESTORE);
  strict.restores.done++;
  if ((await strict.outerHtml()) === strict.original) strict.restores.exact++;

  // A failure here leaves the page's other figures as they are: `prepared` then holds the error alone.
  const prepared = b.canPrepare
    ? await measurePrepared(b, b.pageUrl(p, false), reps).catch((e) => ({ error: String(e?.message ?? e).split("\n")[0] }))
    : null;

  return {
    elements,
    prepared,
    ms: {
      ...clickMs,
      toggle: round(median(toggle)),
      late: round(median(late.work)), late_wait: round(median(late.wait)),
    },
    late_kind: late.kind,
    first,
    engine: state.engine,
    strict: {
      ms: Object.fromEntries(Object.entries(strict.t).map(([k, v]) => [k, round(median(v))])),
      first: strict.first,
      background: Object.fromEntries(Object.entries(strict.background).map(([k, v]) => [k, round(median(v))])),
    },
    kinds: state.counts,
    restores: { done: restores.done + strict.restores.done, exact: restores.exact + strict.restores.exact },
    ...texts(reader, ra, after),
    wall: median(walls),
  };
}

/**
 * What a page's line carries for the quality figures: the reader's text and metadata, Readability.js's
 * text, and the cleaned page as shown and as marked.
 * @param {any} reader @param {{ text: string }} ra @param {{ visible: string, html: string }} after
 */
function texts(reader, ra, after) {
  return {
    article_text: reader?.text ?? "",
    reader_meta: { title: reader?.title ?? "", byline: reader?.byline ?? null, published: reader?.published ?? null },
    readability_text: ra.text,
    visible_text: after.visible,
    annotated_html: after.html,
  };
}

/**
 * The click on a page prepared before it ("get pages ready before I click" on), `reps` times, each on the
 * page loaded afresh: the click's figures, the preparation's own cost, and how many clicks found the page
 * prepared. The setting is switched off again afterwards (and on only here).
 * @param {Awaited<ReturnType<typeof launch>>} b @param {string} url @param {number} reps
 */
async function measurePrepared(b, url, reps) {
  const settings = await b.inWorker(async () => (await chrome.storage.local.get("settings")).settings);
  if (!(await b.setPrepare(settings, true))) {
    b.canPrepare = false;
    process.stderr.write("bench: this build registers no preparing content script; no `prepared` figures\n");
    return null;
  }
  try {
    /** @type {Record<string, number[]>} */
    const t = { total: [], apply: [], wait: [] };
    /** @type {Record<string, number[]>} */
    const cost = { thread: [], walk: [], classify: [], warm: [], longest: [], wall: [], slices: [], nodes: [] };
    /** @type {Record<string, number>} */
    const states = {};
    let used = 0;
    for (let i = 0; i < reps; i++) {
      await b.closePopup();
      await b.page.goto(url, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
      const ready = await b.prepared();
      const p = ready.prepared;
      const key = p.reason ? `${p.state}: ${p.reason}` : p.state;
      states[key] = (states[key] ?? 0) + 1;
      // (`warm` since 2026-11-27 evening: a build from before has none)
      if (p.timings) for (const k of Object.keys(cost)) if (typeof p.timings[k] === "number") cost[k].push(p.timings[k]);
      const r = await b.click();
      if (r.state.engine !== "content") throw new Error(`the core ran in the ${r.state.engine}, not the content script`);
      const tm = r.state.timings;
      if (tm.prepared) used++;
      t.total.push(tm.total);
      t.apply.push(tm.apply);
      t.wait.push(tm.prepared?.wait ?? 0);
    }
    await b.closePopup();
    const medians = (/** @type {Record<string, number[]>} */ o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.length).map(([k, v]) => [k, round(median(v))]));
    return { ms: medians(t), cost: medians(cost), used, of: reps, states };
  } finally {
    await b.setPrepare(settings, false);
  }
}

/**
 * Runs in the page: puts a related-links box after the story (or at the end of the body), as a page's
 * own script adds one after it loaded, and keeps it in a page global for `lateKind`. @param {number} i
 */
export const insertLateWidget = (i) => {
  const box = document.createElement("aside");
  box.className = "related-links";
  const titles = ["Council approves the new harbour budget", "Ferry timetable changes for the summer season",
    "Rail works close the coast line for two weekends", "School places: what the new catchment rules mean",
    "Storm damage repairs on the promenade begin next month"];
  box.innerHTML = `<h2>More stories</h2><ul>${titles.map((t, k) => `<li><a href="/news/late-${i}-${k}">${t}</a></li>`).join("")}</ul>`;
  const story = document.querySelector('[data-blockwise="article"]');
  if (story?.parentNode) story.after(box);
  else document.body.append(box);
  /** @type {any} */ (window).__bwLateWidget = box;
};

/**
 * One late widget classified, warm-up + `reps` times: the content script's own figures (PageState
 * timings.late) for each, and the kind it gave the widget.
 * @param {Awaited<ReturnType<typeof launch>>} b @param {number} reps
 */
async function measureLate(b, reps) {
  /** @type {number[]} */
  const work = [], wait = [];
  let kind = null;
  for (let i = 0; i <= reps; i++) {
    const before = (await b.askPage(Msg.PAGE_STATE)).timings?.late?.batch ?? 0;
    await b.page.evaluate(insertLateWidget, i);
    const deadline = performance.now() + PAGE_TIMEOUT_MS;
    let late = null;
    while (!late) {
      const st = await b.askPage(Msg.PAGE_STATE);
      if ((st.timings?.late?.batch ?? 0) > before) late = st.timings.late;
      else if (performance.now() > deadline) throw new Error("the late widget was not classified in time");
      else await new Promise((r) => setTimeout(r, POLL_MS));
    }
    kind = await b.page.evaluate(() => {
      const w = /** @type {any} */ (window);
      // The widget's kind, else the kind of the first block marked inside it.
      const box = w.__bwLateWidget;
      const k = box?.getAttribute("data-blockwise") ?? box?.querySelector("[data-blockwise]")?.getAttribute("data-blockwise") ?? null;
      w.__bwLateWidget?.remove();
      return k;
    });
    if (i > 0) work.push(late.work), wait.push(late.wait);
  }
  return { work, wait, kind };
}

/* ---------- main ---------- */

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // BENCH_LOCAL_ADDRESS=1: every page from the local server, as before 2026-11-28 (a before/after).
  let pages = listPages(args.pages).map((p) => ({ ...p, address: process.env.BENCH_LOCAL_ADDRESS ? null : pageAddress(p.file) }));
  if (args.limit > 0) pages = pages.slice(0, args.limit);
  if (!pages.length) throw new Error(`no *.html or *.html.gz in ${args.pages}`);
  const { server, origin } = await startServer(new Map(pages.map((p) => [p.id, p.file])));
  const b = await launch(origin);
  writeFileSync(args.out, "");
  const hiddenKinds = [...HIDEABLE_KINDS];
  const settings = { ...defaultSettings(), hiddenKinds };
  await new Promise((r) => setTimeout(r, 300)); // let onInstalled's settings migration write first
  await b.inWorker((s) => chrome.storage.local.set({ settings: s }), settings);

  const started = performance.now();
  const walls = [];
  /** @type {number[]} */
  const lates = [];
  let failed = 0;
  for (const [i, p] of pages.entries()) {
    /** @type {Record<string, any>} */
    let line;
    try {
      let timer;
      const r = await Promise.race([
        measure(b, p, args.reps, args.steps),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), 4 * PAGE_TIMEOUT_MS))),
      ]).finally(() => clearTimeout(timer));
      walls.push(r.wall);
      if (r.ms.late !== undefined) lates.push(r.ms.late);
      const { wall, ...rest } = r;
      line = { id: p.id, address: p.address, ...rest };
    } catch (e) {
      failed++;
      line = { id: p.id, error: String(/** @type {any} */ (e)?.message ?? e).split("\n")[0] };
      await b.page.goto("about:blank").catch(() => {});
    }
    appendFileSync(args.out, JSON.stringify(line) + "\n");
    const ms = !line.ms
      ? `error: ${line.error}`
      : !line.strict
      ? `total ${line.ms.total} ms, readability ${line.ms.readability} ms`
      : `total ${line.ms.total} ms, prepared ${line.prepared?.ms.total ?? "-"} ms (${line.prepared?.used ?? 0}/${line.prepared?.of ?? 0}; preparation ${line.prepared?.cost.thread ?? "-"} ms), readability ${line.ms.readability} ms, toggle ${line.ms.toggle} ms, strict CSP total ${line.strict.ms.total} ms (${line.strict.background.bytes} bytes)`;
    process.stderr.write(`[${i + 1}/${pages.length}] ${p.id}: ${line.elements ?? "?"} elements, ${ms}\n`);
  }
  await b.context.close();
  server.closeAllConnections();
  server.close();
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(
    `bench: ${pages.length} pages (${failed} failed) in ${secs.toFixed(0)} s → ${args.out}; ` +
      `toolbar click → page cleaned, wall clock (popup opening, messaging, polling included): median ${median(walls).toFixed(1)} ms; ` +
      (lates.length
        ? `one late widget classified (content script's work, batch delay apart): median ${median(lates).toFixed(2)} ms, max ${Math.max(...lates).toFixed(2)} ms\n`
        : `(--steps ${args.steps}: no late widget, toggles, strict-CSP or prepared figures)\n`),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`bench: ${e?.message ?? e}`);
    process.exit(1);
  });
}
