// The www/ playground in Chromium (playwright-core): loads /www/, picks the seed sample, checks the
// legend against the marks inside the sandboxed iframe, hides a kind, pastes a page with a script,
// and takes a screenshot: into the temporary folder, or over docs/screenshots/playground.png (shown in the
// README) when UPDATE_SCREENSHOTS=1, so that `make test` leaves the working tree as it found it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, serve } from "./server.mjs";
import { samples } from "../../www/make-samples.mjs";

const KINDS = ["article", "related", "promotion", "sponsored", "navigation", "comments"];
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS === "1"
  ? join(ROOT, "docs", "screenshots", "playground.png")
  : join(tmpdir(), `blockwise-playground-${process.pid}.png`);

/** @type {Awaited<ReturnType<typeof serve>>} */ let server;
/** @type {import("playwright-core").Browser} */ let browser;
/** @type {import("playwright-core").Page} */ let page;
const pageErrors = [];

before(async () => {
  server = await serve();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // Nothing leaves the machine: the samples' remote styles and images are refused (the playground's
  // CSP refuses them too unless "remote" is ticked).
  await page.route((url) => !url.href.startsWith(server.origin), (route) => route.abort());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const analyses = () => page.evaluate(() => Number(document.body.dataset.analyses ?? 0));

/** Waits for the analysis after `previous` analyses (the last one when omitted) to be done. */
async function waitReady(previous = -1) {
  await page.waitForFunction((n) => document.body.dataset.state === "error" ||
    (document.body.dataset.state === "ready" && Number(document.body.dataset.analyses ?? 0) > n), previous, { timeout: 20000 });
  const state = await page.getAttribute("body", "data-state");
  assert.equal(state, "ready", await page.textContent("#error"));
}

/** Counts per kind: in the legend, and of the data-blockwise marks inside the iframe. */
async function counts() {
  const legend = await page.$$eval("#legend li[data-kind]", (lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute("data-kind"), Number(li.querySelector(".count")?.textContent)])));
  const marked = await page.evaluate((kinds) => {
    const doc = /** @type {HTMLIFrameElement} */ (document.getElementById("page")).contentDocument;
    const out = Object.fromEntries(kinds.map((k) => [k, 0]));
    for (const el of doc.querySelectorAll("[data-blockwise]")) out[el.getAttribute("data-blockwise")] += 1;
    return out;
  }, KINDS);
  return { legend, marked };
}

test("www/samples.json lists the seed page and every golden page", () => {
  const listed = JSON.parse(readFileSync(join(ROOT, "www", "samples.json"), "utf8"));
  assert.deepEqual(listed, samples(), "www/samples.json is stale: run `node www/make-samples.mjs`");
  assert.equal(listed[0].id, "ksl-north-korea");
  assert.ok(listed.length > 5);
});

test("the seed sample: legend counts match the marks in the sandbox", async () => {
  await page.goto(`${server.origin}/www/`);
  await waitReady();
  // Pick another sample, then the seed page, through the select as a user would.
  let n = await analyses();
  await page.selectOption("#sample", "french-national");
  await waitReady(n);
  const other = await counts();
  assert.deepEqual(other.legend, other.marked);
  n = await analyses();
  await page.selectOption("#sample", "ksl-north-korea");
  await waitReady(n);

  const { legend, marked } = await counts();
  assert.deepEqual(legend, marked, "legend counts equal the data-blockwise marks in the iframe");
  assert.equal(legend.article, 1);
  assert.ok(legend.sponsored >= 1, `sponsored ${legend.sponsored}`);
  assert.ok(legend.related >= 1, `related ${legend.related}`);
  assert.ok(legend.navigation >= 1, `navigation ${legend.navigation}`);
  assert.ok(legend.promotion >= 1, `promotion ${legend.promotion}`);

  assert.match(await page.textContent("#timing"), /classified in [\d.]+ ms/);
  assert.match(await page.textContent("#version"), /core \S+/);
  const title = await page.textContent("#reader h1");
  assert.match(title ?? "", /North Korean troops/);
  assert.ok(Number(await page.locator("#reader .content p").count()) >= 3, "the reader preview has paragraphs");
  // The sandbox: no script ran, the page is not allowed to.
  assert.equal(await page.getAttribute("#page", "sandbox"), "allow-same-origin");
});

test("a switch hides its kind inside the sandbox", async () => {
  const displays = (kind) => page.evaluate((k) => {
    const doc = /** @type {HTMLIFrameElement} */ (document.getElementById("page")).contentDocument;
    return [...doc.querySelectorAll(`[data-blockwise="${k}"]`)].map((el) => doc.defaultView.getComputedStyle(el).display);
  }, kind);
  assert.ok((await displays("sponsored")).every((d) => d !== "none"));
  await page.uncheck('#legend li[data-kind="sponsored"] input');
  const hidden = await displays("sponsored");
  assert.ok(hidden.length >= 1);
  assert.deepEqual(hidden, hidden.map(() => "none"), "every sponsored block is display: none");
  assert.ok((await displays("article")).every((d) => d !== "none"), "the article stays");
  const styles = await page.evaluate(() =>
    /** @type {HTMLIFrameElement} */ (document.getElementById("page")).contentDocument.querySelectorAll("style#blockwise-playground-style").length);
  assert.equal(styles, 1, "one injected stylesheet");
  await page.check('#legend li[data-kind="sponsored"] input');
  assert.ok((await displays("sponsored")).every((d) => d !== "none"), "shown again");
});

