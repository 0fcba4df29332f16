// @ts-check
/**
 * The content script: walks the page once, asks the core for decisions, writes them onto the page as
 * `data-blockwise` attributes and lets the hiding stylesheet hide the chosen kinds: a constructed
 * sheet in `document.adoptedStyleSheets` at once, and the same CSS inserted by the background with
 * `scripting.insertCSS` (user origin, which page CSS cannot override) behind it; neither adds a DOM node.
 *
 *   toolbar click / shortcut / context menu / auto-clean
 *        │ background: scripting.executeScript(content/loader.js) + PAGE_CLEAN {settings}
 *        ▼
 *   snapshotPageSliced() ──wire──► core in this script (Wasm) ──or, if the page's CSP refuses Wasm
 *                                  or it has more than BACKGROUND_NODES nodes──► ANALYZE to the background
 *        ◄── blocks ─────────┘
 *   adopted sheet (blockHidingCss of the chosen kinds) ─► SET_STYLE ─► mark data-blockwise="<kind>"
 *        ─► SET_BADGE (not awaited)
 *   a kind toggled ─► the adopted sheet's text replaced; SET_STYLE (the background's sheet) behind it
 *
 * After cleaning: late content (MutationObserver, batched, a CPU budget per frame) is classified from
 * a mini-snapshot and only the blocks inside the new subtree are applied; SPA navigations (location
 * polled, popstate) re-run the cleanup. Nothing in the page's own globals or prototypes is touched.
 *
 * "Get pages ready before I click" (opt-in; content/prepare.js loads this module on every page once
 * it is idle): `prepare` walks and classifies the page ahead of the click without changing anything on
 * it (its hiding sheet adopted inert, matching no element until the click marks some: `warmClick`), and
 * remembers the subtrees added since; the click then only marks (`takePrepared`).
 */

import { api } from "../common/api.js";
import { analyzeWire, loadCore, Mode } from "../common/core.js";
import { Msg, listen, send } from "../common/messages.js";
import {
  KINDS, SETTINGS_KEY, effectiveHiddenKinds, loadSettings, migrate, siteOf, updateSettings,
} from "../common/settings.js";
import { BACKGROUND_NODES, PART_SIZE, wireParts, wireToMessage } from "../common/wire.js";
import {
  ATTR_KIND, ATTR_PEEK, ATTR_USER, blockHidingCss, clearAll, keepMarkClass, mark, selectorFor, unmark,
} from "./page-marks.js";
import { PageTooLarge, snapshotPageSliced, snapshotSubtreeSliced } from "./snapshot.js";

/** Late content: how long a batch of mutations may wait before it is classified. */
const LATE_BATCH_DELAY_MS = 150;
/** Late content: CPU time spent per frame before yielding to the page (one 60 Hz frame is 16 ms). */
const FRAME_BUDGET_MS = 8;
/**
 * A clean: the longest the walk and the marking hold the page's thread before giving it back for a
 * task (its input, rendering, timers). A page walked in one slice is not paused at all.
 */
const SLICE_MS = 10;
/** The longest a large page's clean waits for a rendering frame (a page in a background tab gets none). */
const FRAME_WAIT_MS = 100;
/** SPA navigations: how often location is compared, and how long the new view gets to render. */
const SPA_POLL_MS = 500;
const SPA_SETTLE_MS = 400;
/** Peek: how long a block stays shown and outlined. */
const PEEK_MS = 2500;
/** Label of a block in the popup's list. */
const LABEL_CHARS = 80;
/** How much of a long text node `labelOf` reads at a time. */
const LABEL_PIECE = 512;
/**
 * Preparation: pages with more nodes than this are left for the click. Their core run would hold the
 * page's thread for tens of ms in one task on every page load, and the click sends them to the
 * background, which a preparation on every page load must not do.
 */
const PREPARE_MAX_NODES = BACKGROUND_NODES;
/** Preparation: the longest it waits for the page's thread to be idle before it starts anyway. */
const PREPARE_IDLE_TIMEOUT_MS = 2000;
/**
 * Preparation: more subtrees added since than this, the page's element count moved by more than
 * PREPARE_MAX_DRIFT of what was walked, or the added subtrees' text more than that share of the walked
 * page's text, and the prepared blocks are dropped: the click cleans as it would have without them (a
 * page that changed that much is another page, and a story filled in after the preparation must be
 * read with the page, not as late content; an endless feed stops being remembered).
 */
const PREPARE_MAX_ADDED = 200;
const PREPARE_MAX_DRIFT = 0.2;
/** New subtrees with nothing to hide. */
const LATE_IGNORED = new Set(["script", "style", "link", "meta", "noscript", "template", "br", "wbr"]);

/**
 * @typedef {{ el: Element, kind: string | null, confidence: number, reasons: string[],
 *             user: "show" | "hide" | null, selector: string | null }} Record_
 */

const host = location.hostname;
/** @type {Record_[]} */
let records = [];
let cleaned = false;
/** @type {string | null} */
let error = null;
/** @type {number | null} the node limit, when the last clean found the page beyond it */
let tooLarge = null;
/** @type {"content" | "background" | null} */
let engine = null;
let analyses = 0;
/** @type {string[]} */
let hiddenKinds = [];
let siteOverride = false;
/** The local sheet's text in force ("" on a page not cleaned), and the background's (`blockHidingCss`'s `documentOnly`). */
let css = "";
let userCss = "";
/** @type {any} the reader document from the last full analysis */
let reader = null;
/** @type {Element | null} */
let contextTarget = null;
/**
 * How long the last full clean took, in ms (performance.now): the walk (`snapshot`), the core in this
 * script or the background (`classify`), writing the attributes and the stylesheet (`apply`: the local
 * sheet; the background's SET_STYLE round trip only where the local sheet is refused), and all of it from
 * the clean request on (`total`: the settings are read from storage while the page is walked and
 * classified; any wait for them left after the core counts in `total` alone). Read by the benchmark
 * (bench/) from PageState; never used to decide anything. `spans` holds each phase's start and end
 * (performance.now, the page's own clock) and `slices` how many tasks the walk took, for the tests.
 * `toggle`: the last change of the hidden kinds since, from the event that brought it (the storage
 * change or PAGE_SETTINGS) to the page hiding the new choice. `background`: when the core ran in the
 * background, the message's size and where the round trip went (`analyzeInBackground`).
 * @type {import("../common/messages.js").PageState["timings"]}
 */
