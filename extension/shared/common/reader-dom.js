// @ts-check
/**
 * The core's reader document (docs/snapshot-format.md: `content` is a tree of `{ t, a, c }` elements
 * and strings) turned into DOM nodes, for the extension's reader page and the playground's reader
 * preview alike.
 *
 * Never trust, always rebuild: every node is made with createElement / createTextNode, tags and
 * attributes are checked again against the core's allowlist, URLs are resolved and kept only when
 * http(s) (or a data: image), so page-derived text is never parsed as markup, whatever the core
 * (or anything between it and this page) hands over.
 */

/** The core's allowlist of tags (src/reader.rs `ALLOWED_TAGS`). */
export const READER_TAGS = new Set([
  "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "table",
  "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "pre", "code", "em", "strong", "a", "br", "hr", "sub",
  "sup", "dl", "dt", "dd", "q", "cite", "small", "b", "i", "u", "s", "mark",
]);
/** The attributes the core may set. */
export const READER_ATTRS = new Set(["href", "src", "alt", "title", "colspan", "rowspan"]);
const URL_ATTRS = new Set(["href", "src"]);
/** Deeper reader trees are cut rather than risking the stack (the core stops at 100). */
export const READER_MAX_DEPTH = 200;

/**
 * `value` resolved against `base` when the result is http(s) or a `data:image/` URL, else null.
 * @param {string} value @param {string} base @returns {string | null}
 */
export function safeUrl(value, base) {
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
 * @typedef {object} ReaderDomOptions
 * @property {boolean} [newTab] links open in a new tab (`target=_blank`; `rel=noopener noreferrer` always)
 * @property {(alt: string) => Node} [imagePlaceholder] when given, each image is replaced by the node
 *   it returns for the image's alt text (nothing is fetched)
 */

/**
 * One reader node as DOM, or null when it is not an allowlisted element or a string.
 * @param {any} node a ReaderNode @param {string} base the page's URL, for relative links
 * @param {ReaderDomOptions} [opts] @param {number} [depth] @returns {Node | null}
 */
export function buildReaderNode(node, base, opts = {}, depth = 0) {
  if (typeof node === "string") return document.createTextNode(node);
  if (!node || typeof node !== "object" || depth > READER_MAX_DEPTH) return null;
  const tag = String(node.t);
  if (!READER_TAGS.has(tag)) return null;
  const attrs = node.a && typeof node.a === "object" ? node.a : {};
  if (tag === "img" && opts.imagePlaceholder) return opts.imagePlaceholder(typeof attrs.alt === "string" ? attrs.alt : "");
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (!READER_ATTRS.has(k)) continue;
    const value = URL_ATTRS.has(k) ? safeUrl(String(v), base) : String(v);
    if (value !== null) el.setAttribute(k, value);
  }
  if (tag === "a") {
    el.setAttribute("rel", "noopener noreferrer");
    if (opts.newTab) el.setAttribute("target", "_blank");
  }
  for (const c of Array.isArray(node.c) ? node.c : []) {
    const child = buildReaderNode(c, base, opts, depth + 1);
    if (child) el.append(child);
  }
  return el;
}

/**
 * The reader document's body (`doc.content`) appended to `parent`.
 * @param {Element} parent @param {any} content @param {string} base @param {ReaderDomOptions} [opts]
 */
export function appendReaderContent(parent, content, base, opts = {}) {
  for (const n of Array.isArray(content) ? content : []) {
    const child = buildReaderNode(n, base, opts, 0);
    if (child) parent.append(child);
  }
}
