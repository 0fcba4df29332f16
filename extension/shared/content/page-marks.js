// @ts-check
/**
 * The only changes Blockwise makes to a page's DOM: `data-blockwise*` attributes, and one class,
 * `blockwise-block` (MARK_CLASS), on every element that carries one of them. Each first write remembers
 * the attribute's original value (almost always "absent"), and the first class write the element's
 * original `class` attribute, so `clearAll` puts the page back exactly as it was:
 * `document.documentElement.outerHTML` is identical after a restore.
 *
 * Why a class: the hiding sheet's selectors need a class in their last compound. Firefox restyles the
 * whole document when a sheet whose rules end in attribute selectors alone goes on (0.6-1.6 s on
 * 200,000 elements), but only the elements with that class when they name one (docs/hardening.md).
 *
 * | attribute              | set by                | meaning                                      |
 * | ---------------------- | --------------------- | -------------------------------------------- |
 * | `data-blockwise`       | the core's decision   | the block's kind                             |
 * | `data-blockwise-user`  | the user's correction | `show` (never hide) or `hide` (always hide)  |
 * | `data-blockwise-peek`  | the popup's list      | shown and outlined for a moment              |
 */

import { KINDS } from "../common/settings.js";

export const ATTR_KIND = "data-blockwise";
export const ATTR_USER = "data-blockwise-user";
export const ATTR_PEEK = "data-blockwise-peek";
/** The class every marked element carries while it is marked. */
export const MARK_CLASS = "blockwise-block";
/** MARK_CLASS as one token of a class attribute, with one white space next to it (before it if any). */
const MARK_TOKEN = new RegExp(`[\\t\\n\\f\\r ]${MARK_CLASS}(?=[\\t\\n\\f\\r ]|$)|^${MARK_CLASS}(?:[\\t\\n\\f\\r ]|$)`, "g");
/** MARK_CLASS as one token anywhere in a class attribute (what `classList.contains` answers). */
const HAS_MARK_TOKEN = new RegExp(`(?:^|[\\t\\n\\f\\r ])${MARK_CLASS}(?:[\\t\\n\\f\\r ]|$)`);

/**
 * Whether a class attribute's value holds MARK_CLASS: read from the value already in hand, where
 * `classList` would make a DOMTokenList for the element (a cost on every mark of a click).
 * @param {string | null} value
 */
export function hasMarkClass(value) {
  return value !== null && value.includes(MARK_CLASS) && HAS_MARK_TOKEN.test(value);
}

/** @type {Map<Element, Map<string, string | null>>} original values, per element and attribute */
const originals = new Map();

/**
 * Elements given MARK_CLASS: their `class` attribute before (null: none), and as Blockwise wrote it.
 * @type {Map<Element, { before: string | null, wrote: string | null }>}
 */
const classes = new Map();

/** @param {Element} el @param {string} attr @param {string} value */
export function mark(el, attr, value) {
  let saved = originals.get(el);
  if (!saved) originals.set(el, (saved = new Map()));
  if (!saved.has(attr)) saved.set(attr, el.getAttribute(attr));
  el.setAttribute(attr, value);
  addMarkClass(el);
}

/**
 * Gives `el` MARK_CLASS, remembering its class attribute as it is now; again if the page took the class
 * off since (its own value then counts as the original). @param {Element} el
 */
function addMarkClass(el) {
  const known = classes.get(el);
  const before = el.getAttribute("class");
  if (known && before === known.wrote) return;
  if (hasMarkClass(before)) {
    // The page's own class (or ours, kept by the page's rewrite): nothing to write, nothing to undo.
    if (!known) classes.set(el, { before, wrote: before });
    return;
  }
  const wrote = before === null || before === "" ? MARK_CLASS : `${before} ${MARK_CLASS}`;
  classes.set(el, { before, wrote });
  el.setAttribute("class", wrote);
}

/**
 * Takes MARK_CLASS off `el`: its class attribute exactly as before if it is still as Blockwise wrote it;
 * else (the page changed it meanwhile) the page's value without the class. @param {Element} el
 */
function removeMarkClass(el) {
  const known = classes.get(el);
  if (!known) return;
  classes.delete(el);
  const now = el.getAttribute("class");
  if (known.wrote === known.before || now === null) return;
  const value = now === known.wrote ? known.before : withoutMarkClass(now);
  if (value === null || (value === "" && known.before === null)) el.removeAttribute("class");
  else el.setAttribute("class", value);
}

