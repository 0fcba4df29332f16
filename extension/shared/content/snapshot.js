// @ts-check
/**
 * The one snapshot walker: the live DOM -> the typed-array wire format of docs/snapshot-format.md.
 *
 * `snapshotPageSliced()` walks the whole document (in slices on a large page); `snapshotSubtree(root)`
 * builds the mini-snapshot used for late content: the ancestor chain from <html> down to `root`'s
 * parent (elements only, no siblings), then `root`'s whole subtree. Both keep `nodes`, the element
 * of every index (null for text), so a block's `node` number from the core maps straight back to it.
 */

import { ATTR_KIND, ATTR_USER, anyMarkClass, hasMarkClass, pageClass } from "./page-marks.js";

/** Attributes the core reads (docs/snapshot-format.md); every `data-*` is sent as well. */
const SENT_ATTRIBUTES = new Set([
  "id", "class", "role", "aria-label", "aria-hidden", "itemprop", "itemtype", "rel", "href", "src",
  "srcset", "alt", "title", "lang", "dir", "datetime", "content", "name", "property", "type", "hidden",
  "style", "action", "colspan", "rowspan", "poster", "placeholder", "aria-labelledby",
]);

/**
 * Our own marks on the page: never sent, so a second analysis sees the page as the site made it (nor is
 * the class page-marks.js adds to marked elements: `pageClass`).
 */
const OWN_ATTRIBUTE_PREFIX = "data-blockwise";

/** Longest attribute value sent (the format allows cutting beyond 2,000 characters). */
const MAX_ATTRIBUTE_CHARS = 2000;

/**
 * Longest text node sent: a million characters, about 170,000 words, far more than any story keeps in
 * one node. A page's 50 MB text node would otherwise cost the core and the reader view hundreds of
 * milliseconds on the page's thread for words that change no block's kind (the format allows the cut).
 */
const MAX_TEXT_CHARS = 1_000_000;

/** `data` cut to MAX_TEXT_CHARS, never between the two halves of a surrogate pair. @param {string} data */
function cutText(data) {
  const end = MAX_TEXT_CHARS - (/[\uD800-\uDBFF]/.test(data[MAX_TEXT_CHARS - 1]) ? 1 : 0);
  return data.slice(0, end);
}

/** Elements whose text is not content (the element itself is still a node). */
const TEXT_SKIPPED = new Set(["script", "style", "noscript", "template"]);

/** Marks "no string" in `texts`. */
const NO_TEXT = 0xffffffff;

/** Flag bit 0: the element is not rendered. */
const FLAG_NOT_RENDERED = 1;

/** Whether this browser has `Element.checkVisibility()` (without it every element counts as rendered). */
const CAN_CHECK_VISIBILITY = typeof Element.prototype.checkVisibility === "function";

/** `Builder.dead`'s values. */
const SHOWN = 0;
const DEAD = 1;
const PUT_AWAY = 2;

/**
 * Whether `el`, which the browser does not render but whose own display is not `none`, is only folded:
 * inside a closed `<details>` and not in its summary (a FAQ's answers, a "show more" section). That is
 * the page's text put away for a click, not hidden: sent as rendered, as a reader view shows a folded
 * section open and as the native parser reads it. (Asked only of elements the browser says it does not
 * render, so a page without closed `<details>` pays nothing.)
 * @param {Element} el
 */
function isFolded(el) {
  const details = el.parentElement?.closest("details:not([open])");
  if (!details) return false;
  for (let c = details.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === "summary") return !c.contains(el);
  }
  return true;
}

/**
 * Whether `el`'s `display: none` is Blockwise's own: a block of a kind the user hides (or hid by hand)
 * on a cleaned page, which the page itself does not hide with its `hidden` attribute or an inline
 * style. The page is sent as the site shows it (as its own classes are, `pageClass`), so the reader
 * view opened after a clean reads the same page as before it: the lists of a listing page the reader
 * keeps, a data table, a thread's replies. `marked`: whether Blockwise's class is on any element now
 * (the walk's `anyMarkClass()`, asked once per slice).
 * @param {Element} el @param {boolean} marked
 */
