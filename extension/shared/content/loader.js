// Injected by scripting.executeScript (a classic script): loads the content module once per page.
// A second injection finds the flag on the content script's own global (never the page's) and does
// nothing; the module itself is evaluated at most once per realm anyway. The script's value is the
// loading (true once the module listens), which executeScript awaits: the background's first
// message then finds the module ready instead of polling for it.
(() => {
  const self = /** @type {any} */ (globalThis);
  if (!self.blockwiseContentLoading) {
    const ext = self.browser ?? self.chrome;
    self.blockwiseContentLoading = import(ext.runtime.getURL("content/content.js")).then(() => true);
  }
  return self.blockwiseContentLoading;
})();
