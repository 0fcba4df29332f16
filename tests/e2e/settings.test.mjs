// @ts-check
// The settings schema: migration from the old format, and corrupt values falling back to defaults.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEFAULT_HIDDEN_KINDS, NOTICE_MIGRATED, NOTICE_RESET, SETTINGS_VERSION, defaultSettings, effectiveHiddenKinds, migrate,
} from "../../extension/shared/common/settings.js";

test("first install: defaults, written back, no notice", () => {
  const { settings, changed } = migrate(undefined);
  assert.equal(changed, true);
  assert.deepEqual(settings, defaultSettings());
  assert.deepEqual(settings.hiddenKinds, [...DEFAULT_HIDDEN_KINDS]);
  assert.equal(settings.notice, null);
});

test("current settings are kept as they are", () => {
  const stored = defaultSettings();
  stored.hiddenKinds = ["sponsored"];
  stored.sites["example.com"] = { hiddenKinds: ["related"], autoClean: true, corrections: [{ selector: "#ad", action: "hide" }] };
  const { settings, changed } = migrate(structuredClone(stored));
  assert.equal(changed, false);
  assert.deepEqual(settings, stored);
});

test("version 1 (the prototype's format) survives the update", () => {
  const { settings, changed } = migrate({ version: 1, hide: { sponsored: true, related: false, comments: true }, autoClean: ["news.example"] });
  assert.equal(changed, true);
  assert.equal(settings.version, SETTINGS_VERSION);
  // promotion was not mentioned: it keeps its default (hidden)
  assert.deepEqual(settings.hiddenKinds, ["sponsored", "promotion", "comments"]);
  assert.deepEqual(settings.sites, { "news.example": { autoClean: true } });
  assert.equal(settings.notice, NOTICE_MIGRATED);
});

test("version 2 (before the preparation setting) is carried over as it is, preparation off, no notice", () => {
  const v2 = { ...defaultSettings(), version: 2, hiddenKinds: ["comments"], sites: { "a.example": { autoClean: true } } };
  delete (/** @type {any} */ (v2)).prepare;
  const { settings, changed } = migrate(structuredClone(v2));
  assert.equal(changed, true);
  assert.deepEqual(settings, { ...v2, version: SETTINGS_VERSION, prepare: false });
  assert.equal(settings.notice, null);
});

test("preparation is off on a new install, and kept when the user switched it on", () => {
  assert.equal(defaultSettings().prepare, false);
  const { settings, changed } = migrate({ ...defaultSettings(), prepare: true });
  assert.equal(changed, false);
  assert.equal(settings.prepare, true);
});

for (const [name, stored] of Object.entries({
  "a preparation switch that is not a boolean": { ...defaultSettings(), prepare: "yes" },
  "a current version without the preparation switch": { ...defaultSettings(), prepare: undefined },
  "a version 2 with junk": { ...defaultSettings(), version: 2, prepare: undefined, hiddenKinds: "all" },
  "a string": "{corrupt",
  null: null,
  "an array": [1, 2],
  "an unknown kind": { ...defaultSettings(), hiddenKinds: ["sponsored", "everything"] },
  "a version from the future": { ...defaultSettings(), version: 99 },
  "a bad site entry": { ...defaultSettings(), sites: { "a.example": { corrections: [{ selector: 3 }] } } },
  "a reader font size out of range": { ...defaultSettings(), reader: { fontSize: 400, width: "medium", font: "serif", theme: "auto" } },
  "a version 1 with junk": { version: 1, hide: { sponsored: "yes" } },
})) {
  test(`corrupt settings (${name}) fall back to the defaults with a notice`, () => {
    const { settings, changed } = migrate(stored);
    assert.equal(changed, true);
    assert.deepEqual({ ...settings, notice: null }, defaultSettings());
    assert.equal(settings.notice, NOTICE_RESET);
  });
}

test("a site's own kinds override the global choice", () => {
  const s = defaultSettings();
  s.sites["a.example"] = { hiddenKinds: ["navigation"] };
  assert.deepEqual(effectiveHiddenKinds(s, "a.example"), ["navigation"]);
  assert.deepEqual(effectiveHiddenKinds(s, "b.example"), [...DEFAULT_HIDDEN_KINDS]);
});