/** A class attribute's value without MARK_CLASS. @param {string} value */
function withoutMarkClass(value) {
  return value.includes(MARK_CLASS) ? value.replace(MARK_TOKEN, "") : value;
}

/**
 * The page's own class attribute of `el`, for the walker (which sends the page as the site made it):
 * `value` without MARK_CLASS if Blockwise put it there; null if the element had no class attribute.
 * @param {Element} el @param {string} value its class attribute now
 * @returns {string | null}
 */
export function pageClass(el, value) {
  const known = classes.get(el);
  if (!known || known.wrote === known.before) return value;
  if (value === known.wrote) return known.before;
  return withoutMarkClass(value);
}

/**
 * After the page set `el`'s class attribute: puts MARK_CLASS back if `el` is marked and the page's value
 * dropped it (a framework writing `className` would otherwise show a hidden block again). @param {Node} el
 */
export function keepMarkClass(el) {
  const known = classes.get(/** @type {Element} */ (el));
  if (known && !hasMarkClass(/** @type {Element} */ (el).getAttribute("class"))) addMarkClass(/** @type {Element} */ (el));
}

/** Whether any element carries MARK_CLASS from Blockwise now (the walker's shortcut). */
export function anyMarkClass() {
  return classes.size !== 0;
}

/** Puts one attribute of one element back as it was. @param {Element} el @param {string} attr */
export function unmark(el, attr) {
  const saved = originals.get(el);
  if (!saved?.has(attr)) return;
  const value = saved.get(attr);
  if (value === null || value === undefined) el.removeAttribute(attr);
  else el.setAttribute(attr, value);
  saved.delete(attr);
  if (saved.size === 0) {
    originals.delete(el);
    removeMarkClass(el);
  }
}

/** Puts every attribute and class Blockwise wrote back as it was. */
export function clearAll() {
  for (const [el, saved] of originals) {
    for (const [attr, value] of saved) {
      if (value === null) el.removeAttribute(attr);
      else el.setAttribute(attr, value);
    }
  }
  originals.clear();
  for (const el of [...classes.keys()]) removeMarkClass(el);
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
 * The extension's stylesheet on a cleaned page: a rule for each kind hidden now, the user's "hide"
 * corrections, the peek outline. Toggling a kind replaces this sheet's text (nothing on the page's
 * elements changes): Gecko restyles only the elements the added or dropped rules can match, where a
 * switch on the root (`:root[data-blockwise-hide~=K] .blockwise-block…`) made it carry the change down
 * the tree one level per call and crash a page nested 20,000 deep (docs/hardening.md). Every rule's last
 * compound names MARK_CLASS, so a browser adding the sheet looks only at marked elements.
 *
 * `documentOnly`: every selector starts with `:root ` (a descendant of the document's root element),
 * which no element inside a shadow tree is, for the background's user-origin sheet. Chromium applies a
 * user-origin sheet inside shadow trees too, but when that sheet is removed it does not rebuild the
 * boxes of the shadow-tree elements it hid: after a restore, or after a kind was shown again, a block
 * inside an open shadow root stayed without a box (computed `display: block`, `checkVisibility()`
 * false) until something else restyled it (docs/extension.md, "Blocks in shadow roots"). Shadow trees
 * are hidden by the local sheet alone, which each of them adopts.
 * @param {readonly string[]} hiddenKinds @param {{ documentOnly?: boolean }} [opts]
 */
export function blockHidingCss(hiddenKinds, { documentOnly = false } = {}) {
  const marked = `${documentOnly ? ":root " : ""}.${MARK_CLASS}`;
  const hide = KINDS.filter((k) => hiddenKinds.includes(k)).map((k) => `${marked}[${ATTR_KIND}="${k}"]:not([${ATTR_USER}="show"])`);
  hide.push(`${marked}[${ATTR_USER}="hide"]`);
  // The peek rule must outweigh the hiding ones (specificity 0,3,0): 0,4,0.
  const peek = `${marked}${`[${ATTR_PEEK}]`.repeat(3)}`;
  return (
    `${hide.join(",\n")} { display: none !important; }\n` +
    `${peek} { display: revert !important; outline: 3px solid #d0342c !important; outline-offset: 2px !important; }\n`
  );
}
