// @ts-check
/** The end-to-end suite, the same in every browser: one test per user-visible promise. */

import { after, before, describe, test } from "node:test";
import { CASES, requireSeed } from "./cases.mjs";
import * as s from "./scenarios.mjs";

/** Per test; a browser's start-up is in `before`. */
const TEST_TIMEOUT_MS = 60_000;

/**
 * @param {string} name
 * @param {() => Promise<import("./scenarios.mjs").Harness>} launch
 * @param {{ strictCspEngine: "content" | "background" }} expect where the core runs on a page
 *   whose CSP is `script-src 'self'` (Chromium refuses Wasm in the content script there)
 */
export function browserSuite(name, launch, { strictCspEngine }) {
  describe(name, () => {
    /** @type {import("./scenarios.mjs").Harness} */
    let h;
    before(async () => { h = await launch(); });
    after(async () => { await h?.close(); });
    const it = (/** @type {string} */ title, /** @type {() => Promise<void>} */ fn) => test(title, { timeout: TEST_TIMEOUT_MS }, fn);
    const strict = (/** @type {import("./cases.mjs").Case} */ c) => ({ ...c, path: `/csp${c.path}` });

    it("seed page: clean, toggle related, restore exactly", async () => {
      requireSeed();
      await s.cleanToggleRestore(h, CASES.seed);
    });
    it(`seed page with a strict CSP: the core runs in the ${strictCspEngine}`, () =>
      s.cleanToggleRestore(h, strict(CASES.seed), { engine: strictCspEngine }));
    it("seed page: reader view shows the title and every story paragraph", () => s.readerView(h, CASES.seed));
    it("news page: clean, toggle, restore; typed text survives", () => s.cleanToggleRestore(h, CASES.news));
    it("news page with a strict CSP", () => s.cleanToggleRestore(h, strict(CASES.news), { engine: strictCspEngine }));
    it("news page: reader view", () => s.readerView(h, CASES.news));
    it("a sponsored widget arriving after the click is hidden", () => s.lateContent(h));
    it("a single-page-app navigation re-runs the cleanup", () => s.spaNavigation(h));
    it("RTL page: clean, restore, reader view keeps the direction", async () => {
      await s.cleanToggleRestore(h, CASES.rtl);
      await s.readerView(h, CASES.rtl);
    });
    it("reader view: a closed <details>' answers are in it, display:none text is not", () => s.foldedReader(h));
    it("a listing page: the click leaves its teasers shown and the reader view has them all", () => s.readerAfterClean(h));
    it("a second click changes nothing; peek shows a hidden block for a moment", () => s.secondClickAndPeek(h));
    it("a correction is remembered for the next visit", () => s.correctionRemembered(h));
    it("the page rewrites a hidden block's class: still hidden; restore keeps the page's class", () => s.pageChangesClasses(h));
    it("old and corrupt stored settings: carried over or reset, with a notice", () => s.storedSettings(h));
  });
}
