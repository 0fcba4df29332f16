// @ts-check
// The extension end to end in headless Chromium (see lib/chromium.mjs for how it is driven).
import { after, before, describe, test } from "node:test";
import { CASES, requireSeed } from "./lib/cases.mjs";
import { launchChromium } from "./lib/chromium.mjs";
import * as s from "./lib/scenarios.mjs";

describe("chromium", { timeout: 120_000 }, () => {
  /** @type {import("./lib/scenarios.mjs").Harness} */
  let h;
  before(async () => { h = await launchChromium(); });
  after(async () => { await h?.close(); });

  test("seed page: clean, toggle related, restore exactly", async () => {
    requireSeed();
    await s.cleanToggleRestore(h, CASES.seed);
  });
  test("seed page with a strict CSP: the core runs in the service worker", async () => {
    await s.cleanToggleRestore(h, { ...CASES.seed, path: `/csp${CASES.seed.path}` }, { engine: "background" });
  });
  test("seed page: reader view", async () => { await s.readerView(h, CASES.seed); });
  test("news page: clean, toggle, restore; typed text survives", async () => { await s.cleanToggleRestore(h, CASES.news); });
  test("news page with a strict CSP", async () => {
    await s.cleanToggleRestore(h, { ...CASES.news, path: `/csp${CASES.news.path}` }, { engine: "background" });
  });
  test("news page: reader view", async () => { await s.readerView(h, CASES.news); });
  test("late sponsored widget is hidden when it arrives", async () => { await s.lateContent(h); });
  test("RTL page: clean, restore, reader view keeps the direction", async () => {
    await s.cleanToggleRestore(h, CASES.rtl);
    await s.readerView(h, CASES.rtl);
  });
  test("a correction is remembered for the next visit", async () => { await s.correctionRemembered(h); });
  test("corrupt settings: defaults and a notice", async () => { await s.corruptSettings(h); });
});