function hiddenByUs(el, marked) {
  return marked && hasMarkClass(el.getAttribute("class")) && (el.hasAttribute(ATTR_KIND) || el.hasAttribute(ATTR_USER))
    && !el.hasAttribute("hidden") && !(/** @type {HTMLElement} */ (el).style?.display === "none");
}

/** What the walk does with an element's children, by its lowercase tag name. */
const ENTER = 0;
const SKIP = 1;
const ENTER_IF_JSON_LD = 2;

/**
 * @typedef {{
 *   url: string, strings: string, names: Uint32Array, parents: Int32Array, texts: Uint32Array,
 *   attrs: Uint32Array, flags: Uint8Array, rects: Float32Array,
 * }} Wire
 * @typedef {{ wire: Wire, nodes: (Element | null)[], subtreeStart: number }} Snapshot
 */

/** Element and text node types (Node.ELEMENT_NODE, Node.TEXT_NODE). */
const ELEMENT = 1;
const TEXT = 3;

/** Anything but white space (the same set `String.prototype.trim` removes). */
const NOT_BLANK = /\S/;

/** First capacity of the growing typed arrays (doubled when full), for a page's walk. */
const FIRST_CAPACITY = 1024;
/**
 * The same for a mini-snapshot of late content: the ancestor chain (a dozen or two elements) and a
 * widget's few dozen nodes. Six typed arrays of 1,024 (about 28 KB, zero-filled) cost 15-40 µs to make
 * in a page, a fifth of a small late subtree's whole walk; a large subtree grows as a page's walk does.
 */
const SUBTREE_FIRST_CAPACITY = 64;

/** A sliced walk reads the clock once per this many nodes. */
const CLOCK_EVERY = 256;

/**
 * The most nodes the core takes (`MAX_NODES` in src/page.rs; package.test.mjs checks they agree). A
 * sliced walk stops as soon as a page has more.
 */
export const MAX_NODES = 2_000_000;

/** Thrown by `snapshotPageSliced` for a page with more than MAX_NODES nodes. */
export class PageTooLarge extends Error {
  /** @param {number} nodes at least this many */
  constructor(nodes) {
    super(`the page has more than ${nodes} nodes`);
    this.nodes = nodes;
  }
}

/**
 * Builds the wire arrays in place: typed arrays grown by doubling (no number[] then a copy), one Map
 * interning every string, and a small cache from an element's `localName` to its interned tag.
 */
