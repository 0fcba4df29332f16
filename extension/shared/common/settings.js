// @ts-check
/**
 * Settings: one versioned object under the storage key `settings` in `storage.local`.
 *
 * - Version 3 (current): `{ version: 3, hiddenKinds, sites: { [host]: { hiddenKinds?, autoClean?,
 *   corrections? } }, reader, prepare, notice }`. `prepare` (false unless the user switches it on):
 *   get pages ready before the click (docs/extension.md); it holds only while the optional host
 *   permission is granted too, which the background checks.
 * - Version 2: the same without `prepare`, carried over as it is with `prepare: false` (no notice:
 *   nothing the user chose changes).
 * - Version 1 (the 0.0.x prototype): `{ version: 1, hide: { [kind]: boolean }, autoClean: host[] }`,
 *   migrated by `migrate` so an update keeps the user's choices.
 * - Anything else (corrupt JSON-ish junk, wrong types, a version from the future) falls back to the
 *   defaults and sets `notice`, which the popup and the options page show until dismissed.
 *
 * `migrate` is pure (no browser API) so node's test runner checks it directly (tests/e2e/settings.test.mjs).
 */

/** Every kind the core can answer with (shared/LABELS.md). */
export const KINDS = Object.freeze(["article", "related", "promotion", "sponsored", "navigation", "comments"]);

/** Kinds the user may hide; `article` is never hidden by a switch. */
export const HIDEABLE_KINDS = Object.freeze(["sponsored", "promotion", "related", "navigation", "comments"]);

/** Hidden on first install (issue 3): the page's own chrome and comments stay. */
export const DEFAULT_HIDDEN_KINDS = Object.freeze(["sponsored", "promotion", "related"]);

/** The schema version `migrate` produces. */
export const SETTINGS_VERSION = 3;

/** Storage key in `storage.local`. */
export const SETTINGS_KEY = "settings";

/** Reader view typography, bounded so a bad stored value cannot make the page unreadable. */
export const READER_FONT_SIZE_PX = Object.freeze({ min: 12, max: 32, default: 19 });
const READER_WIDTHS = ["narrow", "medium", "wide"];
const READER_FONTS = ["serif", "sans"];
const READER_THEMES = ["auto", "light", "dark", "sepia"];

/**
 * The optional host permission "get pages ready before I click" needs (both manifests list it under
 * `optional_host_permissions`): the preparing content script runs on every http(s) page.
 */
export const PREPARE_ORIGINS = Object.freeze(["*://*/*"]);

/** Notices shown to the user (message names in _locales). */
export const NOTICE_RESET = "noticeSettingsReset";
export const NOTICE_MIGRATED = "noticeSettingsMigrated";

/**
 * @typedef {{ selector: string, action: "show" | "hide" }} Correction
 * @typedef {{ hiddenKinds?: string[], autoClean?: boolean, corrections?: Correction[] }} SiteSettings
 * @typedef {{ fontSize: number, width: string, font: string, theme: string }} ReaderSettings
 * @typedef {{ version: 3, hiddenKinds: string[], sites: Record<string, SiteSettings>,
 *             reader: ReaderSettings, prepare: boolean, notice: string | null }} Settings
 */

/** @returns {Settings} */
export function defaultSettings() {
  return {
    version: SETTINGS_VERSION,
    hiddenKinds: [...DEFAULT_HIDDEN_KINDS],
    sites: {},
    reader: { fontSize: READER_FONT_SIZE_PX.default, width: "medium", font: "serif", theme: "auto" },
    prepare: false,
    notice: null,
  };
}

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/** @param {unknown} v */
const isKindList = (v) => Array.isArray(v) && v.every((k) => HIDEABLE_KINDS.includes(k));

/** @param {unknown} c @returns {c is Correction} */
const isCorrection = (c) =>
  isObject(c) && typeof c.selector === "string" && c.selector.length > 0 && (c.action === "show" || c.action === "hide");

