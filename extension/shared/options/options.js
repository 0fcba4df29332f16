// @ts-check
/** The options page: the kinds hidden everywhere, and the sites with their own settings (forget one). */

import { api } from "../common/api.js";
import { h, localize, t } from "../common/i18n.js";
import { HIDEABLE_KINDS, loadSettings, updateSettings } from "../common/settings.js";

const storage = api.storage.local;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function render() {
  const s = await loadSettings(storage);
  $("notice").hidden = !s.notice;
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
}

localize(document);
$("notice-dismiss").addEventListener("click", () => updateSettings(storage, (s) => { s.notice = null; }).then(render));
render();
