// Served first in a page's <head> by the test server's /watched/ route (prepare.test.mjs): from
// DOMContentLoaded on, keeps the page's markup as it was then and every change made to its DOM since,
// so a test can tell that the extension's preparation changed nothing at all.
window.__watch = { before: null, changes: [] };
document.addEventListener("DOMContentLoaded", () => {
  window.__watch.before = document.documentElement.outerHTML;
  new MutationObserver((records) => {
    for (const r of records) {
      const name = r.target.nodeType === 1 ? r.target.localName : r.target.nodeName;
      window.__watch.changes.push(`${r.type} ${name} ${r.attributeName ?? ""}`.trim());
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
});
