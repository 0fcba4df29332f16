// @ts-check
/**
 * The only changes Blockwise makes to a page's DOM: `data-blockwise*` attributes. Each first write
 * remembers the attribute's original value (almost always "absent") so `clearAll` puts the page back
 * exactly as it was: `document.documentElement.outerHTML` is identical after a restore.
 *
 * | attribute              | set by                | meaning                                      |
 * | ---------------------- | --------------------- | -------------------------------------------- |
 * | `data-blockwise`       | the core's decision   | the block's kind                             |
 * | `data-blockwise-user`  | the user's correction | `show` (never hide) or `hide` (always hide)  |
 * | `data-blockwise-peek`  | the popup's list      | shown and outlined for a moment              |
 * | `data-blockwise-hide`  | the settings, on <html> | the kinds hidden now, space-separated      |
 */

import { KINDS } from "../common/settings.js";

export const ATTR_KIND = "data-blockwise";
export const ATTR_USER = "data-blockwise-user";
export const ATTR_PEEK = "data-blockwise-peek";
export const ATTR_HIDE = "data-blockwise-hide";

/** @type {Map<Element, Map<string, string | null>>} original values, per element and attribute */
const originals = new Map();

/** @param {Element} el @param {string} attr @param {string} value */
export function mark(el, attr, value) {
  let saved = originals.get(el);
  if (!saved) originals.set(el, (saved = new Map()));
  if (!saved.has(attr)) saved.set(attr, el.getAttribute(attr));
  el.setAttribute(attr, value);
}

/** Puts one attribute of one element back as it was. @param {Element} el @param {string} attr */
export function unmark(el, attr) {
  const saved = originals.get(el);
  if (!saved?.has(attr)) return;
  const value = saved.get(attr);
  if (value === null || value === undefined) el.removeAttribute(attr);
  else el.setAttribute(attr, value);
  saved.delete(attr);
  if (saved.size === 0) originals.delete(el);
}

/** Puts every attribute Blockwise wrote back as it was. */
export function clearAll() {
  for (const [el, saved] of originals) {
    for (const [attr, value] of saved) {
      if (value === null) el.removeAttribute(attr);
      else el.setAttribute(attr, value);
    }
  }
  originals.clear();
}

/**
 * The one stylesheet: hides the chosen kinds and the user's "hide" corrections, never what the user
 * said to show, and lets a peeked block through with an outline.
 * @param {readonly string[]} hiddenKinds
 */
export function hidingCss(hiddenKinds) {
  const hide = hiddenKinds.map((k) => `[${ATTR_KIND}="${k}"]:not([${ATTR_USER}="show"])`);
  hide.push(`[${ATTR_USER}="hide"]`);
  return (
    `${hide.join(",\n")} { display: none !important; }\n` +
    `[${ATTR_PEEK}][${ATTR_PEEK}] { display: revert !important; outline: 3px solid #d0342c !important; outline-offset: 2px !important; }\n`
  );
}

/**
 * A selector that finds `el` again on the next visit: the nearest unique id, then tag names with
 * their position among siblings of the same tag.
 * @param {Element} el @returns {string | null} null for elements inside shadow roots
 */
export function selectorFor(el) {
  /** @type {string[]} */
  const parts = [];
  for (let e = /** @type {Element | null} */ (el); e; e = e.parentElement) {
    if (e.id && e.ownerDocument.querySelectorAll(`#${CSS.escape(e.id)}`).length === 1) {
      parts.unshift(`#${CSS.escape(e.id)}`);
      return parts.join(" > ");
    }
    if (e === e.ownerDocument.documentElement) {
      parts.unshift("html");
      return parts.join(" > ");
    }
    let n = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === e.localName) n++;
    parts.unshift(`${CSS.escape(e.localName)}:nth-of-type(${n})`);
  }
  return null;
}

/**
 * The extension's stylesheet on a cleaned page: the same whatever kinds are chosen, because it hides
 * a kind only while the root's `data-blockwise-hide` names it. Toggling a kind changes that one
 * attribute (no sheet to replace, nothing to ask the background); otherwise as `hidingCss`.
 */
export function switchedHidingCss() {
  const hide = KINDS.map((k) => `:root[${ATTR_HIDE}~="${k}"] [${ATTR_KIND}="${k}"]:not([${ATTR_USER}="show"])`);
  hide.push(`[${ATTR_USER}="hide"]`);
  // The peek rule must outweigh the hiding ones (specificity 0,4,0): 0,5,0.
  const peek = `:root ${`[${ATTR_PEEK}]`.repeat(4)}`;
  return (
    `${hide.join(",\n")} { display: none !important; }\n` +
    `${peek} { display: revert !important; outline: 3px solid #d0342c !important; outline-offset: 2px !important; }\n`
  );
}

/** Names the kinds hidden now on the root (the switch `switchedHidingCss` reads). @param {readonly string[]} hiddenKinds */
export function setHiddenKinds(hiddenKinds) {
  mark(document.documentElement, ATTR_HIDE, hiddenKinds.join(" "));
}
