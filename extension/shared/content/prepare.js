// Registered by the background (scripting.registerContentScripts, document_idle, top frames) while
// "get pages ready before I click" is on and its host permission granted: a classic script that loads
// the content module in "prepare" mode once the page's thread is idle. The module then walks and
// classifies the page without changing it (content.js, `prepare`), so the toolbar click only applies.
// A click before this finds the module already loading (loader.js shares the same flag) or loads it.
(() => {
  const self = /** @type {any} */ (globalThis);
  if (self.blockwiseContentLoading || !/^https?:$/.test(location.protocol)) return;
  self.blockwisePrepare = true;
  const ext = self.browser ?? self.chrome;
  const load = () => {
    self.blockwiseContentLoading ??= import(ext.runtime.getURL("content/content.js")).then(() => true);
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
})();
