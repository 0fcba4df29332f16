// @ts-check
/** The WebExtension namespace: Firefox's promise-based `browser`, else Chromium's `chrome`. */
export const api = /** @type {typeof chrome} */ (/** @type {any} */ (globalThis).browser ?? globalThis.chrome);