let timings = null;

/* ---------- the core, here or in the background ---------- */

/**
 * Whether the Wasm core runs in this script. Its loading and compilation start as soon as this module
 * is injected (which only a user's click, shortcut, menu or auto-clean does), so they overlap the
 * messaging and the page walk instead of following them.
 */
const coreHere = loadCore().then(
  () => true,
  (e) => (console.info("Blockwise: Wasm refused in this page, using the background:", e?.message ?? e), false),
);

/**
 * Runs the core on a snapshot: in this script when the page lets it compile Wasm, else in the
 * background (Chromium refuses Wasm in content scripts on `script-src 'self'` pages). A snapshot of
 * more than BACKGROUND_NODES nodes goes to the background first (this script's core if that fails).
 * @param {import("./snapshot.js").Wire} wire @param {number} mode see core.js
 */
async function runCore(wire, mode) {
  const here = await coreHere;
  let result = null;
  if (!here || wire.names.length > BACKGROUND_NODES) {
    try {
      result = await analyzeInBackground(wire, mode);
      engine = "background";
    } catch (e) {
      if (!here) throw e;
      console.info("Blockwise: the background could not classify this page, classifying it here:", /** @type {any} */ (e)?.message ?? e);
    }
  }
  if (!result) {
    engine = "content";
    result = await analyzeWire(wire, mode);
  }
  analyses++;
  if (!result || !Array.isArray(result.blocks)) throw new Error("the core returned no blocks");
  return result;
}

/**
 * The core in the background: a small wire in one message; a large one in pieces, pausing whenever
 * the sending has held the page's thread for SLICE_MS (each message is serialised on this thread).
 * @param {import("./snapshot.js").Wire} wire @param {number} mode see core.js
 */
async function analyzeInBackground(wire, mode) {
  const t0 = performance.now();
  if (wire.names.length <= PART_SIZE && wire.strings.length <= PART_SIZE) {
    const msg = { type: Msg.ANALYZE, wire: wireToMessage(wire), mode };
    const result = await send(msg);
    noteBackground(result, t0, [msg]);
    return result;
  }
  const { header, parts } = wireParts(wire);
  // The pieces' bytes are counted as they go, within the sliced loop: keeping the pieces to count them
  // after the clean would hold tens of MB of plain arrays through the core's run (a large page's major
  // GC) and count them in one ~30 ms task at the end.
  let bytes = 0;
  const transfer = await send({ type: Msg.ANALYZE_START, header });
  /** @type {Promise<unknown>[]} */
  const sent = [];
  let sliceEnd = performance.now() + SLICE_MS;
  for (const part of parts) {
    if (performance.now() > sliceEnd) {
      await pause();
      sliceEnd = performance.now() + SLICE_MS;
    }
    // Not awaited one by one (no round trip per piece); ANALYZE goes once every piece has arrived.
    const msg = { type: Msg.ANALYZE_PART, transfer, part: { key: part.key, at: part.at, values: part.values, text: part.text } };
    bytes += utf8Bytes(msg);
    sent.push(send(msg));
  }
  await Promise.all(sent);
  const result = await send({ type: Msg.ANALYZE, transfer, mode });
  noteBackground(result, t0, [], bytes);
  return result;
}

/**
 * The last analysis in the background, for `timings.background` (the bench): when its message was
 * sent (`performance.timeOrigin + now()`, the clock the background stamps the result with), when the
 * answer was back, and the messages, measured once the clean is done (or their bytes, counted as they
 * were sent).
 * @type {{ sent: number, back: number, at: number[], messages: object[], bytes: number } | null}
 */
let lastBackground = null;

/** @param {any} result @param {number} start @param {object[]} messages @param {number} [bytes] */
function noteBackground(result, start, messages, bytes = 0) {
  const back = performance.now();
  const at = Array.isArray(result?.at) ? result.at : [];
  delete result?.at;
  lastBackground = { sent: performance.timeOrigin + start, back: performance.timeOrigin + back, at, messages, bytes };
}

/**
 * Where the last background analysis went, in ms: `send` (the wire made into a message, serialised,
 * carried and handed to the background's handler), `classify` (the handler: the wire rebuilt and
 * the core run), `return` (the answer back to this script), and `bytes`, the UTF-8 size of the
 * messages that carried the snapshot (what runtime.sendMessage serialises). Measured after the clean
 * (serialising the message again is not part of it). The two processes' clocks are the same
 * wall clock (performance.timeOrigin + now()), each with its own rounding.
 */
function backgroundTimings() {
  const b = lastBackground;
  lastBackground = null;
  if (!b) return undefined;
  const [received, done] = b.at;
  const bytes = b.messages.reduce((n, m) => n + utf8Bytes(m), b.bytes);
  const total = b.back - b.sent;
  if (typeof received !== "number" || typeof done !== "number") return { bytes, total };
  return { bytes, total, send: received - b.sent, classify: done - received, return: b.back - done };
}

/** The UTF-8 size of a message as JSON. @param {object} msg */
function utf8Bytes(msg) {
  return new TextEncoder().encode(JSON.stringify(msg)).length;
}

/* ---------- applying decisions ---------- */

/** `pause()`'s channel (made on first use) and the pauses waiting for their message, oldest first. */
/** @type {MessageChannel | null} */
let pauseChannel = null;
/** @type {Array<(value: undefined) => void>} */
const pauses = [];

/**
 * Gives the page's thread back for one task (a message, which no timer clamping delays). One channel
 * serves every pause: each message ends the oldest (a new channel per pause cost a clean's follow-ups
 * about 0.05 ms each on a freshly loaded script).
 */
