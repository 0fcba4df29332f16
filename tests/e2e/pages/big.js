// A page far larger than any news page, for the limits tests (docs/hardening.md), built before the
// load event from the query string:
//   big.html?n=200000    a story, then rails of teasers (li > a + span) until the page has n elements
//   big.html?deep=20000  the story at the bottom of 20,000 nested divs (&hidden: a hidden chain beside it)
//   big.html?text=2000000  the story, and a hidden box of 2,000,000 text nodes
// It also runs what any busy page runs, a setTimeout(0) ticker, and keeps its own record of how long
// its main thread was held: every tick's time in __ticks, and (Chromium) every long task in __longTasks.
// These are page globals, never attributes, so the page's outerHTML is not touched by them.
(() => {
  const q = new URLSearchParams(location.search);
  const n = Number(q.get("n") ?? 0);
  const deep = Number(q.get("deep") ?? 0);
  const text = Number(q.get("text") ?? 0);
  addEventListener("DOMContentLoaded", () => {
    if (n) {
      // Rails of 50 teasers each (aside > h2 + ul > li > a + span), as many as fit in n elements.
      const main = document.getElementById("main");
      let count = document.getElementsByTagName("*").length;
      const rails = [];
      for (let i = 0; count + 6 <= n; ) {
        const cards = [];
        count += 3;
        for (let k = 0; k < 50 && count + 3 <= n; k++, i++, count += 3) {
          cards.push(`<li class="card"><a href="/story/${i}">Headline ${i}</a><span class="when">${i % 59}m</span></li>`);
        }
        rails.push(`<aside class="related-stories"><h2>Related stories</h2><ul>${cards.join("")}</ul></aside>`);
      }
      // Rails come in threes; empty spans make up the rest, so the page has exactly n elements.
      if (count < n) rails.push("<span></span>".repeat(n - count));
      main.insertAdjacentHTML("beforeend", rails.join(""));
    }
    if (text) {
      // Beyond the core's limit: a hidden box of `text` one-character text nodes (cheap to build, never laid out).
      const box = document.createElement("div");
      box.hidden = true;
      for (let i = 0; i < text; i += 10_000) box.append(...Array.from({ length: Math.min(10_000, text - i) }, () => "x"));
      document.getElementById("main")?.append(box);
    }
    if (deep) {
      // Chromium's renderer itself crashes laying out a few thousand nested boxes (without any
      // extension), so the chain is in a hidden container there: walked and classified, never laid out.
      const story = document.getElementById("story");
      let parent = document.getElementById("main");
      if (q.has("hidden")) {
        const box = document.createElement("div");
        box.hidden = true;
        parent.append(box);
        parent = box;
      }
      for (let i = 0; i < deep; i++) {
        const d = document.createElement("div");
        parent.append(d);
        parent = d;
      }
      if (q.has("hidden")) parent.append("A note at the bottom of the chain.");
      else parent.append(story);
    }
  });
  const w = /** @type {any} */ (window);
  w.__ticks = [];
  w.__longTasks = [];
  const tick = () => {
    w.__ticks.push(performance.now());
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  if (typeof PerformanceObserver === "function" && PerformanceObserver.supportedEntryTypes?.includes("longtask")) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask" });
  }
})();
