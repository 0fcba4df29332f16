// @ts-check
// The built packages: what the manifests ask for, what the zips hold, and `web-ext lint`.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { lstatSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { ROOT, distDir } from "./lib/cases.mjs";

const run = promisify(execFile);
const BROWSERS = ["chromium", "firefox"];
/** Issue 7: nothing beyond these; host access only as an optional permission, for auto-clean. */
const PERMISSIONS = ["activeTab", "contextMenus", "scripting", "storage"];

/** @param {string} browser */
const manifest = (browser) => JSON.parse(readFileSync(path.join(distDir(browser), "manifest.json"), "utf8"));

for (const browser of BROWSERS) {
  test(`${browser}: the manifest asks only for ${PERMISSIONS.join(", ")}`, () => {
    const m = manifest(browser);
    assert.equal(m.manifest_version, 3);
    assert.deepEqual([...m.permissions].sort(), PERMISSIONS);
    assert.equal(m.host_permissions, undefined, "no host permission up front");
    assert.deepEqual(m.optional_host_permissions, ["*://*/*"]);
    assert.equal(m.content_scripts, undefined, "nothing runs in pages before the user asks");
    assert.match(m.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
    assert.ok(m.web_accessible_resources.some((/** @type {any} */ w) => w.resources.includes("core/*")));
    assert.deepEqual(Object.keys(m.commands).sort(), ["open-reader", "toggle-clean"]);
  });

  test(`${browser}: dist is plain copies (no symlinks) and the zip has the manifest at its root`, async () => {
    const dir = distDir(browser);
    /** @param {string} d @returns {string[]} */
    const walk = (d) => readdirSync(d).flatMap((f) => {
      const p = path.join(d, f);
      const st = lstatSync(p);
      assert.ok(!st.isSymbolicLink(), `${p} is a symlink`);
      return st.isDirectory() ? walk(p) : [path.relative(dir, p)];
    });
    const files = walk(dir).sort();
    // `zip -sf` lists an archive's entries, indented, between a header and a total line.
    const { stdout } = await run("zip", ["-sf", path.join(ROOT, "dist", `blockwise-${browser}.zip`)]);
    const zipped = stdout.split("\n").filter((l) => l.startsWith("  ") && !l.endsWith("/")).map((l) => l.trim()).sort();
    assert.deepEqual(zipped, files);
    for (const f of ["manifest.json", "core/blockwise.js", "core/blockwise_bg.wasm", "_locales/en/messages.json", "_locales/de/messages.json"]) {
      assert.ok(files.includes(f), `${f} is packaged`);
    }
  });
}

test("chromium: background is a service worker; firefox: background scripts and a gecko id", () => {
  const c = manifest("chromium");
  assert.equal(c.background.service_worker, "background/background.js");
  assert.equal(c.background.scripts, undefined);
  const f = manifest("firefox");
  assert.deepEqual(f.background.scripts, ["background/background.js"]);
  assert.equal(f.background.service_worker, undefined);
  assert.match(f.browser_specific_settings.gecko.id, /@/);
});

test("every locale has every message the English one has", () => {
  const dir = path.join(ROOT, "extension/shared/_locales");
  const en = Object.keys(JSON.parse(readFileSync(path.join(dir, "en/messages.json"), "utf8"))).sort();
  const locales = readdirSync(dir);
  assert.ok(locales.length >= 2, "English and at least one more language");
  for (const l of locales) {
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(path.join(dir, l, "messages.json"), "utf8"))).sort(), en, l);
  }
});

test("the content script's node limit is the core's MAX_NODES", () => {
  const num = (/** @type {string} */ file, /** @type {RegExp} */ re) => Number(readFileSync(path.join(ROOT, file), "utf8").match(re)?.[1]?.replaceAll("_", ""));
  const core = num("src/page.rs", /pub const MAX_NODES: usize = ([\d_]+);/);
  assert.ok(core > 0, "MAX_NODES in src/page.rs");
  assert.equal(num("extension/shared/content/snapshot.js", /export const MAX_NODES = ([\d_]+);/), core);
});

test("the measures that count what the default settings hide use the extension's default kinds", async () => {
  const { DEFAULT_HIDDEN_KINDS } = await import(path.join(ROOT, "extension/shared/common/settings.js"));
  const kinds = (/** @type {string} */ file, /** @type {RegExp} */ re) => [...(readFileSync(path.join(ROOT, file), "utf8").match(re)?.[1] ?? "").matchAll(/"(\w+)"|Kind::(\w+)/g)].map((m) => (m[1] ?? m[2]).toLowerCase()).sort();
  const want = [...DEFAULT_HIDDEN_KINDS].sort();
  assert.deepEqual(kinds("bench/score.py", /DEFAULT_HIDDEN_KINDS = \(([^)]*)\)/), want, "bench/score.py");
  assert.deepEqual(kinds("examples/wcxb_hidden.rs", /const DEFAULT_HIDDEN: \[[^\]]*\] = \[([^\]]*)\]/), want, "examples/wcxb_hidden.rs");
});

test("web-ext lint on dist/firefox reports no errors", { timeout: 120_000 }, async () => {
  const dir = distDir("firefox");
  const bin = path.join(ROOT, "node_modules/.bin/web-ext");
  const { stdout } = await run(bin, ["lint", "--source-dir", dir, "--output", "json", "--no-input"], { maxBuffer: 16 << 20 }).catch((e) => e);
  const report = JSON.parse(stdout);
  assert.ok(report.summary, "web-ext lint produced a report");
  assert.deepEqual(report.errors.map((/** @type {any} */ e) => `${e.code}: ${e.message} ${e.file ?? ""}`), []);
});

test("the extension's own code calls no network API (the Wasm glue fetches only the .wasm we name)", () => {
  const dir = path.join(ROOT, "extension/shared");
  /** @param {string} d @returns {string[]} */
  const js = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? js(path.join(d, e.name)) : e.name.endsWith(".js") ? [path.join(d, e.name)] : []);
  const files = js(dir);
  assert.ok(files.length > 5);
  const offenders = files.filter((f) => /\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource)\b/.test(readFileSync(f, "utf8")));
  assert.deepEqual(offenders, []);
  assert.match(readFileSync(path.join(dir, "common/core.js"), "utf8"), /module_or_path: api\.runtime\.getURL\("core\/blockwise_bg\.wasm"\)/);
});