function pause() {
  if (!pauseChannel) {
    pauseChannel = new MessageChannel();
    pauseChannel.port1.onmessage = () => pauses.shift()?.(undefined);
  }
  const channel = pauseChannel;
  return new Promise((resolve) => {
    pauses.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Writes the blocks of `result` inside the snapshot's subtree onto their elements. With `sliced`,
 * pauses whenever it has held the thread for SLICE_MS and stops if `stillWanted()` turns false.
 * @param {import("./snapshot.js").Snapshot} snap
 * @param {Array<{ node: number, kind: string, confidence: number, reasons: string[] }>} blocks
 * @param {{ sliced: boolean, stillWanted: () => boolean }} [opts]
 */
async function applyBlocks(snap, blocks, opts) {
  const known = blocks.filter((b) => Number.isInteger(b.node) && b.node >= 0 && b.node < snap.nodes.length && KINDS.includes(b.kind));
  const valid = known.filter((b) => b.node >= snap.subtreeStart);
  // In a mini-snapshot the ancestor chain holds nothing but the new subtree, so the core may give
  // the kind to an ancestor; what it says about that ancestor it says about the new subtree.
  const chain = known.filter((b) => b.node < snap.subtreeStart).sort((a, b) => b.node - a.node)[0];
  if (chain && !valid.some((b) => b.node === snap.subtreeStart)) valid.unshift({ ...chain, node: snap.subtreeStart });
  let sliceEnd = performance.now() + SLICE_MS;
  for (let k = 0; k < valid.length; k++) {
    if (opts?.sliced && (k & 63) === 63 && performance.now() > sliceEnd) {
      await pause();
      if (!opts.stillWanted()) return;
      sliceEnd = performance.now() + SLICE_MS;
    }
    const b = valid[k];
    const el = snap.nodes[b.node];
    // An element the page removed since the walk (a prepared page's, or during a sliced clean) is skipped.
    if (!el || !el.isConnected) continue;
    mark(el, ATTR_KIND, b.kind);
    noteShadowRoot(el);
    records.push({
      el, kind: b.kind, confidence: Number(b.confidence) || 0,
      reasons: Array.isArray(b.reasons) ? b.reasons.map(String) : [], user: null, selector: null,
    });
  }
}

/** @param {Element} el */
function recordOf(el) {
  let rec = records.find((r) => r.el === el);
  if (!rec) {
    rec = { el, kind: null, confidence: 1, reasons: [], user: null, selector: null };
    records.push(rec);
  }
  return rec;
}

/** @param {Record_} rec @param {"show" | "hide" | null} user */
function setUser(rec, user) {
  rec.user = user;
  if (user) mark(rec.el, ATTR_USER, user);
  else unmark(rec.el, ATTR_USER);
}

/** Applies this site's remembered corrections. @param {import("../common/settings.js").Settings} settings */
function applyCorrections(settings) {
  for (const c of settings.sites[host]?.corrections ?? []) {
    let el = null;
    try {
      el = document.querySelector(c.selector);
    } catch {
      continue; // a selector from an older page structure that no longer parses
    }
    if (!el) continue;
    const rec = recordOf(el);
    rec.selector = c.selector;
    setUser(rec, c.action);
  }
}

/** @param {Record_} rec */
function isHidden(rec) {
  return rec.user === "hide" || (rec.user !== "show" && rec.kind !== null && hiddenKinds.includes(rec.kind));
}

/**
 * The hiding stylesheet as this script applies it itself: a constructed sheet in
 * `document.adoptedStyleSheets` (no DOM node, nothing in outerHTML), so a clean shows at once,
 * without the round trip to the background. null until first used; false where the browser refuses
 * it from a content script (then only the background's sheet hides).
 * @type {CSSStyleSheet | null | false}
 */
let localSheet = null;
/** The text last put into `localSheet` (a clean whose text is the same skips `replaceSync`). */
let localSheetText = "";

/**
 * Open shadow roots that hold a marked block. A document's author sheets do not reach into a shadow
 * tree, so the local sheet is adopted by each of these too; restore takes it out of them again. The
 * background's user-origin sheet cannot be adopted, and its rules are kept from matching there
 * (`blockHidingCss`'s `documentOnly`: Chromium leaves a shadow-tree block it hid without a box when it
 * goes).
 * @type {Set<ShadowRoot>}
 */
const shadowRoots = new Set();

/**
 * Adds the local sheet to `target`'s adopted sheets, unless it is there: pushed onto the list where it
 * is an observable array (Chromium, Firefox: on a freshly loaded page about half the time of assigning a
 * new list), else a new list assigned. @param {Document | ShadowRoot} target @param {CSSStyleSheet} sheet
 */
function adoptSheet(target, sheet) {
  const sheets = target.adoptedStyleSheets;
  if (sheets.includes(sheet)) return;
  try {
    sheets.push(sheet);
  } catch {
    // a frozen array (older browsers): assigned below
  }
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
}

/** Takes the local sheet out of `target`'s adopted sheets, leaving the page's own as they were. @param {Document | ShadowRoot} target @param {CSSStyleSheet} sheet */
function dropSheet(target, sheet) {
  if (target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
}

/**
 * Notes the shadow root `el` lives in, if any, and gives it the local sheet when one is in force.
 * @param {Element} el
 */
function noteShadowRoot(el) {
  const root = el.getRootNode();
  if (root === document || root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE || shadowRoots.has(/** @type {ShadowRoot} */ (root))) return;
  const shadow = /** @type {ShadowRoot} */ (root);
  shadowRoots.add(shadow);
  if (!localSheet || !css) return;
  try {
    adoptSheet(shadow, localSheet);
  } catch (e) {
    console.info("Blockwise: a shadow root refused the stylesheet, its blocks stay shown:", /** @type {any} */ (e)?.message ?? e);
  }
}

/** Puts `text` into the local sheet (or takes it off the page for ""); true if it is in force. @param {string} text */
function setLocalSheet(text) {
  if (localSheet === false) return false;
  try {
    if (!text) {
      if (localSheet) {
        const sheet = localSheet;
        dropSheet(document, sheet);
        for (const shadow of shadowRoots) dropSheet(shadow, sheet);
      }
      return true;
    }
    localSheet ??= new CSSStyleSheet();
    if (text !== localSheetText) {
      localSheet.replaceSync(text);
      localSheetText = text;
    }
    adoptSheet(document, localSheet);
    if (document.adoptedStyleSheets.includes(localSheet)) {
      for (const shadow of shadowRoots) adoptSheet(shadow, localSheet);
      return true;
    }
  } catch (e) {
    console.info("Blockwise: no constructed stylesheet in this page, the background's alone hides:", /** @type {any} */ (e)?.message ?? e);
  }
  localSheet = false;
  return false;
}

/** SET_STYLE messages, one after the other (each inserts the new sheet, then removes the old). */
let styleQueue = Promise.resolve();

/**
 * Swaps the stylesheet: the local one at once, the background's (`scripting.insertCSS`, user origin,
 * which no page CSS can override; its rules match in the document alone) in order behind it. Resolves
 * when the page hides `kinds`: at once when the local sheet took it and nothing was hidden before (a
 * clean), else when the background's sheet is swapped too (a restore or a toggle must wait for the old
 * sheet to go). On a clean the
 * background's sheet is asked for in a task of its own after the clean's: the local sheet hides
 * already, and the message (0.3-3 ms on the page's thread, most on the first of a page) no longer
 * stands between the marks and the next frame.
 * @param {readonly string[] | null} kinds the kinds to hide; null: no sheet (a restore)
 */
function setStyle(kinds) {
  const next = kinds ? blockHidingCss(kinds) : "";
  if (next === css) return Promise.resolve();
  const previous = userCss;
  css = next;
  const insert = (userCss = kinds ? blockHidingCss(kinds, { documentOnly: true }) : "");
  const local = setLocalSheet(next);
  const behind = local && previous === "";
  const sent = styleQueue.then(() => (behind ? pause() : undefined)).then(() => send({ type: Msg.SET_STYLE, remove: previous, insert }));
  styleQueue = sent.catch(() => {});
  if (local && previous === "") {
    sent.catch((e) => console.warn("Blockwise: the background's stylesheet failed:", e?.message ?? e));
    return Promise.resolve();
  }
  return sent;
}

/**
 * Brings the page, the stylesheet and the badge in line with the settings. On a cleaned page a change
 * of the hidden kinds is the local sheet's text, replaced at once (timed from `since`, the event's
 * arrival); the background's sheet follows.
 * @param {import("../common/settings.js").Settings} settings @param {number} [since]
 */
async function applySettings(settings, since) {
  const before = hiddenKinds.join(" ");
  const styled = css !== "";
  hiddenKinds = [...effectiveHiddenKinds(settings, host)];
  siteOverride = settings.sites[host]?.hiddenKinds !== undefined;
  const swapped = setStyle(cleaned ? hiddenKinds : null);
  if (cleaned && since !== undefined && timings && styled && before !== hiddenKinds.join(" ")) {
    timings.toggle = performance.now() - since;
  }
  await swapped;
  // The badge is the toolbar's business: nothing on the page waits for it (sent in a task of its own).
  const count = cleaned ? records.filter(isHidden).length : null;
  pause().then(() => send({ type: Msg.SET_BADGE, count })).catch(() => {});
}

/* ---------- clean, restore, state ---------- */

/** @type {Promise<import("../common/messages.js").PageState> | null} */
let cleaning = null;

/**
 * Cleans the page once, however many clicks, shortcuts and popups ask at the same time.
 * @param {unknown} [given] the stored settings, when the request carries them (PAGE_CLEAN)
 */
function clean(given) {
  cleaning ??= doClean(given).finally(() => {
    cleaning = null;
  });
  return cleaning;
}

/** Counts restores: a clean that sees it change while it waits gives up. */
let generation = 0;

/** @param {unknown} [given] */
async function doClean(given) {
  if (cleaned) return state();
  timings = null; // the bench waits for this clean's figures, not the last one's
  tooLarge = null;
  const run = generation;
  const stillWanted = () => run === generation;
  const t0 = performance.now();
  // The settings come with the request (no wait in the middle of the clean), or from the browser
  // process, read while the page is walked and classified.
  const carried = given === undefined ? null : migrate(given);
  const settingsRead = carried && !carried.changed ? Promise.resolve(carried.settings) : loadSettings(api.storage.local);
  settingsRead.catch(() => {}); // awaited below; a failed core returns before that
  const t1 = performance.now();
  // The page as prepared before the click, if it was and still is that page (a preparation under way
  // is awaited: its walk and core run are the ones this clean would do).
  const ready = await takePrepared();
  const tp = performance.now();
  let snap;
  let result;
  if (ready) {
    ({ snap, result } = ready);
    engine = "content";
  } else {
    try {
      // A large page is walked in slices; what it adds behind the walk meanwhile is late content.
      snap = await snapshotPageSliced({ sliceMs: SLICE_MS, pause, onSliced: () => watchMutations() });
    } catch (e) {
      stopWatching();
      if (!(e instanceof PageTooLarge)) throw e;
      error = null;
      tooLarge = e.nodes;
      return state();
    }
  }
  const t2 = performance.now();
  if (!ready) {
    try {
      // The reader document is built when the reader is opened, not on every clean.
      result = await runCore(snap.wire, Mode.BLOCKS);
    } catch (e) {
      stopWatching();
      error = String(/** @type {any} */ (e)?.message ?? e);
      return state();
    }
  }
  const t3 = performance.now();
  const settings = await settingsRead;
  const t3b = performance.now();
  if (!stillWanted()) return state();
  error = null;
  reader = result.reader ?? null;
  if (snap.slices > 1) {
    // A large page: the stylesheets first, each in a task of its own (below), then the marks in slices,
    // each slice hiding its blocks as it lands.
    await sheetsFirst(settings);
    if (!stillWanted()) return state();
  }
  await applyBlocks(snap, result.blocks, { sliced: snap.slices > 1, stillWanted });
  if (!stillWanted()) return state();
  if (!ready) forgetWalked(snap); // a prepared page's were forgotten when it was walked
  applyCorrections(settings);
  cleaned = true;
  await applySettings(settings);
  const t4 = performance.now();
  timings = {
    total: t4 - t0, snapshot: ready ? 0 : t2 - tp, classify: t3 - t2, apply: t4 - t3b,
    spans: { snapshot: [tp, t2], classify: [t2, t3], apply: [t3b, t4] }, slices: snap.slices,
  };
  // A prepared clean: how long it waited for the preparation to finish (0 when it was ready).
  if (ready) timings.prepared = { wait: tp - t1 };
  if (engine === "background") timings.background = backgroundTimings();
  startWatching();
  // What the page added since it was prepared is classified now, by the late-content path.
  if (ready && pending.size) {
    clearTimeout(batchTimer);
    batchTimer = setTimeout(processLate, 0);
  }
  return state();
}

/**
 * A large page's stylesheets, before any mark. A new sheet makes the browser visit every element of the
 * page once to find what its selectors may change (Chromium: `scheduleInvalidationsForRuleSets`, about
 * 60 ms on 200,000 elements), in the next style update. Left to the next frame, that visit shares one
 * task with the layout the marks cause and with the other sheet's visit; so each sheet goes on while
 * nothing is marked and gets a rendering frame of its own: the local sheet, then the background's (user
 * origin), once it is in. (Firefox restyles the elements a new sheet's rules end in: only the marked ones,
 * none yet, since every rule names MARK_CLASS; docs/hardening.md.)
 * @param {import("../common/settings.js").Settings} settings
 */
async function sheetsFirst(settings) {
  await pause();
  hiddenKinds = [...effectiveHiddenKinds(settings, host)];
  setStyle(hiddenKinds).catch(() => {});
  await rendered();
  await styleQueue;
  await rendered();
}

/**
 * Resolves once the browser has rendered a frame (the task after the next animation frame), or after
 * FRAME_WAIT_MS where no frame comes (a page in a background tab).
 */
function rendered() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => pause().then(() => {
      clearTimeout(timer);
      resolve(undefined);
    }));
  });
}

