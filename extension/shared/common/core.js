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

/**
 * Classifies a snapshot (and builds the reader document when asked).
 * @param {import("../content/snapshot.js").Wire} w @param {boolean} wantReader
 * @returns {Promise<{ blocks: Array<{ node: number, kind: string, confidence: number, reasons: string[] }>, reader: any }>}
 */
export async function analyzeWire(w, wantReader) {
  await loadCore();
  return analyze(w.url, w.strings, w.names, w.parents, w.texts, w.attrs, w.flags, w.rects, wantReader);
}
