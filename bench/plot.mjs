// @ts-check
/**
 * `node bench/plot.mjs IN.svg OUT.png`: renders the SVG plot that bench/score.py writes to a PNG in
 * headless Chromium (playwright-core, already a dev-dependency), so `make score` needs no Python
 * plotting package.
 */

import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node bench/plot.mjs IN.svg OUT.png");
  process.exit(2);
}
const svg = readFileSync(input, "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.locator("svg").first().screenshot({ path: output });
  console.error(`plot: ${output}`);
} finally {
  await browser.close();
}