/**
 * Subtrees added during a sliced walk that the walk reached anyway are not late content.
 * @param {import("./snapshot.js").Snapshot} snap
 */
function forgetWalked(snap) {
  if (!pending.size) return;
  const walked = pending.size > 32 ? new Set(snap.nodes) : null;
  for (const n of pending.keys()) if (walked ? walked.has(n) : snap.nodes.includes(n)) pending.delete(n);
}

async function restore() {
  generation++;
  stopWatching();
  records = [];
  cleaned = false;
  // The sheets go before the marks: taking the root's switch off while a sheet still reads it makes
  // Firefox's style invalidation recurse down the whole tree (a page nested 20,000 deep crashed its tab);
  // with no sheet left, the marks' removal restyles only the elements that carried them.
  try {
    await setStyle(null);
  } finally {
    clearAll();
    shadowRoots.clear();
  }
  await send({ type: Msg.SET_BADGE, count: null });
  return state();
}

/**
 * A block's label in the popup: its `textContent` with white space collapsed, trimmed, its first
 * LABEL_CHARS characters; its text nodes read only until the label is known. (The whole `textContent`
 * of a story's block is the whole story: 0.1-0.4 ms for a news story in Chromium, 3.6 ms for 350 KB of
 * text, in the click's own task, as every reply carries the labels.) Once the text read so far, collapsed,
 * without its leading white space, is longer than LABEL_CHARS, what follows cannot change those characters.
 * @param {Element} el
 */
