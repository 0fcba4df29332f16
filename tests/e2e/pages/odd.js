// Odd pages for the limits tests (docs/hardening.md), built before the load event from the query
// string on top of big.html's harbour-ferry story (big.js builds the huge pages, this file the odd ones):
//   big.html?shadow    the story's end and a related box in an open shadow root, an advert in a closed one
//   big.html?iframe    an advert in a srcdoc iframe and another page in a same-origin iframe
//   big.html?svg=N     N inline SVG charts (paths, text labels, foreignObject) inside the story
//   big.html?math=N    N MathML formulas inside the story
//   big.html?mb=MB     one text node of MB megabytes in a box after the story
//   big.html?nobody    the body taken out of the document
(() => {
  const q = new URLSearchParams(location.search);
  addEventListener("DOMContentLoaded", () => {
    const story = document.querySelector(".story-body");
    const main = document.getElementById("main");
    if (!story || !main) return;
    if (q.has("shadow")) {
      // A web component with the story's last paragraphs and a teaser box in an open shadow root, an advert in a closed one. The closed root
      // is kept in a page global (never an attribute) so a test can check that nothing touched it.
      const links = Array.from({ length: 6 }, (_, i) =>
        `<li class="teaser"><a href="/story/${i}">Another harbour story, number ${i}</a><span class="when">${i + 2}h</span></li>`).join("");
      const open = document.createElement("div");
      open.id = "open-host";
      open.attachShadow({ mode: "open" }).innerHTML =
        `<div class="story-more"><p>The council will review the crossing's timetable again in the autumn, when the winter repairs for next year are planned and the harbour's budget for the dry dock is set.</p>` +
        `<p>Passengers who want to comment on the timetable can write to the harbour office on Quay Street or leave a note at the kiosk, which the harbour master has promised to read each week.</p></div>` +
        `<section class="related-stories"><h2>Related stories</h2><ul>${links}</ul></section>`;
      const ads = Array.from({ length: 4 }, (_, i) =>
        `<li><a href="https://ads.example.net/click?campaign=${i}&utm_source=widget">Partner offer ${i}: save on winter boots</a></li>`).join("");
      const closed = document.createElement("div");
      closed.id = "closed-host";
      const root = closed.attachShadow({ mode: "closed" });
      root.innerHTML = `<aside class="sponsored"><h3>Sponsored</h3><ul>${ads}</ul></aside>`;
      /** @type {any} */ (window).__closedRoot = root;
      main.append(open, closed);
    }
    if (q.has("iframe")) {
      const ad = document.createElement("iframe");
      ad.id = "ad-frame";
      ad.srcdoc = `<div class="ad sponsored"><p>Advertisement</p><a href="https://ads.example.net/click?x=1">Buy a boat</a></div>`;
      const other = document.createElement("iframe");
      other.id = "page-frame";
      other.src = "/pages/news.html";
      main.append(ad, other);
    }
    const svg = Number(q.get("svg") ?? 0);
    if (svg) {
      const chart = `<svg viewBox="0 0 100 40" width="100" height="40"><g><path d="M0 40L20 10L40 25L60 5L80 30L100 0"/><text x="2" y="12">crossings</text><foreignObject width="50" height="20"><p>label</p></foreignObject></g></svg>`;
      story.insertAdjacentHTML("beforeend", `<figure class="charts">${chart.repeat(svg)}</figure>`);
    }
    const math = Number(q.get("math") ?? 0);
    if (math) {
      const formula = `<math><mrow><mi>f</mi><mo>=</mo><mfrac><mn>1</mn><mi>T</mi></mfrac></mrow><mtext>per hour</mtext></math>`;
      story.insertAdjacentHTML("beforeend", `<div class="formulas">${formula.repeat(math)}</div>`);
    }
    const mb = Number(q.get("mb") ?? 0);
    if (mb) {
      const box = document.createElement("div");
      box.className = "transcript";
      box.append("word ".repeat(mb * 1024 * 1024 / 5));
      main.append(box);
    }
    if (q.has("nobody")) document.body.remove();
  });
})();
