// @ts-check
/**
 * The core's answer, from the flat arrays the Wasm returns to the objects its callers use:
 * `{ blocks: [{ node, kind, confidence, reasons }], reader: ReaderDoc | null }`, with every reason
 * worded here (the Wasm carries codes and numbers, no sentences). wasm-bindgen bundles this module with
 * the core (`pkg/snippets/…`), so the extension (content script, background, popup) and the playground
 * get the same words; the native CLI reads `WORDING` from this file at compile time (src/reason.rs).
 *
 * The arrays (written by src/wasm.rs):
 * - `strs`: every string, concatenated; `lens[k]` is the length of string k in UTF-16 units;
 * - `nums`: `[blockCount, {node, kind, confidence×100, reasonCount, {code, a, b, words}…}…,
 *   hasReader, title, byline, published, siteName, lang, dir, excerpt, leadImage, nodeCount, node…,
 *   text, words]`; a string is its index in `strs`, NONE for null; a reader node is `0, text` or
 *   `1, tag, attrCount, childCount, {name, value}…, child…` (children follow their parent).
 */

const NONE = 0xffffffff;

/**
 * The sentence of each reason code (src/reason.rs `Why`, same order): `{a}`, `{b}` are its numbers and
 * `{s}` its words (several words, separated by a line break, are listed as “x”, “y”). One JSON string
 * per line: src/reason.rs parses these lines.
 */
export const WORDING = [
  "a <nav> element",
  "the page's <header>",
  "the page's <footer>",
  "an <aside> beside the story",
  "a search box",
  "role=\"{s}\"",
  "schema.org breadcrumbs",
  "schema.org comment markup",
  "follows the page's “comments” anchor or heading",
  "class or id says “{s}”",
  "one of {a} comments in a row",
  "ad-network markup (ad slot)",
  "an ad slot with no content of its own",
  "links to the previous and next story",
  "{a} ad-network frame(s) or images",
  "{a} of {b} links go to ad networks",
  "{a} retailer price buttons",
  "{a} share buttons",
  "{a} links to the site's social profiles or apps",
  "{a} links to topic or tag pages",
  "a breadcrumb trail",
  "{a}% of its text is {b} short links",
  "{a} headline links",
  "{a} teaser cards of the same shape",
  "{a} relative timestamps (\"3 hours ago\")",
  "a comment form",
  "a form asking for an e-mail address",
  "labelled “{s}”",
  "{a} call-to-action button(s)",
  "starts “{s}…”",
  "asks the reader: “{s}”",
  "a “{s}” line linking another story",
  "no story on this page; its main content ({a} words)",
  "holds {a} paragraphs of prose ({b} words)",
  "{a}% of the page's prose",
  "marked up as the article",
  "under the heading “{s}”",
  "a “{s}” link within the page",
  "the site's links over its copyright notice",
];

/**
 * One reason in words.
 * @param {number} code @param {number} a @param {number} b @param {string} s
 */
export function wordReason(code, a, b, s) {
  const tpl = WORDING[code];
  if (tpl === undefined) return `reason ${code}`;
  return tpl.replace(/\{([abs])\}/g, (_, k) => (k === "a" ? String(a) : k === "b" ? String(b) : s.split("\n").join("”, “")));
}

/**
 * Rebuilds the core's answer (called by the Wasm's `analyze`).
 * @param {Uint32Array} nums @param {Uint32Array} lens @param {string} strs
 */
export function decodeResult(nums, lens, strs) {
  /** @type {string[]} */
  const S = new Array(lens.length);
  for (let k = 0, off = 0; k < lens.length; k++) {
    S[k] = strs.slice(off, off + lens[k]);
    off += lens[k];
  }
  let i = 0;
  const str = () => {
    const k = nums[i++];
    return k === NONE ? null : S[k];
  };
  const blocks = [];
  for (let nb = nums[i++]; nb > 0; nb--) {
    const node = nums[i++];
    const kind = S[nums[i++]];
    const confidence = nums[i++] / 100;
    const reasons = [];
    for (let nr = nums[i++]; nr > 0; nr--) {
      const code = nums[i++];
      const a = nums[i++];
      const b = nums[i++];
      reasons.push(wordReason(code, a, b, str() ?? ""));
    }
    blocks.push({ node, kind, confidence, reasons });
  }
  let reader = null;
  if (nums[i++]) {
    const title = str(), byline = str(), published = str(), siteName = str(), lang = str(), dir = str();
    const excerpt = str(), leadImage = str();
    /** @type {any[]} */
    const content = [];
    // Children follow their parent: a stack of (list to fill, nodes still to read), no recursion.
    /** @type {Array<[any[], number]>} */
    const stack = [[content, nums[i++]]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top[1] === 0) {
        stack.pop();
        continue;
      }
      top[1]--;
      if (nums[i++] === 0) {
        top[0].push(S[nums[i++]]);
        continue;
      }
      /** @type {{ t: string, a?: Record<string, string>, c?: any[] }} */
      const el = { t: S[nums[i++]] };
      const na = nums[i++];
      const nc = nums[i++];
      if (na) {
        /** @type {Record<string, string>} */
        const a = {};
        for (let k = 0; k < na; k++) {
          const name = S[nums[i++]];
          a[name] = S[nums[i++]];
        }
        el.a = a;
      }
      top[0].push(el);
      if (nc) {
        el.c = [];
        stack.push([el.c, nc]);
      }
    }
    const text = str();
    const words = nums[i++];
    reader = { title, byline, published, siteName, lang, dir, excerpt, leadImage, content, text, words };
  }
  return { blocks, reader };
}