function labelOf(el) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
  // The text read so far, white space collapsed as it comes: collapsing a run split across two reads
  // again merges it, and the text stays about LABEL_CHARS + LABEL_PIECE long whatever the node holds.
  let text = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const all = /** @type {CharacterData} */ (n).data;
    // A long text node (a <pre> of a whole story) in pieces, as far as needed.
    for (let at = 0; at < all.length; at += LABEL_PIECE) {
      text = (text + all.slice(at, at + LABEL_PIECE)).replace(/\s+/g, " ");
      if (text.trimStart().length > LABEL_CHARS) return text.trimStart().slice(0, LABEL_CHARS);
    }
  }
  return text.trim().slice(0, LABEL_CHARS);
}

/** @returns {import("../common/messages.js").PageState} */
function state() {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const r of records) if (r.kind) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return {
    cleaned, error, tooLarge, host, engine, analyses, hiddenKinds, siteOverride, counts, timings,
    prepared: preparation && { ...preparation },
    hiddenCount: records.filter(isHidden).length,
    blocks: records.map((r, index) => ({
      index, kind: r.kind ?? "", confidence: r.confidence, reasons: r.reasons,
      label: labelOf(r.el),
      hidden: isHidden(r), user: r.user,
    })),
  };
}

/* ---------- peek and corrections ---------- */

/** @param {number} index */
function peek(index) {
  const rec = records[index];
  if (!rec) throw new Error(`no block ${index}`);
  mark(rec.el, ATTR_PEEK, "");
  rec.el.scrollIntoView({ block: "center", behavior: "instant" });
  setTimeout(() => unmark(rec.el, ATTR_PEEK), PEEK_MS);
  return true;
}

/**
 * Remembers the user's word about one block for this site and applies it now.
 * @param {Record_} rec @param {"show" | "hide" | "undo"} action
 */
async function correct(rec, action) {
  const selector = rec.selector ?? selectorFor(rec.el);
  if (!selector) throw new Error("this block cannot be remembered (it is inside a shadow root)");
  rec.selector = selector;
  setUser(rec, action === "undo" ? null : action);
  await updateSettings(api.storage.local, (s) => {
    const site = siteOf(s, host);
    const rest = (site.corrections ?? []).filter((c) => c.selector !== selector);
    site.corrections = action === "undo" ? rest : [...rest, { selector, action }];
  });
  return state();
}

/** The element a "hide this" from the context menu means: the non-article block around the click,
 * else the nearest box that is not the page or the story itself. @param {Element} target */
function blockAround(target) {
  const block = target.closest(`[${ATTR_KIND}]`);
  if (block && block.getAttribute(ATTR_KIND) !== "article") return block;
  for (let e = /** @type {Element | null} */ (target); e; e = e.parentElement) {
    if (e === document.body || e === document.documentElement) break;
    if (e.getAttribute(ATTR_KIND) === "article") break;
    if (!getComputedStyle(e).display.startsWith("inline")) return e;
  }
  return null;
}

