// @ts-check
/**
 * The Rust core (core/blockwise.js + core/blockwise_bg.wasm, copied from pkg/ by the build), loaded
 * once per context. Used by the content script (Firefox, and Chromium on pages that allow Wasm)
 * and by the background (Chromium pages with a strict CSP, see shared/DESIGN.md).
 */

import init, { analyze } from "../core/blockwise.js";
import { api } from "./api.js";

/** @type {Promise<unknown> | null} */
let loading = null;

/** Compiles the Wasm once; rejects (e.g. CompileError under a page's CSP) and stays rejected. */
export function loadCore() {
  loading ??= init({ module_or_path: api.runtime.getURL("core/blockwise_bg.wasm") });
  return loading;
}

/** What the core is asked for: a page's blocks, with its reader document, or late content's blocks. */
export const Mode = Object.freeze({ BLOCKS: 0, READER: 1, LATE: 2 });

/**
 * Classifies a snapshot: a page (`Mode.BLOCKS`, `Mode.READER` to build the reader document too) or
 * content added after a clean (`Mode.LATE`: the story lies elsewhere, nothing in it is taken for one).
 * @param {import("../content/snapshot.js").Wire} w @param {number} mode
 * @returns {Promise<{ blocks: Array<{ node: number, kind: string, confidence: number, reasons: string[] }>, reader: any }>}
 */
export async function analyzeWire(w, mode) {
  await loadCore();
  const m = mode === Mode.READER || mode === Mode.LATE ? mode : Mode.BLOCKS;
  return analyze(w.url, w.strings, w.names, w.parents, w.texts, w.attrs, w.flags, w.rects, m);
}
