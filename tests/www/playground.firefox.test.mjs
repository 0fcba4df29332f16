// The www/ playground in Firefox (selenium-webdriver + geckodriver): the seed sample's legend counts
// equal the marks inside the sandboxed iframe, and a switch hides its kind. Skipped without Firefox.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { serve } from "./server.mjs";

const FIREFOX = process.env.FIREFOX_BIN ?? (existsSync("/usr/bin/firefox-esr") ? "/usr/bin/firefox-esr" : "/usr/bin/firefox");
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), ".cargo/bin/geckodriver");
const skip = !existsSync(FIREFOX) || !existsSync(GECKODRIVER) ? "Firefox or geckodriver missing" : false;

/** @type {any} */ let server;
/** @type {import("selenium-webdriver").WebDriver} */ let driver;

before(async () => {
  if (skip) return;
  server = await serve();
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless");
  for (const [k, v] of Object.entries({
    "network.proxy.type": 0, "app.normandy.enabled": false, "browser.safebrowsing.update.enabled": false,
    "extensions.update.enabled": false, "services.settings.server": "data:,#remote-settings-dummy/v1",
  })) options.setPreference(k, v);
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

const state = () => driver.executeScript(`
  const doc = document.getElementById("page").contentDocument;
  const legend = {}, marked = {};
  for (const li of document.querySelectorAll("#legend li[data-kind]")) {
    legend[li.dataset.kind] = Number(li.querySelector(".count").textContent);
    marked[li.dataset.kind] = 0;
  }
  for (const el of doc.querySelectorAll("[data-blockwise]")) marked[el.getAttribute("data-blockwise")] += 1;
  const display = [...doc.querySelectorAll('[data-blockwise="sponsored"]')].map((el) => doc.defaultView.getComputedStyle(el).display);
  return { state: document.body.dataset.state, legend, marked, display, timing: document.getElementById("timing").textContent };`);

test("Firefox: the seed sample, its counts and the sponsored switch", { skip, timeout: 90000 }, async () => {
  await driver.get(`${server.origin}/www/#sample=ksl-north-korea`);
  await driver.wait(async () => (await state()).state === "ready", 30000);
  const s = await state();
  assert.deepEqual(s.legend, s.marked);
  assert.equal(s.legend.article, 1);
  for (const k of ["sponsored", "related", "navigation", "promotion"]) assert.ok(s.legend[k] >= 1, k);
  assert.match(s.timing, /classified in/);
  await driver.executeScript(`document.querySelector('#legend li[data-kind="sponsored"] input').click()`);
  const after = await state();
  assert.ok(after.display.length >= 1 && after.display.every((d) => d === "none"), JSON.stringify(after.display));
});