/* ---------- late content and SPA navigations ---------- */

/** @type {MutationObserver | null} */
let observer = null;
/** @type {Map<Element, number>} added subtrees, and when the observer saw each (performance.now) */
const pending = new Map();
let batchTimer = 0;
let spaTimer = 0;
let settleTimer = 0;
let lastPage = pageKey();
let working = false;

function pageKey() {
  return location.href.split("#")[0];
}

/**
 * Collects added subtrees; they are classified once the page is cleaned. Keeps the marked elements'
 * class (`keepMarkClass`) when the page rewrites their class attribute (not watched for a page that is
 * only prepared: nothing on it is marked yet). An observer already watching takes the new options.
 */
function watchMutations(classes = true) {
  observer ??= new MutationObserver((mutations) => {
    const seen = performance.now();
    for (const m of mutations) {
      if (m.type === "attributes") {
        keepMarkClass(m.target);
        continue;
      }
      for (const n of m.addedNodes) {
        if (n.nodeType === Node.ELEMENT_NODE && !LATE_IGNORED.has(/** @type {Element} */ (n).localName) && !pending.has(/** @type {Element} */ (n))) {
          pending.set(/** @type {Element} */ (n), seen);
        }
      }
    }
    if (cleaned && pending.size && !batchTimer) batchTimer = setTimeout(processLate, LATE_BATCH_DELAY_MS);
    if (!cleaned && prepared && pending.size > PREPARE_MAX_ADDED) discardPrepared("changed");
  });
  observer.observe(document.documentElement, classes
    ? { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] }
    : { childList: true, subtree: true });
}

function startWatching() {
  watchMutations();
  if (pending.size && !batchTimer) batchTimer = setTimeout(processLate, LATE_BATCH_DELAY_MS);
  lastPage = pageKey();
  spaTimer ||= setInterval(checkNavigation, SPA_POLL_MS);
  addEventListener("popstate", checkNavigation);
}

function stopWatching() {
  observer?.disconnect();
  pending.clear();
  clearTimeout(batchTimer);
  clearTimeout(settleTimer);
  clearInterval(spaTimer);
  batchTimer = spaTimer = settleTimer = 0;
  removeEventListener("popstate", checkNavigation);
}

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 16));

/** Counts late batches (PageState timings.late.batch). */
let lateBatches = 0;

/**
 * Classifies the subtrees that arrived since the last batch, a few per frame; each is walked and
 * marked in slices as a clean is (a page may add a subtree as large as a page), and classified in the
 * background when it is that large. What it took goes in `timings.late`.
 */
async function processLate() {
  batchTimer = 0;
  if (working) {
    batchTimer = setTimeout(processLate, LATE_BATCH_DELAY_MS);
    return;
  }
  working = true;
  const run = generation;
  const stillWanted = () => cleaned && run === generation;
  try {
    const start = performance.now();
    // Outermost new subtrees only: a node inside another new subtree is classified with it.
    const batch = [...pending].filter(([n]) => n.isConnected && !insidePending(n));
    pending.clear();
    const late = {
      batch: ++lateBatches, roots: 0, nodes: 0, wait: start - Math.min(...batch.map(([, seen]) => seen)),
      work: 0, snapshot: 0, classify: 0, apply: 0, slices: 0, span: [start, start],
    };
    let sliceStart = performance.now();
    for (const [root] of batch) {
      if (!stillWanted()) return;
      if (!root.isConnected || root.closest(`[${ATTR_USER}="hide"]`)) continue;
      const t0 = performance.now();
      const snap = await snapshotSubtreeSliced(root, { sliceMs: SLICE_MS, pause });
      const t1 = performance.now();
      const result = await runCore(snap.wire, Mode.LATE);
      const t2 = performance.now();
      if (!stillWanted()) return;
      await applyBlocks(snap, result.blocks, { sliced: snap.slices > 1, stillWanted });
      const t3 = performance.now();
      late.roots++;
      late.nodes += snap.nodes.length - snap.subtreeStart;
      late.slices += snap.slices;
      late.snapshot += t1 - t0;
      late.classify += t2 - t1;
      late.apply += t3 - t2;
      late.work = t3 - start;
      late.span[1] = t3;
      if (performance.now() - sliceStart > FRAME_BUDGET_MS) {
        await nextFrame();
        sliceStart = performance.now();
      }
    }
    if (timings && late.roots) timings = { ...timings, late };
    await send({ type: Msg.SET_BADGE, count: records.filter(isHidden).length });
  } catch (e) {
    console.warn("Blockwise: late content left as it is:", e);
  } finally {
    working = false;
  }
}

/** Whether an ancestor of `n` is itself waiting as late content. @param {Node} n */
function insidePending(n) {
  for (let a = n.parentNode; a; a = a.parentNode) if (pending.has(/** @type {Element} */ (a))) return true;
  return false;
}

function checkNavigation() {
  if (!cleaned || pageKey() === lastPage) return;
  lastPage = pageKey();
  clearTimeout(settleTimer);
  settleTimer = setTimeout(async () => {
    await restore();
    await clean();
  }, SPA_SETTLE_MS);
}

/* ---------- getting ready before the click ---------- */

/**
 * What preparation did on this page (PageState.prepared; null where it is not on): `state` is
 * "waiting" (for the page's thread to be idle), "running", "ready", "used" (by a click), "skipped"
 * (never prepared: `reason` says why) or "discarded" (prepared, then dropped: `reason`). `timings`, in
 * ms: `thread`, the time it held the page's thread, and its parts: `walk` (the walk's slices),
 * `classify` (the core's run) and `warm` (the click's code run ahead, `warmClick`); `longest`, its longest
 * single task, `slices`, `nodes`, and `wall`, from the idle callback to ready (the Wasm's compilation,
 * off the page's thread, included).
 * @type {{ state: string, reason: string | null,
 *          timings: { wall: number, thread: number, walk: number, classify: number, warm: number, longest: number,
 *                     slices: number, nodes: number } | null } | null}
 */
