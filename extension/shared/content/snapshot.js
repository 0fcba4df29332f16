// @ts-check
/**
 * The one snapshot walker: the live DOM -> the typed-array wire format of docs/snapshot-format.md.
 *
 * `snapshotPage()` walks the whole document; `snapshotSubtree(root)` builds the mini-snapshot used
 * for late content: the ancestor chain from <html> down to `root`'s parent (elements only, no
 * siblings), then `root`'s whole subtree. Both keep `nodes`, the DOM node of every index, so a
 * block's `node` number from the core maps straight back to its element.
 */

/** Attributes the core reads (docs/snapshot-format.md); every `data-*` is sent as well. */
const SENT_ATTRIBUTES = new Set([
  "id", "class", "role", "aria-label", "aria-hidden", "itemprop", "itemtype", "rel", "href", "src",
  "srcset", "alt", "title", "lang", "dir", "datetime", "content", "name", "property", "type", "hidden",
  "style", "action", "colspan", "rowspan", "poster", "placeholder",
]);

/** Our own marks on the page: never sent, so a second analysis sees the page as the site made it. */
const OWN_ATTRIBUTE_PREFIX = "data-blockwise";

/** Longest attribute value sent (the format allows cutting beyond 2,000 characters). */
const MAX_ATTRIBUTE_CHARS = 2000;

/** Elements whose text is not content (the element itself is still a node). */
const TEXT_SKIPPED = new Set(["script", "style", "noscript", "template"]);

/** Marks "no string" in `texts`. */
const NO_TEXT = 0xffffffff;

/** Flag bit 0: the element is not rendered. */
const FLAG_NOT_RENDERED = 1;

/**
 * @typedef {{
 *   url: string, strings: string, names: Uint32Array, parents: Int32Array, texts: Uint32Array,
 *   attrs: Uint32Array, flags: Uint8Array, rects: Float32Array,
 * }} Wire
 * @typedef {{ wire: Wire, nodes: Node[], subtreeStart: number }} Snapshot
 */

class Builder {
  constructor() {
    /** @type {Map<string, number>} */
    this.index = new Map();
    /** @type {string[]} */
    this.table = [];
    /** @type {Node[]} */
    this.nodes = [];
    /** @type {number[]} */ this.names = [];
    /** @type {number[]} */ this.parents = [];
    /** @type {number[]} */ this.texts = [];
    /** @type {number[]} */ this.attrs = [];
    /** @type {number[]} */ this.flags = [];
  }

  /** @param {string} s */
  intern(s) {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s);
      this.index.set(s, i);
    }
    return i;
  }

  /** Appends one node and returns its index. @param {Node} node @param {number} parent */
  push(node, parent) {
    const i = this.nodes.length;
    this.nodes.push(node);
    this.parents.push(parent);
    if (node.nodeType === Node.TEXT_NODE) {
      const data = /** @type {Text} */ (node).data;
      this.names.push(this.intern("#text"));
      this.texts.push(this.intern(data.trim() === "" ? " " : data));
      this.flags.push(0);
      return i;
    }
    const el = /** @type {Element} */ (node);
    this.names.push(this.intern(el.localName.toLowerCase()));
    this.texts.push(NO_TEXT);
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith(OWN_ATTRIBUTE_PREFIX)) continue;
      if (!SENT_ATTRIBUTES.has(name) && !name.startsWith("data-")) continue;
      const value = a.value.length > MAX_ATTRIBUTE_CHARS ? a.value.slice(0, MAX_ATTRIBUTE_CHARS) : a.value;
      this.attrs.push(i, this.intern(name), this.intern(value));
    }
    // Geometry is optional in the format and the core does not read it yet: measuring every element
    // forces layout work on the page for nothing, so only visibility is sent.
    const rendered = typeof el.checkVisibility === "function" ? el.checkVisibility() : true;
    this.flags.push(rendered ? 0 : FLAG_NOT_RENDERED);
    return i;
  }

  /**
   * Walks `root` and its descendants in document order (iteratively: pages nest deeper than any
   * stack). Open shadow roots stand in for their host's light-DOM children; iframes are not entered.
   * @param {Node} root @param {number} parent
   */
  walk(root, parent) {
    /** @type {Array<[Node, number]>} */
    const stack = [[root, parent]];
    while (stack.length) {
      const [node, p] = /** @type {[Node, number]} */ (stack.pop());
      const i = this.push(node, p);
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = /** @type {Element} */ (node);
      const name = el.localName.toLowerCase();
      if (TEXT_SKIPPED.has(name) && !(name === "script" && el.getAttribute("type") === "application/ld+json")) continue;
      if (name === "iframe") continue;
      const kids = (el.shadowRoot ?? el).childNodes;
      for (let k = kids.length - 1; k >= 0; k--) {
        const kid = kids[k];
        if (kid.nodeType === Node.ELEMENT_NODE || kid.nodeType === Node.TEXT_NODE) stack.push([kid, i]);
      }
    }
  }

  /** @returns {Wire} */
  wire() {
    return {
      url: location.href,
      strings: this.table.join("\u0000"),
      names: Uint32Array.from(this.names),
      parents: Int32Array.from(this.parents),
      texts: Uint32Array.from(this.texts),
      attrs: Uint32Array.from(this.attrs),
      flags: Uint8Array.from(this.flags),
      rects: new Float32Array(0),
    };
  }
}

/** The whole page. @returns {Snapshot} */
export function snapshotPage() {
  const b = new Builder();
  b.walk(document.documentElement, -1);
  return { wire: b.wire(), nodes: b.nodes, subtreeStart: 0 };
}

/**
 * A mini-snapshot for late content: `root`'s ancestors from <html> down, then `root`'s subtree,
 * which starts at index `subtreeStart`.
 * @param {Element} root @returns {Snapshot}
 */
export function snapshotSubtree(root) {
  const b = new Builder();
  /** @type {Element[]} */
  const chain = [];
  for (let a = root.parentElement; a; a = a.parentElement) chain.unshift(a);
  let parent = -1;
  for (const a of chain) parent = b.push(a, parent);
  const subtreeStart = b.nodes.length;
  b.walk(root, parent);
  return { wire: b.wire(), nodes: b.nodes, subtreeStart };
}