/** @param {unknown} s @returns {s is SiteSettings} */
function isSite(s) {
  return (
    isObject(s) &&
    (s.hiddenKinds === undefined || isKindList(s.hiddenKinds)) &&
    (s.autoClean === undefined || typeof s.autoClean === "boolean") &&
    (s.corrections === undefined || (Array.isArray(s.corrections) && s.corrections.every(isCorrection)))
  );
}

/** @param {unknown} r @returns {r is ReaderSettings} */
function isReader(r) {
  return (
    isObject(r) &&
    Number.isFinite(r.fontSize) &&
    r.fontSize >= READER_FONT_SIZE_PX.min &&
    r.fontSize <= READER_FONT_SIZE_PX.max &&
    READER_WIDTHS.includes(r.width) &&
    READER_FONTS.includes(r.font) &&
    READER_THEMES.includes(r.theme)
  );
}

/** Version 2's fields (version 3 has them all, and `prepare`). @param {Record<string, any>} v */
function hasVersion2Fields(v) {
  return (
    isKindList(v.hiddenKinds) &&
    isObject(v.sites) &&
    Object.values(v.sites).every(isSite) &&
    isReader(v.reader) &&
    (v.notice === null || typeof v.notice === "string")
  );
}

/** @param {Record<string, any>} v @returns {v is Settings} */
function isCurrent(v) {
  return v.version === SETTINGS_VERSION && typeof v.prepare === "boolean" && hasVersion2Fields(v);
}

/** @param {Record<string, any>} v */
function isVersion1(v) {
  return (
    v.version === 1 &&
    isObject(v.hide) &&
    Object.entries(v.hide).every(([k, on]) => KINDS.includes(k) && typeof on === "boolean") &&
    (v.autoClean === undefined || (Array.isArray(v.autoClean) && v.autoClean.every((h) => typeof h === "string")))
  );
}

/**
 * Turns whatever is stored into current settings.
 * @param {unknown} stored the raw value under SETTINGS_KEY (undefined on first install)
 * @returns {{ settings: Settings, changed: boolean }} `changed` says the result must be written back
 */
export function migrate(stored) {
  if (stored === undefined) return { settings: defaultSettings(), changed: true };
  if (isObject(stored) && isCurrent(stored)) return { settings: /** @type {Settings} */ (stored), changed: false };
  if (isObject(stored) && stored.version === 2 && stored.prepare === undefined && hasVersion2Fields(stored)) {
    return { settings: /** @type {Settings} */ ({ ...stored, version: SETTINGS_VERSION, prepare: false }), changed: true };
  }
  if (isObject(stored) && isVersion1(stored)) {
    const settings = defaultSettings();
    settings.hiddenKinds = HIDEABLE_KINDS.filter((k) => stored.hide[k] ?? DEFAULT_HIDDEN_KINDS.includes(k));
    for (const host of stored.autoClean ?? []) settings.sites[host] = { autoClean: true };
    settings.notice = NOTICE_MIGRATED;
    return { settings, changed: true };
  }
  const settings = defaultSettings();
  settings.notice = NOTICE_RESET;
  return { settings, changed: true };
}

/**
 * The kinds hidden on `host`: the site's override if it has one, else the global choice.
 * @param {Settings} settings @param {string} host
 */
export function effectiveHiddenKinds(settings, host) {
  return settings.sites[host]?.hiddenKinds ?? settings.hiddenKinds;
}

/**
 * Reads (and, if needed, repairs and writes back) the settings.
 * @param {typeof chrome.storage.local} storage
 * @returns {Promise<Settings>}
 */
export async function loadSettings(storage) {
  const got = await storage.get(SETTINGS_KEY);
  const { settings, changed } = migrate(got[SETTINGS_KEY]);
  if (changed) await storage.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/**
 * Applies `change` to the current settings and stores the result.
 * @param {typeof chrome.storage.local} storage
 * @param {(s: Settings) => void} change
 * @returns {Promise<Settings>}
 */
export async function updateSettings(storage, change) {
  const settings = await loadSettings(storage);
  change(settings);
  await storage.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/**
 * The settings of one site, created when missing.
 * @param {Settings} settings @param {string} host @returns {SiteSettings}
 */
export function siteOf(settings, host) {
  return (settings.sites[host] ??= {});
}