let preparation = null;
/**
 * The prepared page: its blocks, numbered into `snap.nodes` (their elements alone: the walk's arrays
 * are not kept), the address it was prepared at, and how many elements the page had.
 * @type {{ snap: import("./snapshot.js").Snapshot & { slices: number },
 *          result: { blocks: Array<{ node: number, kind: string, confidence: number, reasons: string[] }>, reader: null },
 *          url: string, elements: number, text: number } | null}
 */
let prepared = null;
/** @type {Promise<void> | null} the preparation while it runs */
let preparing = null;

/** Resolves when the page's thread is idle (requestIdleCallback where there is one), at most after PREPARE_IDLE_TIMEOUT_MS. */
function idle() {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(undefined), { timeout: PREPARE_IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 50);
  });
}

/** @param {"skipped" | "discarded"} st @param {string} reason */
function endPreparation(st, reason) {
  prepared = null;
  if (preparation) Object.assign(preparation, { state: st, reason });
  if (!cleaned) stopWatching();
}

/** Drops the prepared blocks (the click then cleans as it would have without them). @param {string} reason */
function discardPrepared(reason) {
  endPreparation("discarded", reason);
}

/**
 * Walks and classifies the page once its thread is idle, changing nothing on it: no mark, no node, no
 * element's style (tests/e2e compare `outerHTML`, the page's MutationObserver and every element's box;
 * the one thing it adds is the hiding sheet, adopted inert: `warmClick`). The walk goes in SLICE_MS
 * slices as a click's does; the core runs here in one task, so pages of more than PREPARE_MAX_NODES
 * are left alone, as are pages whose CSP refuses Wasm in this script (their core runs in the background
 * at the click; copying every page there on every load is not cheap). Subtrees the page adds afterwards are remembered (the
 * late-content observer); the click classifies them by the late path.
 */
async function prepare() {
  preparation = { state: "waiting", reason: null, timings: null };
  if (!/^https?:$/.test(location.protocol)) return endPreparation("skipped", "not http(s)");
  await idle();
  if (preparation.state !== "waiting" || cleaned || cleaning) return; // a click came first
  preparation.state = "running";
  preparing = runPreparation()
    .catch((e) => endPreparation("skipped", String(e?.message ?? e)))
    .finally(() => { preparing = null; });
}

async function runPreparation() {
  const url = location.href;
  const t0 = performance.now();
  // The settings the click will most likely bring, for the hiding sheet made ahead (`warmClick`).
  const settingsRead = loadSettings(api.storage.local).catch(() => null);
  if (!(await coreHere)) return endPreparation("skipped", "the page's CSP refuses Wasm here");
  const elements = document.getElementsByTagName("*").length;
  if (elements > PREPARE_MAX_NODES) return endPreparation("skipped", `more than ${PREPARE_MAX_NODES} nodes`);
  // Time on the page's thread: the walk's slices, without the pauses between them.
  let away = 0;
  let longest = 0;
  let sliceStart = performance.now();
  const timedPause = async () => {
    const t = performance.now();
    longest = Math.max(longest, t - sliceStart);
    await pause();
    sliceStart = performance.now();
    away += sliceStart - t;
  };
  watchMutations(false);
  const t1 = performance.now();
  const snap = await snapshotPageSliced({ sliceMs: SLICE_MS, pause: timedPause });
  const t2 = performance.now();
  longest = Math.max(longest, t2 - sliceStart);
  if (snap.wire.names.length > PREPARE_MAX_NODES) return endPreparation("skipped", `more than ${PREPARE_MAX_NODES} nodes`);
  if (preparation?.state !== "running") return;
  if (location.href !== url) return discardPrepared("navigated");
  const result = await analyzeWire(snap.wire, Mode.BLOCKS);
  const t3 = performance.now();
  analyses++;
  if (preparation?.state !== "running") return;
  if (!result || !Array.isArray(result.blocks)) throw new Error("the core returned no blocks");
  forgetWalked(snap);
  // Only the blocks' elements are kept, renumbered.
  /** @type {Element[]} */
  const nodes = [];
  const blocks = [];
  for (const b of result.blocks) {
    const el = Number.isInteger(b.node) ? snap.nodes[b.node] : null;
    if (!el || !KINDS.includes(b.kind)) continue;
    blocks.push({ ...b, node: nodes.length });
    nodes.push(el);
  }
  const walk = t2 - t1 - away;
  const settings = await settingsRead;
  if (preparation?.state !== "running") return;
  const t4 = performance.now();
  await warmClick(settings);
  const t5 = performance.now();
  if (preparation?.state !== "running") return;
  // The wire is not kept (the click reads only the blocks' elements); slices: 1, as the marks of a
  // page this small go on in one task.
  prepared = {
    snap: { wire: /** @type {any} */ (null), nodes, subtreeStart: 0, slices: 1 }, result: { blocks, reader: null }, url, elements,
    text: snap.wire.strings.length, // the page's distinct texts and attribute values: an upper bound of its text
  };
  const warm = t5 - t4;
  preparation.timings = {
    wall: t5 - t0, thread: walk + (t3 - t2) + warm, walk, classify: t3 - t2, warm,
    longest: Math.max(longest, t3 - t2, warm), slices: snap.slices, nodes: snap.wire.names.length,
  };
  preparation.state = "ready";
}

