// @ts-check
/**
 * Carries a snapshot's typed arrays across `runtime.sendMessage`. Chromium serialises messages as
 * JSON, where a typed array would arrive as an object of numbered keys, so the arrays travel as
 * plain arrays and are rebuilt on the other side. Firefox would clone typed arrays, but both take
 * the same path so there is one format to test.
 */

/** @typedef {import("../content/snapshot.js").Wire} Wire */

const ARRAYS = /** @type {const} */ ({
  names: Uint32Array,
  parents: Int32Array,
  texts: Uint32Array,
  attrs: Uint32Array,
  flags: Uint8Array,
  rects: Float32Array,
});

/** @param {Wire} wire @returns {Record<string, any>} */
export function wireToMessage(wire) {
  /** @type {Record<string, any>} */
  const out = { url: wire.url, strings: wire.strings };
  for (const key of Object.keys(ARRAYS)) out[key] = Array.from(/** @type {any} */ (wire)[key]);
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