class Builder {
  /** @param {number} capacity the typed arrays' first length, in nodes */
  constructor(capacity = FIRST_CAPACITY) {
    /** @type {Map<string, number>} */
    this.index = new Map();
    /** @type {string[]} */
    this.table = [];
    /**
     * raw localName -> 4 × the index of its lowercase form + ENTER, SKIP or ENTER_IF_JSON_LD (one
     * lookup per element: a walk mostly runs cold, in V8's first tiers, where every operation counts)
     * @type {Map<string, number>}
     */
    this.tags = new Map();
    /** @type {Map<string, number>} raw attribute name -> index of its lowercase form, or -1 if not sent */
    this.attrNames = new Map();
    /** ENTER, SKIP or ENTER_IF_JSON_LD for the element `push` took last */
    this.lastEntering = ENTER;
    /** @type {(Element | null)[]} the element of every index (null for a text node) */
    this.nodes = [];
    this.n = 0;
    this.names = new Uint32Array(capacity);
    this.parents = new Int32Array(capacity);
    this.texts = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    /**
     * DEAD for an element inside a `display: none` subtree (or one itself): never rendered, not asked;
     * PUT_AWAY inside a subtree folded or hidden by Blockwise; else SHOWN
     */
    this.dead = new Uint8Array(capacity);
    this.attrs = new Uint32Array(3 * capacity);
    this.nAttrs = 0;
    /** Indices of "#text" and " ", interned when first met (so the table's order is document order). */
    this.textName = -1;
    this.space = -1;
    /** @type {Node[]} the walk's open elements, its root first */
    this.open = [];
    /** @type {number[]} their indices */
    this.at = [];
    /** @type {Node | null} the walk's next node */
    this.cur = null;
    /** Whether Blockwise's class is on any element (`anyMarkClass`): asked once per slice, not per element. */
    this.marked = anyMarkClass();
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

  /** Doubles the per-node arrays. */
  grow() {
    const cap = 2 * this.names.length;
    /** @template {Uint32Array | Int32Array | Uint8Array} T @param {T} a @returns {T} */
    const bigger = (a) => {
      const b = /** @type {T} */ (new /** @type {any} */ (a.constructor)(cap));
      b.set(a);
      return b;
    };
    this.names = bigger(this.names);
    this.parents = bigger(this.parents);
    this.texts = bigger(this.texts);
    this.flags = bigger(this.flags);
    this.dead = bigger(this.dead);
  }

  /** @param {number} node @param {number} name @param {number} value */
  pushAttr(node, name, value) {
    if (this.nAttrs + 3 > this.attrs.length) {
      const b = new Uint32Array(2 * this.attrs.length);
      b.set(this.attrs);
      this.attrs = b;
    }
    const a = this.attrs;
    a[this.nAttrs] = node;
    a[this.nAttrs + 1] = name;
    a[this.nAttrs + 2] = value;
    this.nAttrs += 3;
  }

  /**
   * Appends one node and returns its index. @param {Node} node @param {number} parent
   * @param {number} type its nodeType (ELEMENT or TEXT), when the caller has read it
   */
  push(node, parent, type = node.nodeType) {
    const i = this.n;
    if (i === this.names.length) this.grow();
    this.n = i + 1;
    this.parents[i] = parent;
    if (type === TEXT) {
      // Blocks are elements: a text node's DOM object is not kept (fewer wrappers held on a big page).
      this.nodes.push(null);
      const data = /** @type {Text} */ (node).data;
      if (this.textName < 0) this.textName = this.intern("#text");
      this.names[i] = this.textName;
      if (NOT_BLANK.test(data)) this.texts[i] = this.intern(data.length > MAX_TEXT_CHARS ? cutText(data) : data);
      else this.texts[i] = this.space < 0 ? (this.space = this.intern(" ")) : this.space;
      this.flags[i] = 0;
      return i;
    }
    const el = /** @type {Element} */ (node);
    this.nodes.push(el);
    const local = el.localName;
    let tag = this.tags.get(local);
    if (tag === undefined) {
      const lower = local.toLowerCase();
      const entering = lower === "script" ? ENTER_IF_JSON_LD : lower === "iframe" || TEXT_SKIPPED.has(lower) ? SKIP : ENTER;
      this.tags.set(local, (tag = 4 * this.intern(lower) + entering));
    }
    this.lastEntering = tag & 3;
    this.names[i] = tag >>> 2;
    this.texts[i] = NO_TEXT;
    if (el.hasAttributes()) {
      // Names, then the values wanted: `attributes` would make an Attr node for every attribute.
      const list = el.getAttributeNames();
      for (let k = 0, len = list.length; k < len; k++) {
        const raw = list[k];
        let name = this.attrNames.get(raw);
        if (name === undefined) this.attrNames.set(raw, (name = this.attributeName(raw)));
        if (name < 0) continue;
        // getAttribute lowercases its argument on HTML elements: a name set with capitals through
        // setAttributeNS is found by its node instead.
        let v = el.getAttribute(raw) ?? el.attributes.getNamedItem(raw)?.value ?? "";
        if (raw === "class" && this.marked) {
          const own = pageClass(el, v);
          if (own === null) continue;
          v = own;
        }
        this.pushAttr(i, name, this.intern(v.length > MAX_ATTRIBUTE_CHARS ? v.slice(0, MAX_ATTRIBUTE_CHARS) : v));
      }
    }
    // Geometry is optional in the format and the core does not read it yet: measuring every element
    // forces layout work on the page for nothing, so only visibility is sent. Nothing inside a
    // `display: none` element has a box, so its descendants are not asked one by one. Inside a subtree
    // put away (PUT_AWAY) only the page's own `display: none` counts.
    let rendered = true;
    const above = parent >= 0 ? this.dead[parent] : SHOWN;
    this.dead[i] = above;
    if (above === DEAD) rendered = false;
    else if (CAN_CHECK_VISIBILITY && !el.checkVisibility()) {
      const display = getComputedStyle(el).display;
      // `display: contents` has no box of its own, so checkVisibility() says false, but its children
      // are laid out in its place and shown: it is rendered, and each child is asked for itself (sent
      // as not rendered, the core took its whole subtree for hidden: a shop's product details, each
      // section wrapped so).
      if (display === "none") {
        if (hiddenByUs(el, this.marked)) this.dead[i] = PUT_AWAY;
        else {
          rendered = false;
          this.dead[i] = DEAD;
        }
      } else if (display !== "contents") {
        if (above === PUT_AWAY || isFolded(el)) this.dead[i] = PUT_AWAY;
        else rendered = false;
      }
    }
    this.flags[i] = rendered ? 0 : FLAG_NOT_RENDERED;
    return i;
  }

  /**
   * The interned lowercase name of an attribute the core reads, or -1 for one that is not sent (ours,
   * and any but SENT_ATTRIBUTES and data-*). Asked once per distinct name.
   * @param {string} raw
   */
  attributeName(raw) {
    const name = raw.toLowerCase();
    if (name.startsWith(OWN_ATTRIBUTE_PREFIX)) return -1;
    if (!SENT_ATTRIBUTES.has(name) && !name.startsWith("data-")) return -1;
    return this.intern(name);
  }

  /** Whether the walk enters the children (shadow or light) of `el`, the element `push` took last. @param {Element} el */
  enteredLast(el) {
    const how = this.lastEntering;
    return how === ENTER || (how === ENTER_IF_JSON_LD && el.getAttribute("type") === "application/ld+json");
  }

  /**
   * Starts a walk of `root` and its descendants in document order that `step` carries on: iterative
   * (pages nest deeper than any call stack), with firstChild/nextSibling, so no child list is ever
   * built. Open shadow roots stand in for their host's light-DOM children; iframes are not entered.
   * @param {Node} root @param {number} parent
   */
  start(root, parent) {
    const top = this.push(root, parent);
    this.open = [];
    this.at = [];
    this.cur = null;
    if (root.nodeType !== ELEMENT || !this.enteredLast(/** @type {Element} */ (root))) return;
    this.open.push(root);
    this.at.push(top);
    this.cur = (/** @type {Element} */ (root).shadowRoot ?? root).firstChild;
  }

  /**
   * Carries the walk on until it is done (true) or `performance.now()` passes `deadline` (false;
   * the clock is read every CLOCK_EVERY nodes). Between two steps the page may change: a node
   * removed meanwhile ends its branch (a detached node has no next sibling), a node added behind
   * the walk is not seen (the caller watches for those), one added ahead of it is walked.
   * @param {number} deadline
   */
  step(deadline) {
    const { open, at } = this;
    this.marked = anyMarkClass();
    let cur = this.cur;
    let budget = CLOCK_EVERY;
    // The index of the innermost open element: the parent of the nodes met now.
    let top = at.length ? at[at.length - 1] : -1;
    for (;;) {
      if (cur === null) {
        const done = open.pop();
        at.pop();
        if (done === undefined || open.length === 0) {
          this.cur = null;
          return true;
        }
        top = at[at.length - 1];
        cur = done.nextSibling;
        continue;
      }
      if (--budget === 0) {
        budget = CLOCK_EVERY;
        if (performance.now() > deadline) {
          this.cur = cur;
          return false;
        }
      }
      const type = cur.nodeType;
      if (type === ELEMENT || type === TEXT) {
        const i = this.push(cur, top, type);
        if (type === ELEMENT && this.enteredLast(/** @type {Element} */ (cur))) {
          open.push(cur);
          at.push(i);
          top = i;
          cur = (/** @type {Element} */ (cur).shadowRoot ?? cur).firstChild;
          continue;
        }
      }
      cur = cur.nextSibling;
    }
  }

  /** @returns {Wire} */
  wire() {
    const n = this.n;
    return {
      url: location.href,
      strings: this.table.join("\u0000"),
      names: this.names.subarray(0, n),
      parents: this.parents.subarray(0, n),
      texts: this.texts.subarray(0, n),
      attrs: this.attrs.subarray(0, this.nAttrs),
      flags: this.flags.subarray(0, n),
      rects: new Float32Array(0),
    };
  }
}

/**
 * Carries on a started walk in slices of at most `sliceMs` each, with `pause()` between two slices, so
 * the page's own tasks (input, rendering, its timers) run in between. A walk done within the first
 * slice is never paused (the cost is a clock read per CLOCK_EVERY nodes). `onSliced` is called once,
 * before the first pause. More than MAX_NODES nodes: PageTooLarge, with nothing kept. Returns how
 * many slices it took.
 * @param {Builder} b @param {{ sliceMs: number, pause: () => Promise<unknown>, onSliced?: () => void }} opts
 */
async function stepSliced(b, { sliceMs, pause, onSliced }) {
  let slices = 1;
  while (!b.step(performance.now() + sliceMs)) {
    if (b.n > MAX_NODES) throw new PageTooLarge(MAX_NODES);
    if (slices++ === 1) onSliced?.();
    await pause();
  }
  if (b.n > MAX_NODES) throw new PageTooLarge(MAX_NODES);
  return slices;
}

/**
 * The whole page, walked in slices (`stepSliced`).
 * @param {{ sliceMs: number, pause: () => Promise<unknown>, onSliced?: () => void }} opts
 * @returns {Promise<Snapshot & { slices: number }>}
 */
export async function snapshotPageSliced(opts) {
  const b = new Builder();
  b.start(document.documentElement, -1);
  const slices = await stepSliced(b, opts);
  return { wire: b.wire(), nodes: b.nodes, subtreeStart: 0, slices };
}

/**
 * Starts a mini-snapshot for late content: `root`'s ancestors from <html> down, then the walk of
 * `root`'s subtree, which starts at index `subtreeStart`. @param {Element} root
 */
function startSubtree(root) {
  const b = new Builder(SUBTREE_FIRST_CAPACITY);
  /** @type {Element[]} */
  const chain = [];
  for (let a = root.parentElement; a; a = a.parentElement) chain.unshift(a);
  let parent = -1;
  for (const a of chain) parent = b.push(a, parent);
  const subtreeStart = b.n;
  b.start(root, parent);
  return { b, subtreeStart };
}

/**
 * A mini-snapshot for late content (see `startSubtree`), walked in one go.
 * @param {Element} root @returns {Snapshot}
 */
export function snapshotSubtree(root) {
  const { b, subtreeStart } = startSubtree(root);
  b.step(Infinity);
  return { wire: b.wire(), nodes: b.nodes, subtreeStart };
}

/**
 * The same mini-snapshot walked in slices (`stepSliced`), as the content script takes late content:
 * a page may add a subtree as large as a page.
 * @param {Element} root @param {{ sliceMs: number, pause: () => Promise<unknown> }} opts
 * @returns {Promise<Snapshot & { slices: number }>}
 */
export async function snapshotSubtreeSliced(root, opts) {
  const { b, subtreeStart } = startSubtree(root);
  const slices = await stepSliced(b, opts);
  return { wire: b.wire(), nodes: b.nodes, subtreeStart, slices };
}
