// @ts-check
/**
 * "Get pages ready before I click" end to end, in Chromium and in Firefox: the setting's round trip
 * through the options page (the host permission asked for by a real click, the preparing content script
 * registered and dropped by the background), a prepared page left byte-identical, a prepared click
 * marking exactly what a normal clean of the same page marks, and a page changed after its preparation.
 *
 * How the host permission is granted without a dialog nobody can answer in a headless browser:
 * - Chromium shows permissions.request's dialog for an optional host permission. An unpacked extension
 *   loaded with --load-extension is granted the host permissions its manifest requires, so the test loads
 *   a copy of dist/chromium whose manifest requires them (`grantedCopy`); the options page's request (the
 *   same code the user's click runs) then resolves true at once. Switching off cannot give
 *   a required permission back there; the setting and the registration still go.
 * - Firefox: the preference extensions.webextOptionalPermissionPrompts=false grants an optional
 *   permission without the doorhanger, but only to a request made from the user's input, which the
 *   WebDriver click on the options page's switch is. Switching off gives it back for real.
 */

import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { CASES, distDir, requireSeed } from "./lib/cases.mjs";
import { grantedCopy, launchChromium } from "./lib/chromium.mjs";
import { launchFirefox } from "./lib/firefox.mjs";
import { waitFor } from "./lib/scenarios.mjs";

const TEST_TIMEOUT_MS = 60_000;
const PREPARE_SCRIPT = "bw-prepare";

/** @type {string[]} the copies of dist/chromium made, removed after the suites */
const copies = [];

/* ---------- in the extension (the background, or an extension page in Firefox) ---------- */

/** The setting, the permission and the registered scripts, as the extension sees them. */
const extensionSide = () => (async () => {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  const stored = (await api.storage.local.get("settings")).settings;
  return {
    prepare: stored?.prepare ?? null,
    granted: await api.permissions.contains({ origins: ["*://*/*"] }),
    scripts: (await api.scripting.getRegisteredContentScripts()).map((/** @type {any} */ s) => s.id),
  };
})();

/**
 * Sends one message to the content script of the page's tab (the window's first tab: the popup and the
 * options page the harness opens come after it) and returns its value, or null when nothing answers.
 * @param {{ type: string }} msg
 */
const askPage = (msg) => (async () => {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  const [tab] = (await api.tabs.query({})).sort((/** @type {any} */ a, /** @type {any} */ b) => a.index - b.index);
  const reply = await api.tabs.sendMessage(tab.id, msg, { frameId: 0 }).catch(() => null);
  return reply?.ok ? reply.value : null;
})();

/* ---------- in the page ---------- */

/** Every marked element (its index among the page's elements) with its kind. */
const marks = () => {
  const all = [...document.getElementsByTagName("*")];
  return all.flatMap((el, i) => (el.hasAttribute("data-blockwise") ? [`${i} ${el.localName} ${el.getAttribute("data-blockwise")}`] : []));
};
const outerHtml = () => document.documentElement.outerHTML;
/** Every marked element's label as the popup shows it, from its whole `textContent` (sorted). */
const labels = () => [...document.querySelectorAll("[data-blockwise]")]
  .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80)).sort();
/**
 * How the page renders now: every element's box and computed display and visibility, and the page's
 * adopted sheets. With `without`, measured once with the sheets the page has adopted and once after
 * taking them all off (`document.adoptedStyleSheets = []`, as a framework replacing its sheets does), so
 * the two say whether those sheets change anything the page shows.
 */
const rendering = () => {
  const now = () => [...document.getElementsByTagName("*")].map((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return `${el.localName} ${r.x},${r.y},${r.width},${r.height} ${cs.display} ${cs.visibility}`;
  }).join("\n");
  const adopted = document.adoptedStyleSheets.length;
  const rules = [...document.adoptedStyleSheets].map((s) => s.cssRules.length);
  const withSheets = now();
  document.adoptedStyleSheets = [];
  const withoutSheets = now();
  const lines = withSheets.split("\n").length;
  return { adopted, rules, lines, same: withSheets === withoutSheets };
};
const shown = (/** @type {string} */ sel) => {
  const el = document.querySelector(sel);
  return el ? el.checkVisibility() && el.getClientRects().length > 0 : null;
};

