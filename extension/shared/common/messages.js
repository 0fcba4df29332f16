// @ts-check
/**
 * The one message vocabulary shared by the background, the content script, the popup, the reader page
 * and the options page. Every message is `{ type: Msg.X, ...fields }`; every reply is wrapped as
 * `{ ok: true, value }` or `{ ok: false, error }` by `listen` and unwrapped by `send` / `sendToTab`,
 * so a failure on the other side arrives as a rejected promise with the original message.
 *
 * | type            | from -> to                  | fields                         | reply                      |
 * | --------------- | --------------------------- | ------------------------------ | -------------------------- |
 * | CLEAN_TAB       | popup -> background         | tabId                          | PageState                  |
 * | TOGGLE_TAB      | popup -> background         | tabId                          | PageState                  |
 * | OPEN_READER     | popup -> background         | tabId                          | { readerTabId }            |
 * | ANALYZE         | content -> background       | wire (see common/wire.js) or transfer, mode (core.js) | core result |
 * | ANALYZE_START   | content -> background       | header (a large wire's url and lengths) | transfer id        |
 * | ANALYZE_PART    | content -> background       | transfer, part (values or text from `at`) | true             |
 * | SET_STYLE       | content -> background       | remove: css or "", insert: css or "" | true                 |
 * | SET_BADGE       | content -> background       | count (null clears)            | true                       |
 * | PAGE_PING       | background -> content       |                                | "pong"                     |
 * | PAGE_CLEAN      | background -> content       |                                | PageState                  |
 * | PAGE_RESTORE    | popup/background -> content |                                | PageState                  |
 * | PAGE_STATE      | popup -> content            |                                | PageState                  |
 * | PAGE_PEEK       | popup -> content            | index (into PageState.blocks)  | true                       |
 * | PAGE_CORRECT    | popup -> content            | index, action: "show"|"hide"|"undo" | PageState             |
 * | PAGE_HIDE_TARGET| background -> content       | targetElementId (Firefox)      | PageState                  |
 * | PAGE_SETTINGS   | popup -> content            | (settings were just written)   | PageState                  |
 * | PAGE_READER     | background -> content       |                                | reader document            |
 *
 * The reader page finds its document in `storage.session` under READER_KEY_PREFIX + a random id
 * (`reader/reader.html?doc=<key>`), written by the background's OPEN_READER.
 */

import { api } from "./api.js";

/** Message types. */
export const Msg = Object.freeze({
  CLEAN_TAB: "bw:clean-tab",
  TOGGLE_TAB: "bw:toggle-tab",
  OPEN_READER: "bw:open-reader",
  ANALYZE: "bw:analyze",
  ANALYZE_START: "bw:analyze-start",
  ANALYZE_PART: "bw:analyze-part",
  SET_STYLE: "bw:set-style",
  SET_BADGE: "bw:set-badge",
  PAGE_PING: "bw:page-ping",
  PAGE_CLEAN: "bw:page-clean",
  PAGE_RESTORE: "bw:page-restore",
  PAGE_STATE: "bw:page-state",
  PAGE_PEEK: "bw:page-peek",
  PAGE_CORRECT: "bw:page-correct",
  PAGE_HIDE_TARGET: "bw:page-hide-target",
  PAGE_SETTINGS: "bw:page-settings",
  PAGE_READER: "bw:page-reader",
});

/** Key prefix of reader documents in `storage.session`. */
export const READER_KEY_PREFIX = "reader:";

/**
 * What the content script reports about its page.
 * @typedef {{
 *   cleaned: boolean,
 *   error: string | null,
 *   tooLarge: number | null,
 *   host: string,
 *   engine: "content" | "background" | null,
 *   analyses: number,
 *   hiddenKinds: string[],
 *   siteOverride: boolean,
 *   counts: Record<string, number>,
 *   hiddenCount: number,
 *   timings: { total: number, snapshot: number, classify: number, apply: number,
 *              spans: Record<"snapshot" | "classify" | "apply", number[]>, slices: number,
 *              toggle?: number, prepared?: { wait: number },
 *              background?: { bytes: number, total: number, send?: number, classify?: number, return?: number },
 *              late?: { batch: number, roots: number, nodes: number, wait: number, work: number,
 *                       snapshot: number, classify: number, apply: number, slices: number, span: number[] } } | null,
 *   prepared: { state: string, reason: string | null, timings: { wall: number, thread: number, walk: number,
 *               classify: number, warm: number, longest: number, slices: number, nodes: number } | null } | null,
 *   blocks: Array<{ index: number, kind: string, confidence: number, reasons: string[],
 *                   label: string, hidden: boolean, user: "show" | "hide" | null }>,
 * }} PageState
 */

/** @param {{ ok: boolean, value?: any, error?: string } | undefined} reply */
function unwrap(reply) {
  if (!reply) throw new Error("no answer (the other side is not listening)");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a message to the extension's own pages and background; resolves with the handler's value. */
export async function send(/** @type {{type: string} & Record<string, any>} */ msg) {
  return unwrap(await api.runtime.sendMessage(msg));
}

/** Sends a message to the content script of a tab's top frame. */
export async function sendToTab(/** @type {number} */ tabId, /** @type {{type: string} & Record<string, any>} */ msg) {
  return unwrap(await api.tabs.sendMessage(tabId, msg, { frameId: 0 }));
}

/**
 * Answers messages whose type has a handler; other messages are left for other listeners.
 * @param {Record<string, (msg: any, sender: chrome.runtime.MessageSender) => any>} handlers
 */
export function listen(handlers) {
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const handler = msg && typeof msg.type === "string" ? handlers[msg.type] : undefined;
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(msg, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
      );
    return true;
  });
}
