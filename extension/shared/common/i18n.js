// @ts-check
/** UI text from `_locales`: `t(name, ...substitutions)` and `localize(root)` for `data-i18n*` attributes. */

import { api } from "./api.js";

/** @param {string} name @param {...(string | number)} subs */
export function t(name, ...subs) {
  return api.i18n.getMessage(name, subs.map(String)) || name;
}

/**
 * Fills `data-i18n` (text), `data-i18n-title` and `data-i18n-aria-label` from the message catalogue.
 * @param {ParentNode} root
 */
export function localize(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(/** @type {string} */ (el.getAttribute("data-i18n")));
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.setAttribute("title", t(/** @type {string} */ (el.getAttribute("data-i18n-title"))));
  for (const el of root.querySelectorAll("[data-i18n-aria-label]")) {
    el.setAttribute("aria-label", t(/** @type {string} */ (el.getAttribute("data-i18n-aria-label"))));
  }
  document.documentElement.lang = api.i18n.getUILanguage();
}

/**
 * Creates an element with attributes and children (text as text nodes, never markup).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Record<string, string>} [attrs] @param {Array<Node | string>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}