test("choosing a block shows its kind, confidence and reasons", async () => {
  // From the list.
  await page.click('#blocks .block[data-kind="sponsored"]');
  assert.equal(await page.textContent("#details .chip"), "sponsored");
  assert.match(await page.textContent("#details .confidence"), /^[01]\.\d\d$/);
  assert.ok(await page.locator("#details .reasons li").count() >= 1);
  // In the rendered page.
  const frame = page.frameLocator("#page");
  await frame.locator('[data-blockwise="navigation"]').first().click({ position: { x: 5, y: 5 } });
  assert.equal(await page.textContent("#details .chip"), "navigation", "a click in the page chose its block");
  const selectedKinds = await page.evaluate(() =>
    [.../** @type {HTMLIFrameElement} */ (document.getElementById("page")).contentDocument.querySelectorAll("[data-blockwise-selected]")]
      .map((el) => el.getAttribute("data-blockwise")));
  assert.equal(selectedKinds.length, 1);
  assert.equal(selectedKinds[0], await page.textContent("#details .chip"));
  assert.match(page.url(), /\/www\//, "clicks never navigate");

  // The screenshot: the sponsored rail and what follows, chosen from the list (scrolled into view).
  await page.locator('#blocks .block[data-kind="sponsored"]').last().click();
  await page.waitForTimeout(800);
  assert.equal(await page.textContent("#details .chip"), "sponsored");
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  assert.ok(statSync(SCREENSHOT).size > 10_000, `the screenshot ${SCREENSHOT} holds a picture`);
});

/** Pastes `html` into the playground and waits for its analysis. @param {string} html */
async function paste(html) {
  const n = await analyses();
  await page.click("#paste-open");
  await page.fill("#paste-text", html);
  await page.click("#paste-ok");
  await waitReady(n);
}

test("pasted HTML is analysed and its scripts never run", async () => {
  const html = `<!DOCTYPE html><html><head><title>Pasted</title>
<script>parent.document.title = "script ran"; document.documentElement.setAttribute("data-ran", "1");</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><article><h1>Pasted story headline</h1>
${"<p>The council met on Tuesday evening to discuss the plans for the new library, which residents have asked for since the old building closed.</p>".repeat(6)}
</article></main><img src="x" onerror="parent.document.title='onerror ran'"></body></html>`;
  const before = await page.title();
  await paste(html);
  assert.equal(await page.textContent("#reader h1"), "Pasted story headline");
  assert.equal(await page.title(), before, "no script in the sandbox ran");
  assert.equal(await page.evaluate(() =>
    /** @type {HTMLIFrameElement} */ (document.getElementById("page")).contentDocument.documentElement.getAttribute("data-ran")), null);
  const { legend, marked } = await counts();
  assert.deepEqual(legend, marked);
  assert.equal(await page.inputValue("#sample"), "");
  assert.deepEqual(pageErrors, []);
});

test("the reader preview is rebuilt from the allowlist: links open outside, images stay offline, markup stays text", async () => {
  const story = "<p>The council met on Tuesday evening to discuss the plans for the new library, which residents have asked for since the old building closed.</p>";
  const html = `<!DOCTYPE html><html><head><title>Pasted</title></head><body><main><article><h1>Library plans approved</h1>
${story.repeat(5)}
<p>Read <a href="/minutes/2026">the minutes</a> or <a href="javascript:parent.document.title='href ran'">this</a>; it says &lt;img src=x onerror=alert(1)&gt; in print.</p>
<figure><img src="/pics/library.jpg" alt="The old library"><figcaption>The old library, closed since 2019.</figcaption></figure>
</article></main></body></html>`;
  const before = await page.title();
  await paste(html);
  assert.equal(await page.textContent("#reader h1"), "Library plans approved");
  const got = await page.evaluate(() => {
    const content = /** @type {HTMLElement} */ (document.querySelector("#reader .content"));
    return {
      links: [...content.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href"), target: a.getAttribute("target"), rel: a.getAttribute("rel"), text: a.textContent })),
      images: content.querySelectorAll("img").length,
      placeholders: [...content.querySelectorAll(".img-placeholder")].map((e) => e.textContent),
      text: content.textContent,
      elements: [...content.querySelectorAll("*")].map((e) => e.localName),
      handlers: [...content.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((a) => a.startsWith("on")),
    };
  });
  const minutes = got.links.find((l) => l.text === "the minutes");
  assert.equal(minutes?.href, new URL("/minutes/2026", await page.inputValue("#url")).href, "relative links resolved against the page's URL");
  assert.equal(minutes?.target, "_blank");
  assert.equal(minutes?.rel, "noopener noreferrer");
  assert.ok(got.links.every((l) => l.href === null || l.href.startsWith("https://")), JSON.stringify(got.links));
  assert.equal(got.images, 0, "no image is fetched while remote resources are off");
  assert.deepEqual(got.placeholders, ["[image: The old library]"]);
  assert.ok(got.text.includes("<img src=x onerror=alert(1)>"), "markup in the page's text stays text");
  assert.ok(!got.elements.includes("script"));
  assert.deepEqual(got.handlers, []);
  assert.equal(await page.title(), before);
  assert.deepEqual(pageErrors, []);
});