/**
 * Runs the click's own code once ahead of it, so that the click (the first run of that code in this
 * freshly loaded script, otherwise: V8 compiling each function on its first call, its first calls into
 * each DOM interface from this script's world) finds it warm, and does ahead the one step of the click
 * that is not a mark:
 * - the hiding sheet the click will most likely need is made now (`new CSSStyleSheet`, `replaceSync`
 *   with the text for `settings`) and adopted by the page (`document.adoptedStyleSheets`), inert: every
 *   rule's last compound names MARK_CLASS and one of Blockwise's own attributes, which no element of the
 *   page carries until the click, so it matches nothing, changes no element's style and adds no DOM node
 *   (`outerHTML` and the page's MutationObserver see nothing). The click then only marks (a click with
 *   other settings replaces the sheet's text; a page that replaced its `adoptedStyleSheets` meanwhile,
 *   as frameworks do, gets it adopted again by the click's `adoptSheet`). Where the page is never
 *   cleaned the sheet stays there inert; a restore takes it off with the rest;
 * - the marks go on and off an element made for it, which never enters the page, and the applying loop
 *   runs over it (a node not in the page is skipped, as a removed one is);
 * - the kinds and the sheet's text are worked out; `pause()`'s channel, which the click's follow-ups
 *   use, is made.
 * tests/e2e/prepare.test.mjs checks the page's `outerHTML`, that its MutationObserver sees nothing and
 * that no element's box, display or visibility differs with the sheet from without it. What the click
 * saves is the next frame's style work for the new sheet (its rule set, done in the preparation's
 * frame); its own time is about the same: with the sheet in force, its first mark schedules the style
 * update the adoption scheduled before (docs/benchmarks.md, "The browser, sixth pass").
 * @param {import("../common/settings.js").Settings | null} settings
 */
async function warmClick(settings) {
  try {
    if (settings) {
      const text = blockHidingCss(effectiveHiddenKinds(settings, host));
      if (localSheet === null) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        localSheet = sheet;
        localSheetText = text;
      }
    }
    if (localSheet) adoptSheet(document, localSheet);
    // An element that is never put into the page (no observer of the page sees it).
    const scratch = document.createElement("div");
    mark(scratch, ATTR_KIND, KINDS[1]);
    unmark(scratch, ATTR_KIND);
    await applyBlocks({ wire: /** @type {any} */ (null), nodes: [scratch], subtreeStart: 0 }, [{ node: 0, kind: KINDS[1], confidence: 1, reasons: [] }]);
    // pause()'s channel made now; nothing waits for this one (the preparation holds no task open).
    pause();
  } catch (e) {
    console.info("Blockwise: warming the click up failed (the click does it all):", /** @type {any} */ (e)?.message ?? e);
  }
}

/**
 * The prepared page for a click, or null (the click then walks and classifies as usual): a preparation
 * still waiting for idle time is called off; one running is awaited (its walk and core run are the
 * ones the click would do, and part of them is done). The blocks are used only if the address is the
 * one they were prepared at and the page has not changed too much since (`changedTooMuch`); elements removed since are skipped when applied, subtrees added since go by the
 * late path after the clean.
 */
async function takePrepared() {
  if (!preparation) return null;
  if (preparation.state === "waiting") {
    endPreparation("skipped", "clicked first");
    return null;
  }
  if (preparing) await preparing;
  const p = prepared;
  if (!p) return null;
  prepared = null;
  if (p.url !== location.href) {
    discardPrepared("navigated");
    return null;
  }
  if (changedTooMuch(p)) {
    discardPrepared("changed");
    return null;
  }
  preparation.state = "used";
  return p;
}

/**
 * Whether the page changed too much since `p` was prepared (PREPARE_MAX_ADDED, PREPARE_MAX_DRIFT): asked
 * only when something was added (a removal alone leaves the prepared blocks right, less the removed).
 * @param {NonNullable<typeof prepared>} p
 */
function changedTooMuch(p) {
  if (!pending.size) return false;
  if (pending.size > PREPARE_MAX_ADDED) return true;
  if (Math.abs(document.getElementsByTagName("*").length - p.elements) > PREPARE_MAX_DRIFT * p.elements) return true;
  let text = 0;
  for (const el of pending.keys()) if (el.isConnected) text += el.textContent?.length ?? 0;
  return text > PREPARE_MAX_DRIFT * p.text;
}

/* ---------- messages ---------- */

addEventListener(
  "contextmenu",
  (e) => {
    const t = e.composedPath()[0];
    contextTarget = t instanceof Element ? t : null;
  },
  { capture: true, passive: true },
);

api.storage.onChanged.addListener(async (changes, area) => {
  if (area !== "local" || !(SETTINGS_KEY in changes) || !cleaned) return;
  const since = performance.now();
  // The change carries the new settings: no read back from storage unless they need repair.
  const { settings, changed } = migrate(changes[SETTINGS_KEY].newValue);
  await applySettings(changed ? await loadSettings(api.storage.local) : settings, since);
});

listen({
  [Msg.PAGE_PING]: () => "pong",
  [Msg.PAGE_CLEAN]: (msg) => clean(msg.settings),
  [Msg.PAGE_RESTORE]: () => restore(),
  [Msg.PAGE_STATE]: () => state(),
  [Msg.PAGE_SETTINGS]: async () => {
    const since = performance.now();
    if (cleaned) await applySettings(await loadSettings(api.storage.local), since);
    return state();
  },
  [Msg.PAGE_PEEK]: (msg) => peek(msg.index),
  [Msg.PAGE_CORRECT]: (msg) => {
    const rec = records[msg.index];
    if (!rec) throw new Error(`no block ${msg.index}`);
    return correct(rec, msg.action);
  },
  [Msg.PAGE_HIDE_TARGET]: async (msg) => {
    await clean();
    // Firefox names the right-clicked element even when this script arrived after the click.
    const menus = /** @type {any} */ (api).menus;
    const target = contextTarget ?? (msg.targetElementId !== undefined ? menus?.getTargetElement?.(msg.targetElementId) : null);
    const el = target && blockAround(target);
    if (!el) throw new Error("nothing to hide there");
    return correct(recordOf(el), "hide");
  },
  [Msg.PAGE_READER]: async () => {
    if (!cleaned || !reader) {
      const snap = await snapshotPageSliced({ sliceMs: SLICE_MS, pause }).catch((e) => {
        throw e instanceof PageTooLarge ? new Error(api.i18n.getMessage("popupTooLarge", [String(e.nodes)])) : e;
      });
      const result = await runCore(snap.wire, Mode.READER);
      reader = result.reader ?? null;
    }
    if (!reader) throw new Error(api.i18n.getMessage("readerNoArticle"));
    return reader;
  },
});

if (/** @type {any} */ (globalThis).blockwisePrepare) prepare();
