// @ts-check
/**
 * The options page: the kinds hidden everywhere, "get pages ready before I click" (with its host
 * permission), and the sites with their own settings (forget one).
 */

import { api } from "../common/api.js";
import { h, localize, t } from "../common/i18n.js";
import { HIDEABLE_KINDS, PREPARE_ORIGINS, loadSettings, updateSettings } from "../common/settings.js";

const storage = api.storage.local;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function render() {
  const s = await loadSettings(storage);
  $("notice").hidden = !s.notice;
  // On only while the permission is granted too (the user may take it back in the browser's own UI).
  /** @type {HTMLInputElement} */ ($("prepare")).checked = s.prepare && (await api.permissions.contains({ origins: [...PREPARE_ORIGINS] }));
  if (s.notice) $("notice-text").textContent = t(s.notice);
  $("kinds").replaceChildren(
    ...HIDEABLE_KINDS.map((kind) => {
      const box = h("input", { type: "checkbox", "data-kind": kind });
      box.checked = s.hiddenKinds.includes(kind);
      box.addEventListener("change", () =>
        updateSettings(storage, (s) => {
          s.hiddenKinds = HIDEABLE_KINDS.filter((k) => (k === kind ? box.checked : s.hiddenKinds.includes(k)));
        }).then(render));
      return h("li", {}, [h("label", {}, [box, " ", t(`kind_${kind}`)])]);
    }),
  );
  const hosts = Object.keys(s.sites).sort();
  $("sites").replaceChildren(
    ...(hosts.length
      ? hosts.map((host) => {
          const site = s.sites[host];
          const forget = h("button", {}, [t("optionsForget")]);
          forget.addEventListener("click", () => updateSettings(storage, (s) => { delete s.sites[host]; }).then(render));
          const auto = site.autoClean ? t("popupAutoClean") + " ·" : "";
          return h("li", {}, [h("strong", {}, [host]), " ", t("optionsSiteSummary", auto, site.corrections?.length ?? 0), " ", forget]);
        })
      : [h("li", {}, [t("optionsNoSites")])]),
  );
  document.body.dataset.ready = "true";
}

/**
 * Switching preparation on asks for the host permission first, in the click's own task (the browsers
 * grant a request only from a user's gesture), and stores the choice only once it is granted;
 * switching it off stores that and gives the permission back. The background registers or drops the
 * preparing content script as the settings and the permission change.
 */
function onPrepareChange() {
  const box = /** @type {HTMLInputElement} */ ($("prepare"));
  const on = box.checked;
  $("prepare-denied").hidden = true;
  const granted = on ? api.permissions.request({ origins: [...PREPARE_ORIGINS] }) : Promise.resolve(false);
  return granted
    .then(async (ok) => {
      if (on && !ok) {
        $("prepare-denied").hidden = false;
        return;
      }
      await updateSettings(storage, (s) => { s.prepare = on; });
      // A permission the manifest requires (a test build's host_permissions) cannot be given back.
      if (!on) await api.permissions.remove({ origins: [...PREPARE_ORIGINS] }).catch(() => false);
    })
    .catch((e) => {
      console.warn("Blockwise: the preparation setting failed:", e?.message ?? e);
      $("prepare-denied").hidden = false;
    })
    .then(render);
}

localize(document);
$("prepare").addEventListener("change", onPrepareChange);
$("notice-dismiss").addEventListener("click", () => updateSettings(storage, (s) => { s.notice = null; }).then(render));
render();
