// @ts-check
/**
 * The pages the end-to-end tests visit and what a user must see on each. Selectors name the page's
 * own elements; the extension never sees this file.
 */

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * @typedef {{
 *   name: string, path: string, title: string, story: string,
 *   hidden: Record<string, string>, inputs?: string[], dir?: "ltr" | "rtl",
 * }} Case
 */

/** @type {Record<string, Case>} */
export const CASES = {
  // The page that started the project (shared/LABELS.md): written by the core side.
  seed: {
    name: "seed (KSL, North Korea)",
    path: "/seed/ksl-north-korea.html",
    title: "North Korean troops spotted in Russian border region with Ukraine, says Kyiv",
    story: "#kslStoryBody > p",
    hidden: { sponsored: ".sponsored-articles", related: ".teaser-list", promotion: ".ksl-live-box" },
  },
  // A small local-news page of our own: story, newsletter box inside the story, related list, ad grid.
  news: {
    name: "news (Valley Courier)",
    path: "/pages/news.html",
    title: "Flood defences hold as river peaks in Millbrook",
    story: ".story-body > p",
    hidden: { sponsored: "#sponsored-grid", related: "#more-news", promotion: "#newsletter" },
    inputs: ["#site-search", "#nl-email"],
  },
  rtl: {
    name: "rtl (Arabic)",
    path: "/pages/rtl.html",
    title: "افتتاح محطة تحلية جديدة في المدينة الساحلية",
    story: ".story-body > p",
    hidden: { sponsored: "#sponsored", related: "#related" },
    dir: "rtl",
  },
};

/** The late-content page: a sponsored widget arrives 500 ms after the load event, a related box 400 ms later. */
export const LATE = { path: "/pages/late.html", story: ".story-body > p", widget: "#late-sponsored", related: "#late-related" };

/**
 * A story whose FAQ answers are folded in closed <details> and, one, by its stylesheet under its question,
 * with a paragraph in a `display: contents` wrapper and two notes the page hides with display:none.
 */
export const FOLDED = { path: "/pages/folded.html", answers: ".faq .answer, .qa-answer", wrapped: ".section-wrap p", hidden: "[style*='display:none']" };

/** A listing page: two teaser lists that are the page's own content (not hidden), which the reader view keeps. */
export const LISTING = { path: "/pages/listing.html", lines: ".cards p" };

/** Fails loudly when the seed page is missing (it is part of the repository). */
export function requireSeed() {
  const file = path.join(ROOT, "www/samples/ksl-north-korea.html");
  if (!existsSync(file)) throw new Error(`the seed page ${file} is missing`);
}

/**
 * The built extension for `browser` (in `dist/`, or `$BLOCKWISE_DIST` to measure another build, e.g. a
 * copy of the one before a change); fails with the command that builds it. @param {string} browser
 */
export function distDir(browser) {
  const dir = path.join(process.env.BLOCKWISE_DIST ?? path.join(ROOT, "dist"), browser);
  if (!existsSync(path.join(dir, "manifest.json")) || !existsSync(path.join(dir, "core/blockwise_bg.wasm"))) {
    throw new Error(`${dir} is not built: run bash scripts/build-wasm.sh && bash scripts/build-extension.sh`);
  }
  return dir;
}