describe("get pages ready before the click", () => {
  for (const [name, launch] of /** @type {const} */ ([
    ["chromium", async () => {
      copies.push(grantedCopy(distDir("chromium")));
      return launchChromium({ dir: copies[copies.length - 1] });
    }],
    ["firefox", async () => launchFirefox({ prefs: { "extensions.webextOptionalPermissionPrompts": false } })],
  ])) {
    describe(name, () => {
      /** @type {import("./lib/scenarios.mjs").Harness} */
      let h;
      before(async () => { h = await launch(); });
      after(async () => { await h?.close(); });
      const it = (/** @type {string} */ title, /** @type {() => Promise<void>} */ fn) => test(title, { timeout: TEST_TIMEOUT_MS }, fn);
      const state = () => h.ext(askPage, { type: "bw:page-state" });
      /** Loads `p` and waits until its preparation is over; returns its PageState. @param {string} p */
      const preparedPage = async (p) => {
        await h.goto(p);
        const st = await waitFor(state, (s) => s?.prepared && !["waiting", "running"].includes(s.prepared.state));
        assert.ok(st?.prepared, `the page ${p} was not prepared (state: ${JSON.stringify(st)})`);
        return st;
      };
      const click = async () => {
        // Firefox: the popup page in a tab of its own, as the other suites do (the real panel would
        // close as soon as the test opens an extension page to ask the content script).
        await h.clickAction();
        const st = await waitFor(state, (s) => s?.cleaned === true);
        assert.equal(st?.cleaned, true, `the click cleaned the page (${JSON.stringify(st)?.slice(0, 400)})`);
        return st;
      };

      it("off by default; switching it on grants the access and registers the preparing script", async () => {
        const first = await h.ext(extensionSide);
        assert.notEqual(first.prepare, true, "off on a new install");
        assert.ok(!first.scripts.includes(PREPARE_SCRIPT), "nothing registered while off");
        assert.equal(await h.clickOption("#prepare"), true, "the switch shows on");
        const on = await waitFor(() => h.ext(extensionSide), (s) => s.scripts.includes(PREPARE_SCRIPT));
        assert.deepEqual(on, { prepare: true, granted: true, scripts: [PREPARE_SCRIPT] });
      });

      it("a prepared page is left byte-identical, its DOM untouched", async () => {
        const st = await preparedPage("/watched/pages/news.html");
        assert.equal(st.prepared.state, "ready", `prepared (${st.prepared.reason ?? ""})`);
        assert.ok(st.prepared.timings.nodes > 0 && st.prepared.timings.thread > 0, "it walked and classified the page");
        assert.equal(typeof st.prepared.timings.warm, "number", "it ran the click's code ahead (off the page)");
        assert.equal(st.cleaned, false);
        const page = await h.page(() => {
          const w = /** @type {any} */ (window).__watch;
          return {
            same: w.before === document.documentElement.outerHTML, changes: w.changes,
            marked: document.querySelectorAll("[data-blockwise]").length,
          };
        });
        assert.deepEqual(page, { same: true, changes: [], marked: 0 });
        // The one thing the preparation adds: the click's hiding sheet, adopted ahead so that the click only
        // marks (its adoption was the largest cost of a prepared click on a small page). It is inert: every
        // rule needs Blockwise's class and attributes, which no element carries before the click, so no
        // element renders differently with it than without it (`rendering` takes it off to compare).
        const seen = await h.page(rendering);
        assert.equal(seen.adopted, 1, "the hiding sheet was adopted during the preparation");
        assert.ok(seen.rules[0] >= 2 && seen.lines > 50, `the sheet has its rules and the page its elements (${JSON.stringify(seen)})`);
        assert.equal(seen.same, true, "no element's box, display or visibility changes with the sheet adopted");
      });

      it("a page that replaced its adopted sheets after the preparation: the click adopts the hiding sheet again; restore leaves the page's own", async () => {
        await preparedPage(CASES.news.path);
        const original = await h.page(outerHtml);
        // A framework's way: the list assigned anew with the page's own sheet alone.
        assert.equal(await h.page(() => {
          const own = new CSSStyleSheet();
          own.replaceSync(".byline { letter-spacing: 0.01em; }");
          document.adoptedStyleSheets = [own];
          return document.adoptedStyleSheets.length;
        }), 1);
        const st = await click();
        assert.ok(st.timings.prepared, "the click used the prepared blocks");
        for (const sel of Object.values(CASES.news.hidden)) assert.equal(await h.page(shown, sel), false, `${sel} is hidden`);
        assert.equal(await h.page(() => document.adoptedStyleSheets.length), 2, "the page's sheet and the hiding sheet");
        await h.ext(askPage, { type: "bw:page-restore" });
        assert.equal(await h.page(outerHtml), original, "restore gives the page back exactly");
        assert.deepEqual(await h.page(() => [...document.adoptedStyleSheets].map((s) => s.cssRules[0]?.cssText ?? "")),
          [".byline { letter-spacing: 0.01em; }"], "restore left the page's own sheet alone");
      });

      for (const c of [CASES.news, CASES.seed]) {
        it(`${c.name}: a prepared click marks what a normal clean marks; restore is exact`, async () => {
          if (c === CASES.seed) requireSeed();
          await preparedPage(c.path);
          const original = await h.page(outerHtml);
          const prepared = await click();
          assert.ok(prepared.timings.prepared, "the click used the prepared blocks");
          assert.equal(prepared.timings.snapshot, 0, "the click walked nothing");
          // The sheet adopted (inert) during the preparation is the one the click's marks bring into force.
          assert.equal(await h.page(() => document.adoptedStyleSheets.length), 1, "one hiding sheet adopted");
          const preparedMarks = await h.page(marks);
          // The labels read only as much text as they need (content.js `labelOf`): the same as from the whole text.
          assert.deepEqual(prepared.blocks.map((/** @type {any} */ b) => b.label).sort(), await h.page(labels));
          for (const sel of Object.values(c.hidden)) assert.equal(await h.page(shown, sel), false, `${sel} is hidden`);
          assert.equal(await h.ext(askPage, { type: "bw:page-restore" }).then((s) => s?.cleaned), false);
          assert.equal(await h.page(outerHtml), original, "restore gives the page back exactly");
          assert.equal(await h.page(() => document.adoptedStyleSheets.length), 0, "restore took the sheet off");
          const normal = await click();
          assert.equal(normal.timings.prepared, undefined, "the second clean walked and classified the page again");
          // (Not its snapshot time above zero: Firefox's clock can read 0 ms for a walk of a small page.)
          assert.equal(normal.analyses, prepared.analyses + 1, "the second clean ran the core once more");
          assert.deepEqual(preparedMarks, await h.page(marks), "the same elements marked with the same kinds");
          assert.ok(preparedMarks.length > 3);
          await h.ext(askPage, { type: "bw:page-restore" });
        });
      }

      it("a page changed after its preparation: a block removed is skipped, an ad added is hidden", async () => {
        await preparedPage(CASES.news.path);
        await h.page(() => {
          document.getElementById("more-news")?.remove();
          const ad = document.createElement("aside");
          ad.id = "added-ad";
          ad.innerHTML = `<h3>Sponsored Content</h3><ul>${["Local seniors save on hearing aids", "This trick cuts power bills", "New garden tool sells out"]
            .map((t, i) => `<li><a href="https://ads.doubleclick.net/clk?id=${i}" rel="sponsored">${t}</a></li>`).join("")}</ul>`;
          document.querySelector(".story-body")?.after(ad);
        });
        const original = await h.page(outerHtml);
        const st = await click();
        assert.ok(st.timings.prepared, "the click used the prepared blocks");
        assert.equal(await waitFor(() => h.page(shown, "#added-ad"), (v) => v === false), false, "the ad added after the preparation is hidden");
        assert.equal(await h.page(shown, "#sponsored-grid"), false);
        assert.deepEqual(await h.page(() => [...document.querySelectorAll(".story-body > p")].filter((p) => !p.checkVisibility()).length), 0, "every story paragraph shown");
        const after = await h.ext(askPage, { type: "bw:page-state" });
        assert.equal(after.error, null);
        await h.ext(askPage, { type: "bw:page-restore" });
        assert.equal(await h.page(outerHtml), original, "restore gives the changed page back exactly");
      });

      it(`a page whose CSP refuses Wasm in the content script is ${name === "chromium" ? "left for the click" : "prepared (Firefox allows the Wasm there)"}`, async () => {
        const st = await preparedPage(`/csp${CASES.news.path}`);
        if (name === "chromium") {
          assert.equal(st.prepared.state, "skipped");
          assert.match(st.prepared.reason, /CSP/);
        } else {
          assert.equal(st.prepared.state, "ready");
        }
        const cleaned = await click();
        assert.equal(await h.page(shown, CASES.news.hidden.sponsored), false, "the click still cleans");
        assert.equal(Boolean(cleaned.timings.prepared), name !== "chromium");
        await h.ext(askPage, { type: "bw:page-restore" });
      });

      it("a story filled in after the preparation: the prepared blocks are dropped, the click reads the page whole", async () => {
        await preparedPage(CASES.news.path);
        const added = await h.page(() => {
          const more = document.createElement("div");
          more.id = "story-more";
          const words = "The river authority said the new barriers held through the night while volunteers filled sandbags on the east bank";
          more.innerHTML = Array.from({ length: 12 }, (_, i) => `<p>${words}, update ${i + 1}: crews stayed on the levee until the water fell.</p>`).join("");
          document.querySelector(".story-body")?.append(more);
          return more.textContent?.length ?? 0;
        });
        assert.ok(added > 1000);
        const st = await click();
        assert.equal(st.timings.prepared, undefined, "the prepared blocks were not used");
        assert.deepEqual([st.prepared.state, st.prepared.reason], ["discarded", "changed"]);
        assert.equal(await h.page(() => [...document.querySelectorAll("#story-more > p")].filter((p) => !p.checkVisibility()).length), 0, "the story's new paragraphs are shown");
        await h.ext(askPage, { type: "bw:page-restore" });
      });

      it("an address changed after the preparation (a single-page app's pushState): the click cleans as usual", async () => {
        await preparedPage(CASES.news.path);
        await h.page(() => history.pushState({}, "", `${location.pathname}?view=2`));
        const st = await click();
        assert.equal(st.timings.prepared, undefined, "the prepared blocks were not used");
        assert.deepEqual([st.prepared.state, st.prepared.reason], ["discarded", "navigated"]);
        assert.equal(st.analyses, 2, "the page was classified again (once when prepared, once at the click)");
        assert.equal(await h.page(shown, CASES.news.hidden.sponsored), false);
        await h.ext(askPage, { type: "bw:page-restore" });
      });

      it("a page over the preparation's node limit is left for the click", async () => {
        // 30,000 elements (pages/big.js), over the 25,000 nodes a preparation takes on.
        const st = await preparedPage("/pages/big.html?n=30000");
        assert.equal(st.prepared.state, "skipped");
        assert.match(st.prepared.reason, /more than 25000 nodes/);
        assert.equal(st.prepared.timings, null, "it walked nothing");
      });

      it("switching it off unregisters the script (and gives the access back where it can)", async () => {
        assert.equal(await h.clickOption("#prepare"), false, "the switch shows off");
        const off = await waitFor(() => h.ext(extensionSide), (s) => !s.scripts.includes(PREPARE_SCRIPT));
        assert.equal(off.prepare, false);
        assert.deepEqual(off.scripts, []);
        // Chromium: the test copy requires the permission (see the top of this file), so it stays.
        if (name === "firefox") assert.equal(off.granted, false, "the host permission is given back");
        await h.goto(CASES.news.path);
        // The page's own idle callback, then a frame: by then a registered script would have loaded.
        await h.page(() => new Promise((r) => requestIdleCallback(() => requestAnimationFrame(() => r(null)))));
        const st = await state();
        assert.equal(st?.prepared ?? null, null, "no preparation on a page loaded since");
      });
    });
  }
});

after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
