// @ts-check
/**
 * Carries a snapshot's typed arrays across `runtime.sendMessage`. Chromium serialises messages as
 * JSON, where a typed array would arrive as an object of numbered keys, so the arrays travel as
 * plain arrays and are rebuilt on the other side. Firefox would clone typed arrays, but both take
 * the same path so there is one format to test.
 */

/**
 * A page with more nodes than this is classified in the background, so the page's thread stays free
 * while the core works (seconds on such a page); below it the core runs in the content script, which is
 * faster (no copy across processes). docs/hardening.md has the measurements behind the figure.
 */
export const BACKGROUND_NODES = 25_000;

/** @typedef {import("../content/snapshot.js").Wire} Wire */

const ARRAYS = /** @type {const} */ ({
  names: Uint32Array,
  parents: Int32Array,
  texts: Uint32Array,
  attrs: Uint32Array,
  flags: Uint8Array,
  rects: Float32Array,
});

/**
 * An array of the wire as it travels. `texts` goes as signed numbers: its "no string" mark, 0xFFFFFFFF
 * on every element, is 10 characters of JSON as itself and 2 as -1; Uint32Array.from and .set turn
 * -1 back into 0xFFFFFFFF on the other side.
 * @param {Wire} wire @param {string} key
 */
function sendable(wire, key) {
  const a = /** @type {any} */ (wire)[key];
  return key === "texts" ? new Int32Array(a.buffer, a.byteOffset, a.length) : a;
}

/** @param {Wire} wire @returns {Record<string, any>} */
export function wireToMessage(wire) {
  /** @type {Record<string, any>} */
  const out = { url: wire.url, strings: wire.strings };
  for (const key of Object.keys(ARRAYS)) out[key] = Array.from(sendable(wire, key));
  return out;
}

/** @param {Record<string, any>} msg @returns {Wire} */
export function wireFromMessage(msg) {
  if (typeof msg?.url !== "string" || typeof msg?.strings !== "string") throw new Error("bad snapshot message");
  /** @type {Record<string, any>} */
  const out = { url: msg.url, strings: msg.strings };
  for (const [key, Type] of Object.entries(ARRAYS)) {
    if (!Array.isArray(msg[key])) throw new Error(`bad snapshot message: ${key} is not an array`);
    out[key] = Type.from(msg[key]);
  }
  return /** @type {Wire} */ (out);
}

/**
 * A large snapshot in pieces: one `runtime.sendMessage` serialises its whole message in one go on the
 * sender's thread (a page of 200,000 elements: hundreds of ms), so a content script sends a large
 * wire as ANALYZE_PART messages of at most PART_VALUES values or PART_SIZE characters each, pausing
 * between them, and the background puts them together (`WireAssembler`).
 */
export const PART_SIZE = 1 << 16;

/**
 * An array's piece holds at most this many values: the plain array built for it (4 to 8 bytes a value)
 * stays under V8's large-object size (128 KB), so it is born and dies in the young generation. Pieces
 * of 65,536 values went straight to the old generation (tens of MB of them on a 200,000-element page),
 * which hastens a major garbage collection of the page's whole heap while it waits for the core.
 */
export const PART_VALUES = 1 << 13;

/**
 * The pieces of `wire`, each `{key, at, values}` (an array's elements from index `at`) or
 * `{key: "strings", at, text}`; `header` says how long each array is.
 * @param {Wire} wire
 */
export function wireParts(wire) {
  /** @type {Array<{ key: string, at: number, values?: number[], text?: string }>} */
  const parts = [];
  for (let at = 0; at < wire.strings.length; at += PART_SIZE) parts.push({ key: "strings", at, text: wire.strings.slice(at, at + PART_SIZE) });
  /** @type {Record<string, number>} */
  const lengths = { strings: wire.strings.length };
  for (const key of Object.keys(ARRAYS)) {
    const a = sendable(wire, key);
    lengths[key] = a.length;
    for (let at = 0; at < a.length; at += PART_VALUES) parts.push({ key, at, get values() { return Array.from(a.subarray(at, at + PART_VALUES)); } });
  }
  return { header: { url: wire.url, lengths }, parts };
}

/** Puts a wire sent in pieces back together (the background keeps one per transfer). */
export class WireAssembler {
  /** @param {{ url: string, lengths: Record<string, number> }} header */
  constructor(header) {
    if (typeof header?.url !== "string" || typeof header.lengths !== "object") throw new Error("bad snapshot header");
    this.url = header.url;
    /** @type {string[]} */
    this.strings = [];
    this.stringLength = Number(header.lengths.strings) || 0;
    /** @type {Record<string, any>} */
    this.arrays = {};
    for (const [key, Type] of Object.entries(ARRAYS)) this.arrays[key] = new Type(Number(header.lengths[key]) || 0);
  }

  /** @param {{ key: string, at: number, values?: number[], text?: string }} part */
  add(part) {
    if (part.key === "strings" && typeof part.text === "string") this.strings[part.at / PART_SIZE] = part.text;
    else if (part.key in this.arrays && Array.isArray(part.values) && part.at + part.values.length <= this.arrays[part.key].length) this.arrays[part.key].set(part.values, part.at);
    else throw new Error("bad snapshot part");
  }

  /** @returns {Wire} */
  wire() {
    const strings = this.strings.join("");
    if (strings.length !== this.stringLength) throw new Error("bad snapshot parts: the strings are incomplete");
    return /** @type {Wire} */ ({ url: this.url, strings, ...this.arrays });
  }
}
